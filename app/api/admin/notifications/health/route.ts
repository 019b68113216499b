import { ZNotificationHealth } from "@/lib/contracts/notifications";
import { defineRoute } from "@/server/http/define-route";
import { apiError } from "@/server/http/responses";
import { notificationHealth } from "@/server/notifications/notification-health";

export const dynamic = "force-dynamic";

/** Delivery health for admins: per kind sent / failed / pending in the last 24 h, and the newest failures (ZNotificationHealth). */
export const GET = defineRoute({ roles: ["admin"], response: ZNotificationHealth }, async ({ runtime }) => {
  const notifications = runtime.notifications;
  if (!notifications) return apiError(503, "Notifications are not running on this server");
  return notificationHealth({
    prisma: runtime.database.prisma,
    names: notifications.names,
    publicUrl: notifications.publicUrl,
    emailConfigured: notifications.channels.emailConfigured,
  });
});
