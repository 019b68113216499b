import { ROLES } from "@/lib/contracts/auth";
import { ZVapidPublicKey } from "@/lib/contracts/notifications";
import { defineRoute } from "@/server/http/define-route";
import { apiError } from "@/server/http/responses";

export const dynamic = "force-dynamic";

/** The Web Push public key a browser subscribes with (ZVapidPublicKey). */
export const GET = defineRoute({ roles: ROLES, response: ZVapidPublicKey }, async ({ runtime }) => {
  const notifications = runtime.notifications;
  if (!notifications) return apiError(503, "Notifications are not running on this server");
  return { publicKey: notifications.channels.vapidPublicKey };
});
