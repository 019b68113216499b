import { ZResolveAlertRequest, ZAlert } from "@/lib/contracts/alerts";
import { defineRoute } from "@/server/http/define-route";
import { resolveAlert } from "@/server/alerts/resolve-alert";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** open / acknowledged → resolved with a reason (ZResolveAlertRequest → ZAlert). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZResolveAlertRequest, response: ZAlert }, async (input) =>
  resolveAlert(actionDeps(input), input.params.id, input.body),
);
