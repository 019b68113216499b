import type { TCityEntities } from "@/lib/contracts/city-pack";
import { ZLayer } from "@/lib/contracts/layers";
import { indexEntities } from "@/lib/city/entity-index";
import { entityName } from "@/lib/city/entity-names";

export type TEntityNames = (domain: string, entityId: string) => string | null;

/** What people call an entity in messages that leave the app: the same names the control room shows (lib/city). */
export function entityNames(entities: TCityEntities): TEntityNames {
  const index = indexEntities(entities);
  return (domain, entityId) => {
    const layer = ZLayer.safeParse(domain);
    return layer.success ? entityName(index, layer.data, entityId) : null;
  };
}
