import type { TAlertDelivery, TContactPointKind, TDeliveryStatus } from "@/lib/contracts/notifications";
import type { PrismaClient } from "@/server/db/generated/client";
import { isUuid } from "@/server/db/transaction";
import { notFound } from "@/server/errors";

/** The deliveries of one alert, oldest first: the names of who was told and how, never their addresses. */
export async function listAlertDeliveries(prisma: PrismaClient, alertId: string): Promise<TAlertDelivery[]> {
  if (!isUuid(alertId) || !(await prisma.alert.findUnique({ where: { id: alertId }, select: { id: true } })))
    throw notFound("No such alert");
  const deliveries = await prisma.notificationDelivery.findMany({
    where: { alertId },
    include: { contactPoint: { include: { user: { select: { name: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  return deliveries.map((d) => ({
    id: d.id,
    recipient: d.contactPoint.user.name,
    contactPointLabel: d.contactPoint.label,
    kind: d.contactPoint.kind as TContactPointKind,
    status: d.status as TDeliveryStatus,
    attempts: d.attempts,
    at: (d.sentAt ?? d.nextAttemptAt).toISOString(),
    error: d.lastError,
  }));
}
