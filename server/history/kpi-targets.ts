import { KPI_METRICS, ZKpiMetric, type TKpiMetric, type TKpiTargets } from "@/lib/contracts/history";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction, type TTx } from "@/server/db/transaction";

type TUpdateKpiTargetsDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
};

/** Every metric with its target in seconds, null where the supervisors set none. */
export async function loadKpiTargets(db: PrismaClient | TTx): Promise<{ targets: Record<TKpiMetric, number | null> }> {
  const targets = Object.fromEntries(KPI_METRICS.map((metric) => [metric, null])) as Record<TKpiMetric, number | null>;
  for (const row of await db.kpiTarget.findMany()) {
    const metric = ZKpiMetric.safeParse(row.metric);
    if (metric.success) targets[metric.data] = row.targetSeconds;
  }
  return { targets };
}

/**
 * A supervisor sets response-time targets: a number sets one, null removes it, a metric left out stays
 * as it is. Last write wins per metric (targets are a setting, not a record others build on); the change
 * and its audit row commit together.
 */
export async function updateKpiTargets(deps: TUpdateKpiTargetsDeps, request: TKpiTargets): Promise<TKpiTargets> {
  return inTransaction(deps.prisma, async (tx) => {
    const before = await loadKpiTargets(tx);
    for (const metric of KPI_METRICS) {
      const target = request.targets[metric];
      if (target === undefined) continue;
      if (target === null) {
        await tx.kpiTarget.deleteMany({ where: { metric } });
      } else {
        await tx.kpiTarget.upsert({
          where: { metric },
          create: { metric, targetSeconds: target, updatedById: deps.actor.id },
          update: { targetSeconds: target, updatedById: deps.actor.id },
        });
      }
    }
    const after = await loadKpiTargets(tx);
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "kpi.targets_updated",
      entityType: "kpi_targets",
      before: before.targets,
      after: after.targets,
    });
    return after;
  });
}
