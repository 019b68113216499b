import { ZNgsiEntitiesQuery } from "@/lib/contracts/ngsi-ld";
import { defineApiKeyRoute } from "@/server/http/define-api-key-route";
import { ngsiProblem } from "@/server/ngsi-ld/ngsi-ld-problem";
import { ngsiPlacesOf } from "@/server/ngsi-ld/ngsi-places";
import { toNgsiEntity } from "@/server/ngsi-ld/ngsi-representation";
import { negotiateNgsiMediaType, ngsiJson, representationOf } from "@/server/ngsi-ld/ngsi-response";
import { NgsiQueryError } from "@/server/ngsi-ld/parse-ngsi-query";
import { parseNgsiParams } from "@/server/ngsi-ld/parse-ngsi-params";
import { queryNgsiEntities } from "@/server/ngsi-ld/query-ngsi-entities";
import { readNgsiEntities } from "@/server/ngsi-ld/read-ngsi-entities";

export const dynamic = "force-dynamic";

/** NGSI-LD Query Entities over the live city: type, id, q, limit/offset, count, options=keyValues. */
export const GET = defineApiKeyRoute({ scope: "ngsi-ld:read", error: ngsiProblem }, async ({ request, runtime }) => {
  const mediaType = negotiateNgsiMediaType(request.headers.get("accept"));
  if (!mediaType) return ngsiProblem(406, "This API answers application/json or application/ld+json");
  const query = parseNgsiParams(ZNgsiEntitiesQuery, request);
  if (!query.ok) return ngsiProblem(400, query.detail);

  const { cityState, entities, domains } = runtime.city;
  let result: ReturnType<typeof queryNgsiEntities>;
  try {
    result = queryNgsiEntities(readNgsiEntities(cityState, ngsiPlacesOf(entities), domains), query.value);
  } catch (error) {
    if (error instanceof NgsiQueryError) return ngsiProblem(400, error.message);
    throw error;
  }
  const representation = representationOf(query.value);
  const isCounted = query.value.count === "true" || query.value.options?.includes("count") === true;
  return ngsiJson(
    request,
    mediaType,
    result.page.map((view) => toNgsiEntity(view, representation)),
    isCounted ? { "NGSILD-Results-Count": String(result.total) } : {},
  );
});
