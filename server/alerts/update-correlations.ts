import type { TAlert } from "@/lib/contracts/alerts";
import { correlateAlerts, toCorrelatable } from "@/server/rule-engine/correlate";
import type { TPositionOf } from "@/server/rule-engine/entity-positions";
import type { PrismaClient } from "@/server/db/generated/client";
import { ALERT_INCLUDE, toAlert } from "./alert-view";

/**
 * Recomputes correlation groups over the unresolved alerts (server/rule-engine/correlate.ts) and stores the
 * group of each alert that changed. Groups keep the id of their earliest alert, so existing groups stay
 * stable as alerts join or leave. Returns the changed alerts, to push.
 */
export async function updateCorrelations(prisma: PrismaClient, positionOf: TPositionOf): Promise<TAlert[]> {
  const rows = await prisma.alert.findMany({
    where: { status: { not: "resolved" } },
    select: { id: true, dedupKey: true, domain: true, entityId: true, relatedEntityIds: true, firstSeenAt: true, correlationGroup: true },
  });
  const groups = correlateAlerts(
    rows.map((r) =>
      toCorrelatable(
        { dedupKey: r.dedupKey, domain: r.domain as TAlert["domain"], entityId: r.entityId, relatedEntityIds: r.relatedEntityIds },
        r.firstSeenAt.getTime(),
        positionOf,
      ),
    ),
  );
  const groupOf = new Map(groups.flatMap((g) => g.dedupKeys.map((key) => [key, g.groupId] as const)));
  const changed = rows.filter((r) => (groupOf.get(r.dedupKey) ?? null) !== r.correlationGroup);
  if (changed.length === 0) return [];
  const byGroup = new Map<string | null, string[]>();
  for (const r of changed) {
    const group = groupOf.get(r.dedupKey) ?? null;
    byGroup.set(group, [...(byGroup.get(group) ?? []), r.id]);
  }
  await prisma.$transaction(
    [...byGroup].map(([group, ids]) => prisma.alert.updateMany({ where: { id: { in: ids } }, data: { correlationGroup: group } })),
  );
  const updated = await prisma.alert.findMany({ where: { id: { in: changed.map((r) => r.id) } }, include: ALERT_INCLUDE });
  return updated.map(toAlert);
}
