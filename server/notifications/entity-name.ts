import type { TCityEntities } from "@/lib/contracts/city-pack";
import { indexEntities } from "@/lib/city/entity-index";
import { entityName } from "@/lib/city/entity-names";
import { EMPTY_DOMAIN_REGISTRY, type TDomainRegistry } from "@/server/domains/domain-registry";

export type TEntityNames = (domain: string, entityId: string) => string | null;

/** What people call an entity in messages that leave the app: the same names the control room shows (lib/city). */
export function entityNames(entities: TCityEntities, domains: TDomainRegistry = EMPTY_DOMAIN_REGISTRY): TEntityNames {
  // The registry has placed the declared domains' sensors already: the index takes them rather than placing them again.
  const index = { ...indexEntities(entities), declared: new Map(domains.domains.flatMap((d) => d.entities.map((e) => [e.id, e]))) };
  return (domain, entityId) => entityName(index, domain, entityId);
}
