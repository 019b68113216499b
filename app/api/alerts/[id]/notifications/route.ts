import { ZAlertDeliveryList } from "@/lib/contracts/notifications";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";
import { listAlertDeliveries } from "@/server/notifications/list-alert-deliveries";

export const dynamic = "force-dynamic";

/** Who was notified of an alert off-screen and how it went (ZAlertDeliveryList). */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZAlertDeliveryList }, async ({ runtime, params }) => ({
  deliveries: await listAlertDeliveries(runtime.database.prisma, params.id),
}));
