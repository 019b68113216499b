import { ZChangeIncidentStatusRequest, ZIncident } from "@/lib/contracts/incidents";
import { defineRoute } from "@/server/http/define-route";
import { changeIncidentStatus } from "@/server/incidents/change-incident-status";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Moves the incident along its status flow (ZChangeIncidentStatusRequest → ZIncident; 409 with the reason). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZChangeIncidentStatusRequest, response: ZIncident }, async (input) =>
  // Resolving, closing or taking back an incident recalls its units; the simulator drives them home.
  changeIncidentStatus({ ...actionDeps(input), motion: input.runtime.city.dispatch?.motion }, input.params.id, input.body),
);
