import { CITIZEN_SERVICES } from "@/lib/contracts/citizen-services";
import type { TOpen311Service } from "@/lib/contracts/open311";

/** The service table as GeoReport's service list. */
export const OPEN311_SERVICES: readonly TOpen311Service[] = CITIZEN_SERVICES.map((s) => ({
  service_code: s.code,
  service_name: s.name,
  description: s.description,
  metadata: false,
  type: "realtime",
  keywords: s.keywords.join(","),
  group: s.group,
}));
