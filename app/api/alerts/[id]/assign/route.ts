import { ZAssignAlertRequest, ZAlert } from "@/lib/contracts/alerts";
import { defineRoute } from "@/server/http/define-route";
import { assignAlert } from "@/server/alerts/assign-alert";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Assigns to an active operator or supervisor (ZAssignAlertRequest → ZAlert). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZAssignAlertRequest, response: ZAlert }, async (input) =>
  assignAlert(actionDeps(input), input.params.id, input.body),
);
