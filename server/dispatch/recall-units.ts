import type { TIncident } from "@/lib/contracts/incidents";
import type { TResponderUnit } from "@/lib/contracts/units";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import { appendTimeline } from "@/server/incidents/append-timeline";
import type { TTx } from "@/server/db/transaction";
import { findUnit } from "./find-unit";
import { lockUnit } from "./row-locks";
import { unitAuditView } from "./unit-view";
import type { TPublisher } from "@/server/realtime/publisher";
import type { TUnitMotion } from "./types";

/**
 * The control room closes an incident (resolved, closed) or takes it back from the units (acknowledged):
 * every unit still on it is released — its dispatch cancelled, the unit returning to station — with a
 * timeline entry and an audit row each. The caller holds the incident's row lock.
 */
export async function recallUnits(
  tx: TTx,
  context: { incidentId: string; actor: TAuditActor; ip: string | null; at: Date; reason: string },
): Promise<TResponderUnit[]> {
  const assigned = await tx.unit.findMany({ where: { incidentId: context.incidentId }, select: { id: true }, orderBy: { id: "asc" } });
  const recalled: TResponderUnit[] = [];
  for (const { id } of assigned) {
    await lockUnit(tx, id);
    const before = await findUnit(tx, id);
    await tx.dispatch.updateMany({
      where: { unitId: id, incidentId: context.incidentId, state: "active" },
      data: { state: "cancelled", clearedAt: context.at },
    });
    await tx.unit.update({
      where: { id },
      data: { status: "returning", statusSince: context.at, incidentId: null, needsBackup: false, version: { increment: 1 } },
    });
    await appendTimeline(tx, {
      incidentId: context.incidentId,
      kind: "unitStatusChanged",
      actorId: context.actor?.id ?? null,
      at: context.at,
      data: { unitId: id, callSign: before.callSign, from: before.status, to: "returning", action: "recalled", reason: context.reason },
    });
    const after = await findUnit(tx, id);
    await recordAudit(tx, {
      actor: context.actor,
      ip: context.ip,
      action: "unit.status_changed",
      entityType: "unit",
      entityId: id,
      before: unitAuditView(before),
      after: { ...unitAuditView(after), action: "recalled", reason: context.reason },
    });
    recalled.push(after);
  }
  return recalled;
}

const RECALL_REASON: Partial<Record<TIncident["status"], string>> = {
  resolved: "the control room resolved the incident",
  closed: "the control room closed the incident",
  acknowledged: "the control room took the incident back to reassign it",
};

/** After the commit: the board, the crews' phones and the simulated units learn of the recall. */
export function announceRecall(
  units: readonly TResponderUnit[],
  incident: Pick<TIncident, "id" | "number" | "status">,
  publish: TPublisher,
  motion: TUnitMotion | undefined,
): void {
  const why = RECALL_REASON[incident.status] ?? "the control room took your unit off it";
  for (const unit of units) {
    publish.unit(unit);
    publish.assignment(
      unit.crew.map((c) => c.id),
      {
        unitId: unit.id,
        incidentId: incident.id,
        reason: "recalled",
        message: `${unit.callSign} was recalled from ${incident.number}: ${why}. Return to station.`,
      },
    );
    motion?.unitChanged(unit, null);
  }
}
