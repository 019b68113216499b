import { ZAlert } from "@/lib/contracts/alerts";
import { findAlertRow } from "@/server/alerts/change-alert";
import { toAlert } from "@/server/alerts/alert-view";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** One alert, whatever its status (a shared link to an alert that has left the queue still opens). */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZAlert }, async ({ runtime, params }) =>
  toAlert(await findAlertRow(runtime.database.prisma, params.id)),
);
