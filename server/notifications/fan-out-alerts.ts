import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { matchPolicy } from "@/server/on-call/match-policy";
import { matchersOf } from "@/server/on-call/policy-rows";
import { meetsSeverity, shouldNotify } from "./should-notify";

/** Alerts raised this long ago or less are still news: covers a restart or a change of leader in between. */
export const FAN_OUT_LOOKBACK_MS = 10 * 60_000;
const FAN_OUT_BATCH = 200;

/**
 * Roles whose contact points hear of raised alerts no escalation policy covers: the people who work the queue.
 * An alert a policy covers is told to that policy's first step instead (server/on-call/advance-escalations.ts).
 */
const NOTIFIED_ROLES = ["operator", "supervisor"];

/**
 * Queues one delivery per (alert, contact point) for each alert raised in the look-back that was not fanned
 * out yet, or, when an escalation policy covers the alert, starts its chain (first step due now); a batch at a
 * time, in one transaction (a storm's thousands of alerts are a few dozen). The marker rows and the deliveries
 * (or the chains) commit together, so an alert is fanned out once whichever
 * instance leads, however often this runs, and across restarts. Returns how many alerts it looked at.
 */
export async function fanOutRaisedAlerts(deps: { prisma: PrismaClient; now: () => Date }): Promise<number> {
  const { prisma } = deps;
  const now = deps.now();
  const alerts = await prisma.alert.findMany({
    where: { createdAt: { gte: new Date(now.getTime() - FAN_OUT_LOOKBACK_MS) }, notificationFanout: null },
    // What shouldNotify reads.
    select: { id: true, severity: true, status: true, silencedBy: true, domain: true, zone: true },
    orderBy: { createdAt: "asc" },
    take: FAN_OUT_BATCH,
  });
  if (alerts.length === 0) return 0;
  const points = await prisma.contactPoint.findMany({
    where: { enabled: true, user: { role: { in: NOTIFIED_ROLES }, OR: [{ banned: false }, { banned: null }] } },
    select: { id: true, minSeverity: true },
  });
  const policies = (await prisma.escalationPolicy.findMany()).map((row) => ({ ...row, matchers: matchersOf(row) }));
  await inTransaction(prisma, async (tx) => {
    // One statement marks the batch; it returns only the alerts this run marked, so each is fanned out once even
    // when another runner (a change of leader) works the same batch at the same moment.
    const marked = await tx.$queryRaw<{ alert_id: string }[]>`
      INSERT INTO notification_fanouts (alert_id) SELECT unnest(${alerts.map((a) => a.id)}::uuid[])
      ON CONFLICT DO NOTHING RETURNING alert_id`;
    const isMarked = new Set(marked.map((row) => row.alert_id));
    const chains: Prisma.AlertEscalationCreateManyInput[] = [];
    const deliveries: Prisma.NotificationDeliveryCreateManyInput[] = [];
    for (const alert of alerts) {
      if (!isMarked.has(alert.id) || !shouldNotify(alert)) continue;
      const policy = matchPolicy(policies, alert);
      if (policy) {
        chains.push({ alertId: alert.id, policyId: policy.id, policyName: policy.name, steps: policy.steps ?? [], nextStepAt: now });
        continue;
      }
      for (const point of points) {
        if (meetsSeverity(alert.severity, point.minSeverity))
          deliveries.push({ alertId: alert.id, contactPointId: point.id, nextAttemptAt: now });
      }
    }
    if (chains.length > 0) await tx.alertEscalation.createMany({ data: chains, skipDuplicates: true });
    if (deliveries.length > 0) await tx.notificationDelivery.createMany({ data: deliveries, skipDuplicates: true });
  });
  return alerts.length;
}
