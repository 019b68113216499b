import type { TCitizenService } from "@/lib/contracts/citizen-services";
import { BUILTIN_CITIZEN_SERVICES } from "./builtin-domains";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";

/** What citizens can report in this city (Open311 GeoReport "services"), built-in and declared. */
export type TCitizenServiceCatalog = {
  /**
   * The built-in services in their order, each replaced in place by a declared service of its code, then the
   * declared services with new codes in definition order: the order of GET services.json.
   */
  services: readonly TCitizenService[];
  find(code: string): TCitizenService | undefined;
};

type TDeclaredPart = Pick<TDomainDefinition, "id" | "citizenServices">;

/**
 * The one service catalogue both sides read, beside domainCatalog: the server builds it from the definitions it
 * loaded (server/domains/domain-registry.ts), the browser can from the same definitions in GET /api/city. A declared
 * service is raised in its definition's domain. The loader refuses a code declared twice, naming the file; this
 * throws too, so a catalogue built some other way never holds two services of one code.
 */
export function citizenServiceCatalog(declared: readonly TDeclaredPart[] = []): TCitizenServiceCatalog {
  const declaredServices = declared.flatMap((d) => d.citizenServices.map((service): TCitizenService => ({ ...service, domain: d.id })));
  const byCode = new Map<string, TCitizenService>();
  for (const service of declaredServices) {
    if (byCode.has(service.code)) throw new Error(`Citizen service "${service.code}" is declared by two domains`);
    byCode.set(service.code, service);
  }
  const builtinCodes = new Set(BUILTIN_CITIZEN_SERVICES.map((s) => s.code));
  const services = [
    ...BUILTIN_CITIZEN_SERVICES.map((builtin) => byCode.get(builtin.code) ?? builtin),
    ...declaredServices.filter((s) => !builtinCodes.has(s.code)),
  ];
  const all = new Map(services.map((s) => [s.code, s]));
  return { services, find: (code) => all.get(code) };
}
