import { BACKUP_ALERT_RULE_ID, type TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { TTx } from "@/server/db/transaction";
import { appendTimeline } from "@/server/incidents/append-timeline";
import { ALERT_INCLUDE, toAlert } from "./alert-view";
import { recordOpsEvent } from "@/server/outbox/record-ops-event";

type TBackupRequest = { unitId: string; callSign: string; incident: TIncident; at: Date; text?: string };

function backupMessage({ callSign, incident, text }: TBackupRequest): string {
  const place = incident.address ? ` at ${incident.address}` : "";
  return `${callSign} needs backup on ${incident.number}${place}${text ? `: “${text}”` : ""}`;
}

/**
 * Raises (or, when the crew asks again before anyone answered, renews) the critical backup alert of a unit on
 * its incident, in the caller's transaction. Returns the alert to publish once that commits.
 */
export async function raiseBackupAlert(tx: TTx, request: TBackupRequest): Promise<TAlert> {
  const { unitId, incident, at } = request;
  const message = backupMessage(request);
  const pending = await tx.alert.findFirst({
    where: { ruleId: BACKUP_ALERT_RULE_ID, entityId: unitId, incidentId: incident.id, status: "open" },
    select: { id: true, count: true },
  });
  if (pending) {
    const row = await tx.alert.update({
      where: { id: pending.id },
      data: { count: pending.count + 1, lastSeenAt: at, message },
      include: ALERT_INCLUDE,
    });
    await recordOpsEvent(tx, { entityType: "alert", entityId: row.id, type: "alert.backup_renewed" });
    return toAlert(row);
  }
  const row = await tx.alert.create({
    data: {
      dedupKey: `${BACKUP_ALERT_RULE_ID}:${unitId}:${incident.id}:${at.toISOString()}`,
      ruleId: BACKUP_ALERT_RULE_ID,
      ruleName: "Backup requested",
      domain: "units",
      entityId: unitId,
      severity: "critical",
      message,
      value: "needBackup",
      worstValue: "needBackup",
      firstSeenAt: at,
      lastSeenAt: at,
      lon: incident.location[0],
      lat: incident.location[1],
      zone: incident.zone,
      incidentId: incident.id,
    },
    include: ALERT_INCLUDE,
  });
  const { id, dedupKey, severity, zone } = row;
  await recordAudit(tx, {
    actor: null,
    action: "alert.raised",
    entityType: "alert",
    entityId: id,
    after: { dedupKey, ruleId: BACKUP_ALERT_RULE_ID, severity, entityId: unitId, zone, message, incidentId: incident.id },
  });
  return toAlert(row);
}

/**
 * Acknowledging a backup alert answers the crew: the unit's "needs backup" flag clears (if it is still on that
 * incident) and the incident's timeline says who answered. Returns the unit's id when its flag changed.
 */
export async function answerBackupRequest(tx: TTx, alert: TAlert, actor: TAuditActor, at: Date): Promise<string | null> {
  if (alert.ruleId !== BACKUP_ALERT_RULE_ID || !alert.incidentId) return null;
  const unit = await tx.unit.findUnique({ where: { id: alert.entityId }, select: { callSign: true, incidentId: true, needsBackup: true } });
  if (!unit) return null;
  await appendTimeline(tx, {
    incidentId: alert.incidentId,
    kind: "backupAcknowledged",
    actorId: actor?.id ?? null,
    at,
    data: { unitId: alert.entityId, callSign: unit.callSign },
  });
  await tx.incident.update({ where: { id: alert.incidentId }, data: { updatedAt: at } });
  await recordOpsEvent(tx, { entityType: "incident", entityId: alert.incidentId, type: "incident.backup_answered" });
  if (!unit.needsBackup || unit.incidentId !== alert.incidentId) return null;
  await tx.unit.update({ where: { id: alert.entityId }, data: { needsBackup: false, version: { increment: 1 } } });
  await recordOpsEvent(tx, { entityType: "unit", entityId: alert.entityId, type: "unit.backup_answered" });
  return alert.entityId;
}
