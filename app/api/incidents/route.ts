import { ZCreateIncidentRequest, ZIncident, ZIncidentList, ZIncidentListQuery } from "@/lib/contracts/incidents";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { createIncident } from "@/server/incidents/create-incident";
import { listIncidents } from "@/server/incidents/list-incidents";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Incidents (ZIncidentListQuery → ZIncident[]): all but closed by default, highest priority then newest first. */
export const GET = defineRoute(
  { roles: OPERATIONS_ROLES, query: ZIncidentListQuery, response: ZIncidentList },
  async ({ runtime, query }) => listIncidents(runtime.database.prisma, query),
);

/** An incident opened by hand (ZCreateIncidentRequest → 201 ZIncident). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZCreateIncidentRequest, response: ZIncident }, async (input) =>
  withStatus(await createIncident(actionDeps(input), input.body), 201),
);
