import type { TOpen311Service } from "@/lib/contracts/open311";
import type { TCitizenServiceCatalog } from "@/lib/domains/citizen-service-catalog";

/** The city's service catalogue as GeoReport's service list. */
export function open311Services(services: TCitizenServiceCatalog): TOpen311Service[] {
  return services.services.map((s) => ({
    service_code: s.code,
    service_name: s.name,
    description: s.description,
    metadata: false,
    type: "realtime",
    keywords: s.keywords.join(","),
    group: s.group,
  }));
}
