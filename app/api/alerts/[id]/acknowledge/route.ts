import { ZAcknowledgeAlertRequest, ZAlert } from "@/lib/contracts/alerts";
import { defineRoute } from "@/server/http/define-route";
import { acknowledgeAlert } from "@/server/alerts/acknowledge-alert";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** open → acknowledged (ZAcknowledgeAlertRequest → ZAlert; 409 ZConflictResponse when stale or not open). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZAcknowledgeAlertRequest, response: ZAlert }, async (input) =>
  acknowledgeAlert(actionDeps(input), input.params.id, input.body),
);
