import { ZNgsiEntityId, ZNgsiEntityQuery } from "@/lib/contracts/ngsi-ld";
import { defineApiKeyRoute } from "@/server/http/define-api-key-route";
import { ngsiProblem } from "@/server/ngsi-ld/ngsi-ld-problem";
import { ngsiPlacesOf } from "@/server/ngsi-ld/ngsi-places";
import { toNgsiEntity } from "@/server/ngsi-ld/ngsi-representation";
import { negotiateNgsiMediaType, ngsiJson, representationOf } from "@/server/ngsi-ld/ngsi-response";
import { parseNgsiParams } from "@/server/ngsi-ld/parse-ngsi-params";
import { readNgsiEntities } from "@/server/ngsi-ld/read-ngsi-entities";

export const dynamic = "force-dynamic";

const MAX_ID_CHARS = 300;

/** NGSI-LD Retrieve Entity: one entity of the live city by its urn:ngsi-ld:<Type>:<id>. */
export const GET = defineApiKeyRoute({ scope: "ngsi-ld:read", error: ngsiProblem }, async ({ request, runtime, params }) => {
  const mediaType = negotiateNgsiMediaType(request.headers.get("accept"));
  if (!mediaType) return ngsiProblem(406, "This API answers application/json or application/ld+json");
  const id = params.id ?? "";
  if (id.length > MAX_ID_CHARS || !ZNgsiEntityId.safeParse(id).success) {
    return ngsiProblem(400, "The entity id must be a URN such as urn:ngsi-ld:OffStreetParking:<id>");
  }
  const query = parseNgsiParams(ZNgsiEntityQuery, request);
  if (!query.ok) return ngsiProblem(400, query.detail);

  const { cityState, entities, domains } = runtime.city;
  const view = readNgsiEntities(cityState, ngsiPlacesOf(entities), domains).find((v) => v.id === id);
  if (!view) return ngsiProblem(404, "No entity with this id has live state");
  return ngsiJson(request, mediaType, toNgsiEntity(view, representationOf(query.value)));
});
