import { randomUUID } from "node:crypto";
import { recordAudits } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { issueAckLink } from "@/server/on-call/issue-ack-link";
import { alertMessage, groupMessage, type TMessageAlert } from "./alert-message";
import { ChannelError, reasonOf } from "./channel-error";
import type { TNotificationChannels, TOutgoing } from "./channels";
import type { TEntityNames } from "./entity-name";

/** Waits before the 2nd, 3rd, 4th and 5th try; after the 5th the delivery has failed. */
export const RETRY_BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;
/**
 * A contact point hears of one correlation group at most once per interval: what the group raises meanwhile
 * waits for the interval's end and goes out as one message. A storm of thousands of alerts is then a few
 * messages per group and person, and every alert is still in the delivery log and the audit trail.
 */
export const GROUP_INTERVAL_MS = 60_000;
/** Deliveries read per round; they go out as one message per (contact point, group). */
const DELIVERY_BATCH = 1_000;

export type TDeliverDeps = {
  prisma: PrismaClient;
  channels: TNotificationChannels;
  names: TEntityNames;
  publicUrl: string;
  now: () => Date;
};

type TDue = Awaited<ReturnType<typeof readDue>>[number];

const DUE_INCLUDE = { alert: true, contactPoint: { include: { user: { select: { name: true } } } } } as const;

const readDue = (deps: TDeliverDeps, now: Date) =>
  deps.prisma.notificationDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    include: DUE_INCLUDE,
    orderBy: { nextAttemptAt: "asc" },
    take: DELIVERY_BATCH,
  });

/** A message's group may hold more due deliveries than one read takes (a storm): all of them go in the one message. */
async function withSiblings(deps: TDeliverDeps, bundle: TDue[], now: Date): Promise<TDue[]> {
  const lead = bundle[0]!;
  if (lead.alert.correlationGroup === null) return bundle;
  const siblings = await deps.prisma.notificationDelivery.findMany({
    where: {
      id: { notIn: bundle.map((d) => d.id) },
      status: "pending",
      nextAttemptAt: { lte: now },
      contactPointId: lead.contactPointId,
      attempts: lead.attempts,
      step: lead.step > 0 ? { gt: 0 } : 0,
      alert: { correlationGroup: lead.alert.correlationGroup },
    },
    include: DUE_INCLUDE,
  });
  return [...bundle, ...siblings];
}

/** An alert's group for notifications: its correlation group; an alert correlation has not grouped goes alone. */
export const groupKeyOf = (alert: { correlationGroup: string | null; id: string }) => alert.correlationGroup ?? `alert:${alert.id}`;

/**
 * Tries every pending delivery that is due, bundled: one message per contact point, group, kind (raised or
 * escalated) and attempt count; a first try for a group the point heard of within GROUP_INTERVAL_MS is held to
 * the interval's end instead. Each outcome is recorded on every delivery of the message, and one that ends
 * (sent, or failed for good) leaves an audit row on each alert, so every alert's history shows who was told.
 * Returns how many deliveries it looked at.
 */
export async function deliverDue(deps: TDeliverDeps): Promise<number> {
  const now = deps.now();
  const due = await readDue(deps, now);
  if (due.length === 0) return 0;
  const bundles = new Map<string, TDue[]>();
  for (const delivery of due) {
    const key = [delivery.contactPointId, groupKeyOf(delivery.alert), delivery.attempts, delivery.step > 0].join("\n");
    bundles.set(key, [...(bundles.get(key) ?? []), delivery]);
  }
  const lastSent = await lastSentByGroup(deps.prisma, due, now);
  const sendable: TDue[][] = [];
  for (const bundle of bundles.values()) {
    const lead = bundle[0]!;
    const groupKey = groupKeyOf(lead.alert);
    const heardAt = lastSent.get(`${lead.contactPointId}\n${groupKey}`);
    if (lead.attempts === 0 && heardAt !== undefined) {
      await deps.prisma.notificationDelivery.updateMany({
        where: { id: { in: bundle.map((d) => d.id) }, status: "pending", attempts: 0 },
        data: { nextAttemptAt: new Date(heardAt.getTime() + GROUP_INTERVAL_MS), groupKey },
      });
    } else sendable.push(bundle);
  }
  // Side by side: receivers are independent.
  await Promise.all(sendable.map(async (bundle) => attempt(deps, await withSiblings(deps, bundle, now))));
  return due.length;
}

/** When each (contact point, group) of `due` was last sent a message within the interval. */
async function lastSentByGroup(prisma: PrismaClient, due: readonly TDue[], now: Date): Promise<Map<string, Date>> {
  const rows = await prisma.notificationDelivery.groupBy({
    by: ["contactPointId", "groupKey"],
    where: {
      contactPointId: { in: [...new Set(due.map((d) => d.contactPointId))] },
      groupKey: { in: [...new Set(due.map((d) => groupKeyOf(d.alert)))] },
      sentAt: { gt: new Date(now.getTime() - GROUP_INTERVAL_MS) },
    },
    _max: { sentAt: true },
  });
  return new Map(rows.filter((r) => r._max.sentAt).map((r) => [`${r.contactPointId}\n${r.groupKey}`, r._max.sentAt!]));
}

async function attempt(deps: TDeliverDeps, bundle: TDue[]): Promise<void> {
  const lead = bundle[0]!;
  const { contactPoint: point } = lead;
  const alerts = [...new Map(bundle.map((d) => [d.alertId, d.alert])).values()];
  const groupKey = groupKeyOf(lead.alert);
  // A lone delivery keeps its own id as the message id, so a receiver sees the same id on each retry.
  const messageId = bundle.length === 1 ? lead.id : randomUUID();
  const attempts = lead.attempts + 1;
  let error: unknown;
  try {
    const ackLink = await issueAckLink(deps, {
      userId: point.userId,
      alerts: alerts.map((a) => ({ id: a.id, version: a.version })),
      now: deps.now(),
    });
    const message = alerts.length === 1 ? alertMessage(alerts[0] as TMessageAlert, deps) : groupMessage(alerts as TMessageAlert[], deps);
    const outgoing: TOutgoing = {
      ...message,
      text: `${message.text}\n\nAcknowledge (one tap, ${alerts.length === 1 ? "this alert" : `all ${alerts.length}`}): ${ackLink}`,
      deliveryId: messageId,
      type: lead.step > 1 ? "alert.escalated" : "alert.raised",
      ackLink,
    };
    await deps.channels.deliver(point, outgoing);
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
      where: { id: { in: bundle.map((d) => d.id) }, status: "pending", attempts: lead.attempts },
      data: {
        status,
        attempts,
        lastError,
        groupKey,
        messageId,
        sentAt: status === "sent" ? now : null,
        nextAttemptAt: isFinal ? now : new Date(now.getTime() + RETRY_BACKOFF_MS[attempts - 1]!),
      },
    });
    if (updated.count === 0 || !isFinal) return;
    await recordAudits(
      tx,
      bundle.map((delivery) => ({
        actor: null,
        action: status === "sent" ? "notification.sent" : "notification.failed",
        entityType: "alert",
        entityId: delivery.alertId,
        after: {
          recipient: point.user.name,
          contactPoint: point.label,
          kind: point.kind,
          attempts,
          ...(delivery.step > 0 ? { escalationStep: delivery.step } : {}),
          ...(bundle.length > 1 ? { messageId, groupedWith: bundle.length - 1 } : {}),
          ...(lastError ? { error: lastError } : {}),
        },
      })),
    );
  });
}
