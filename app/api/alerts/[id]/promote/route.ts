import { ZPromoteAlertRequest, ZPromoteAlertResponse } from "@/lib/contracts/incidents";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { promoteAlert } from "@/server/incidents/promote-alert";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/**
 * Promotes to a new incident (201) or attaches to an existing one (200): ZPromoteAlertRequest →
 * ZPromoteAlertResponse { alert, incident }.
 */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZPromoteAlertRequest, response: ZPromoteAlertResponse }, async (input) => {
  const { alert, incident, created } = await promoteAlert(
    { ...actionDeps(input), domains: input.runtime.city.domains },
    input.params.id,
    input.body,
  );
  return withStatus({ alert, incident }, created ? 201 : 200);
});
