import type { TIncident } from "@/lib/contracts/incidents";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import { conflict } from "@/server/errors";
import { appendTimeline } from "@/server/incidents/append-timeline";
import { findIncident } from "@/server/incidents/find-incident";
import { refuseTransition } from "@/server/incidents/incident-transitions";
import { incidentAuditView } from "@/server/incidents/incident-view";
import type { TTx } from "@/server/db/transaction";

/**
 * The incident status that follows its units (dispatched when units are sent, on scene when the first
 * arrives, resolved when the last clears): a status change with its timeline entry and audit row,
 * attributed to whoever's action caused it. Only along the units' edges of INCIDENT_TRANSITIONS (409
 * otherwise). Bumps the version; the caller holds the incident's row lock.
 */
export async function setIncidentStatus(
  tx: TTx,
  context: { actor: TAuditActor; ip: string | null; reason: string /** when it happened (a crew's tap) */; at: Date; now: Date },
  before: TIncident,
  to: TIncident["status"],
): Promise<TIncident> {
  const refused = refuseTransition(before.status, to, "units");
  if (refused) throw conflict(refused, before);
  await tx.incident.update({ where: { id: before.id }, data: { status: to, version: { increment: 1 }, updatedAt: context.now } });
  await appendTimeline(tx, {
    incidentId: before.id,
    kind: "statusChanged",
    actorId: context.actor?.id ?? null,
    data: { from: before.status, to, reason: context.reason },
    at: context.at,
  });
  const after = await findIncident(tx, before.id);
  await recordAudit(tx, {
    actor: context.actor,
    ip: context.ip,
    action: "incident.status_changed",
    entityType: "incident",
    entityId: before.id,
    before: incidentAuditView(before),
    after: { ...incidentAuditView(after), reason: context.reason },
  });
  return after;
}
