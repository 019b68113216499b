import { ZAssignAlertRequest } from "@/lib/contracts/incidents";
import { defineRoute } from "@/server/http/define-route";
import { assignAlert } from "@/server/incidents/assign-alert";
import { actionDeps, OPERATIONS_ROLES } from "@/server/incidents/route-deps";

export const dynamic = "force-dynamic";

/** Assigns to an active operator or supervisor (ZAssignAlertRequest → ZAlert). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZAssignAlertRequest }, async (input) =>
  assignAlert(actionDeps(input), input.params.id, input.body),
);
