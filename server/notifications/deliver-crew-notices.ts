import { recordAudit } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { ChannelError, reasonOf } from "./channel-error";
import type { TNotificationChannels } from "./channels";
import { MAX_ATTEMPTS, RETRY_BACKOFF_MS } from "./deliver-due";

const CREW_BATCH = 20;

export type TDeliverCrewDeps = { prisma: PrismaClient; channels: TNotificationChannels; publicUrl: string; now: () => Date };

/**
 * Sends the crew pushes that are due (queue-crew-notices.ts), with the alert deliveries' channel, retries and
 * backoff. A notice that ends (sent, or failed for good) leaves an audit row on what it told of: the dispatch
 * for an assignment, the backup alert for a backup request. Returns how many it tried.
 */
export async function deliverCrewNotices(deps: TDeliverCrewDeps): Promise<number> {
  const due = await deps.prisma.crewNotice.findMany({
    where: { status: "pending", nextAttemptAt: { lte: deps.now() } },
    orderBy: { nextAttemptAt: "asc" },
    take: CREW_BATCH,
  });
  if (due.length === 0) return 0;
  const points = await deps.prisma.contactPoint.findMany({
    where: { id: { in: due.map((n) => n.contactPointId) } },
    include: { user: { select: { name: true } } },
  });
  const pointOf = new Map(points.map((p) => [p.id, p]));
  await Promise.all(due.map((notice) => attempt(deps, notice, pointOf.get(notice.contactPointId))));
  return due.length;
}

type TNotice = Awaited<ReturnType<PrismaClient["crewNotice"]["findMany"]>>[number];

async function attempt(
  deps: TDeliverCrewDeps,
  notice: TNotice,
  point: { target: string; label: string; user: { name: string } } | undefined,
) {
  const attempts = notice.attempts + 1;
  let error: unknown;
  try {
    if (!point) throw new ChannelError("the contact point was removed", true);
    await deps.channels.push(point.target, { title: notice.title, text: notice.body, link: `${deps.publicUrl}${notice.link}` });
  } catch (caught) {
    error = caught;
  }
  const now = deps.now();
  const isFinal = error === undefined || (error instanceof ChannelError && error.permanent) || attempts >= MAX_ATTEMPTS;
  const status = error === undefined ? "sent" : isFinal ? "failed" : "pending";
  const lastError = error === undefined ? null : reasonOf(error);
  await inTransaction(deps.prisma, async (tx) => {
    // Conditional on the attempt it started from, as for alert deliveries: recorded once across a change of leader.
    const updated = await tx.crewNotice.updateMany({
      where: { id: notice.id, status: "pending", attempts: notice.attempts },
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
      entityType: notice.kind === "backup" ? "alert" : "dispatch",
      entityId: notice.subjectId,
      after: {
        recipient: point?.user.name ?? null,
        contactPoint: point?.label ?? null,
        kind: "push",
        notice: notice.kind,
        attempts,
        ...(lastError ? { error: lastError } : {}),
      },
    });
  });
}
