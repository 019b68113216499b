import type { TCurrentUser } from "@/lib/contracts/auth";
import { actorOf } from "@/server/http/actor";
import { apiError } from "@/server/http/responses";
import type { TRegisteredRuntime } from "@/server/runtime-registry";
import type { TContactPointDeps } from "./manage-contact-points";

/** What the contact point routes act with, or the 503 that says notifications do not run in this process. */
export function contactPointDeps(runtime: TRegisteredRuntime, user: TCurrentUser, ip: string | null): TContactPointDeps | Response {
  const notifications = runtime.notifications;
  if (!notifications) return apiError(503, "Notifications are not running on this server");
  return {
    prisma: runtime.database.prisma,
    actor: actorOf(user),
    ip,
    channels: notifications.channels,
    publicUrl: notifications.publicUrl,
  };
}
