import { ZIncidentDetail } from "@/lib/contracts/incidents";
import { defineRoute } from "@/server/http/define-route";
import { getIncidentDetail } from "@/server/incidents/find-incident";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** One incident with its timeline and linked alerts (ZIncidentDetail). */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZIncidentDetail }, async ({ runtime, params }) =>
  getIncidentDetail(runtime.database.prisma, params.id),
);
