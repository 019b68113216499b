import type { TEscalationStep } from "@/lib/contracts/on-call";
import type { TAlertSeverity } from "@/lib/contracts/alerts";
import { recordAudit } from "@/server/audit/record-audit";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { inTransaction, type TTx } from "@/server/db/transaction";
import { meetsSeverity } from "@/server/notifications/should-notify";
import { stepsOf } from "./policy-rows";
import { shiftAt } from "./shift-at";

const DUE_BATCH = 100;

export type TEscalationDeps = { prisma: PrismaClient; now: () => Date };

/** Why a chain ended: someone took the alert, it went away, a silence covered it, or every step ran unanswered. */
export type TEscalationEndReason = "acknowledged" | "resolved" | "silenced" | "exhausted";

const isSignedInUser = { OR: [{ banned: false }, { banned: null }] };

/**
 * Runs every chain step that is due: notifies the step's people through their own contact points (deliveries
 * the notifier sends, like any other) and writes the step to the alert's audit trail. A chain whose alert is no
 * longer open and unsilenced ends instead: acknowledging anywhere (drawer, API, a link) stops it, because each
 * step looks again. Each step is claimed with a conditional update on (alert, step), so with several runners
 * (a change of leader) each step runs once. Returns how many chains it moved.
 */
export async function advanceEscalations(deps: TEscalationDeps): Promise<number> {
  const now = deps.now();
  const due = await deps.prisma.alertEscalation.findMany({
    where: { nextStepAt: { lte: now }, endedAt: null },
    select: { alertId: true },
    orderBy: { nextStepAt: "asc" },
    take: DUE_BATCH,
  });
  for (const { alertId } of due) await inTransaction(deps.prisma, (tx) => advanceOne(tx, alertId, now));
  return due.length;
}

async function advanceOne(tx: TTx, alertId: string, now: Date): Promise<void> {
  const chain = await tx.alertEscalation.findUnique({
    where: { alertId },
    include: { alert: { select: { status: true, severity: true, silencedBy: true, acknowledgedBy: { select: { name: true } } } } },
  });
  if (!chain || chain.endedAt !== null || chain.nextStepAt === null || chain.nextStepAt > now) return;
  const steps = stepsOf(chain.steps);
  const { alert } = chain;
  const endReason: TEscalationEndReason | null =
    alert.status === "acknowledged"
      ? "acknowledged"
      : alert.status === "resolved"
        ? "resolved"
        : alert.silencedBy !== null
          ? "silenced"
          : chain.nextStep >= steps.length
            ? "exhausted"
            : null;
  if (endReason) {
    const { count } = await tx.alertEscalation.updateMany({
      where: { alertId, nextStep: chain.nextStep, endedAt: null },
      data: { nextStepAt: null, endedAt: now, endReason },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      actor: null,
      action: "alert.escalation_ended",
      entityType: "alert",
      entityId: alertId,
      after: { policy: chain.policyName, reason: endReason, ...(alert.acknowledgedBy ? { by: alert.acknowledgedBy.name } : {}) },
    });
    return;
  }

  const step = steps[chain.nextStep]!;
  const nextAt = new Date(now.getTime() + step.waitMinutes * 60_000);
  // The claim also re-reads the alert in the same statement: an acknowledgement committed since the read above wins.
  const { count } = await tx.alertEscalation.updateMany({
    where: { alertId, nextStep: chain.nextStep, endedAt: null, alert: { status: "open", silencedBy: { equals: Prisma.DbNull } } },
    data: { nextStep: chain.nextStep + 1, nextStepAt: nextAt },
  });
  if (count === 0) return;
  const { targetName, people } = await resolveTarget(tx, step, now);
  const points = await tx.contactPoint.findMany({
    where: { enabled: true, userId: { in: people.map((p) => p.id) } },
    select: { id: true, userId: true, minSeverity: true },
  });
  const reached = points.filter((p) => meetsSeverity(alert.severity as TAlertSeverity, p.minSeverity));
  if (reached.length > 0) {
    await tx.notificationDelivery.createMany({
      data: reached.map((p) => ({ alertId, contactPointId: p.id, step: chain.nextStep + 1, nextAttemptAt: now })),
      skipDuplicates: true,
    });
  }
  const reachedUsers = new Set(reached.map((p) => p.userId));
  await recordAudit(tx, {
    actor: null,
    action: "alert.escalation_step",
    entityType: "alert",
    entityId: alertId,
    after: {
      policy: chain.policyName,
      step: chain.nextStep + 1,
      of: steps.length,
      target: targetName,
      notified: people.filter((p) => reachedUsers.has(p.id)).map((p) => p.name),
      // People the step names but no contact point of theirs takes this severity: the timeline says so.
      unreachable: people.filter((p) => !reachedUsers.has(p.id)).map((p) => p.name),
      nextAt: nextAt.toISOString(),
    },
  });
}

/** Whom a step names at `now`, by name, and how the timeline says it ("Night operators (on call: Ana)"). */
async function resolveTarget(
  tx: TTx,
  step: TEscalationStep,
  now: Date,
): Promise<{ targetName: string; people: { id: string; name: string }[] }> {
  const { target } = step;
  if (target.kind === "role") {
    const people = await tx.user.findMany({ where: { role: target.role, ...isSignedInUser }, select: { id: true, name: true } });
    return { targetName: `every ${target.role}`, people };
  }
  if (target.kind === "user") {
    const person = await tx.user.findFirst({ where: { id: target.userId, ...isSignedInUser }, select: { id: true, name: true } });
    return { targetName: person?.name ?? "a removed user", people: person ? [person] : [] };
  }
  const rota = await tx.onCallRota.findUnique({ where: { id: target.rotaId } });
  if (!rota) return { targetName: "a removed rota", people: [] };
  const members = await tx.user.findMany({ where: { id: { in: rota.memberIds }, ...isSignedInUser }, select: { id: true, name: true } });
  // Members who can no longer sign in drop out of the turn order, as the rota page shows it.
  const present = rota.memberIds.filter((id) => members.some((m) => m.id === id));
  const shift = shiftAt({ ...rota, memberIds: present }, now);
  const person = shift ? members.find((m) => m.id === shift.memberId)! : null;
  return {
    targetName: person ? `${rota.name} (on call: ${person.name})` : `${rota.name} (nobody on call)`,
    people: person ? [person] : [],
  };
}
