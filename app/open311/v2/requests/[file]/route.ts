import { defineApiKeyRoute } from "@/server/http/define-api-key-route";
import { open311Error } from "@/server/open311/open311-error";
import { readCitizenReports } from "@/server/open311/read-citizen-reports";

export const dynamic = "force-dynamic";

/** GeoReport's ids sit in the file name (requests/<id>.json); ours are UUIDs. */
const REQUEST_FILE = /^([0-9a-fA-F-]{36})\.json$/;

/** GeoReport v2 "GET Service Request": one report, as an array of one (the spec's shape), or 404. */
export const GET = defineApiKeyRoute({ scope: "open311", error: open311Error }, async ({ runtime, caller, params }) => {
  const id = REQUEST_FILE.exec(params.file ?? "")?.[1];
  if (!id) return open311Error(404, "No such service request (requests/<service_request_id>.json)");
  const found = await readCitizenReports(runtime.database.prisma, runtime.city.domains.citizenServices, caller.id, [id]);
  if (found.length === 0) return open311Error(404, "No such service request");
  return Response.json(found, { headers: { "Cache-Control": "no-store" } });
});
