import { recordAudit } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { alertMessage } from "./alert-message";
import { ChannelError, reasonOf } from "./channel-error";
import type { TNotificationChannels } from "./channels";
import type { TEntityNames } from "./entity-name";

/** Waits before the 2nd, 3rd, 4th and 5th try; after the 5th the delivery has failed. */
export const RETRY_BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;
const DELIVERY_BATCH = 20;

export type TDeliverDeps = {
  prisma: PrismaClient;
  channels: TNotificationChannels;
  names: TEntityNames;
  publicUrl: string;
  now: () => Date;
};

/**
 * Tries every pending delivery that is due, a batch at a time (side by side: receivers are independent),
 * and records each outcome. One that ends (sent, or failed for good) leaves an audit row on its alert,
 * so the alert's history shows who was told and who could not be. Returns how many it tried.
 */
export async function deliverDue(deps: TDeliverDeps): Promise<number> {
  const due = await deps.prisma.notificationDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: deps.now() } },
    include: { alert: true, contactPoint: { include: { user: { select: { name: true } } } } },
    orderBy: { nextAttemptAt: "asc" },
    take: DELIVERY_BATCH,
  });
  await Promise.all(due.map((delivery) => attempt(deps, delivery)));
  return due.length;
}

type TDue = Awaited<ReturnType<PrismaClient["notificationDelivery"]["findMany"]>>[number] & {
  alert: Parameters<typeof alertMessage>[0];
  contactPoint: { kind: string; label: string; target: string; secret: string | null; user: { name: string } };
};

async function attempt(deps: TDeliverDeps, delivery: TDue): Promise<void> {
  const { contactPoint: point } = delivery;
  const message = alertMessage(delivery.alert, deps);
  const attempts = delivery.attempts + 1;
  let error: unknown;
  try {
    await deps.channels.deliver(point, { ...message, deliveryId: delivery.id, type: "alert.raised" });
  } catch (caught) {
    error = caught;
  }
  const now = deps.now();
  const isFinal = error === undefined || (error instanceof ChannelError && error.permanent) || attempts >= MAX_ATTEMPTS;
  const status = error === undefined ? "sent" : isFinal ? "failed" : "pending";
  const lastError = error === undefined ? null : reasonOf(error);
  await inTransaction(deps.prisma, async (tx) => {
    // Conditional on the attempt it started from: a try that overlapped a change of leader is recorded once.
    const updated = await tx.notificationDelivery.updateMany({
      where: { id: delivery.id, status: "pending", attempts: delivery.attempts },
      data: {
        status,
        attempts,
        lastError,
        sentAt: status === "sent" ? now : null,
        nextAttemptAt: isFinal ? now : new Date(now.getTime() + RETRY_BACKOFF_MS[attempts - 1]!),
      },
    });
    if (updated.count === 0 || !isFinal) return;
    await recordAudit(tx, {
      actor: null,
      action: status === "sent" ? "notification.sent" : "notification.failed",
      entityType: "alert",
      entityId: delivery.alertId,
      after: {
        recipient: point.user.name,
        contactPoint: point.label,
        kind: point.kind,
        attempts,
        ...(lastError ? { error: lastError } : {}),
      },
    });
  });
}
