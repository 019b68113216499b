import { ZIncidentDispatches } from "@/lib/contracts/units";
import { listDispatches } from "@/server/dispatch/list-dispatches";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Every unit sent to the incident, in order (ZIncidentDispatches). */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZIncidentDispatches }, async ({ runtime, params }) => ({
  dispatches: await listDispatches(runtime.database.prisma, params.id),
}));
