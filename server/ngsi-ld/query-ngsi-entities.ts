import type { TNgsiEntitiesQuery } from "@/lib/contracts/ngsi-ld";
import { matchesNgsiQuery } from "./matches-ngsi-query";
import { compactTerm } from "./ngsi-ld-context";
import type { TNgsiEntityView } from "./ngsi-entity-view";
import { parseNgsiQuery } from "./parse-ngsi-query";

/** One page of the entities matching type, id and q (throws NgsiQueryError on a bad q), and how many match in all. */
export function queryNgsiEntities(
  views: readonly TNgsiEntityView[],
  query: TNgsiEntitiesQuery,
): { page: TNgsiEntityView[]; total: number } {
  const types = query.type && new Set(query.type.map(compactTerm));
  const ids = query.id && new Set(query.id);
  const q = query.q === undefined ? [] : parseNgsiQuery(query.q);
  const matching = views.filter((v) => (!types || types.has(v.type)) && (!ids || ids.has(v.id)) && matchesNgsiQuery(v, q));
  return { page: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
}
