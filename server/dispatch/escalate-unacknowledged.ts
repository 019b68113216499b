import { randomUUID } from "node:crypto";
import { CREW_ACK_ALERT_RULE_ID, type TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import { ALERT_INCLUDE, toAlert } from "@/server/alerts/alert-view";
import { recordAudit } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { appendTimeline } from "@/server/incidents/append-timeline";
import { findIncident } from "@/server/incidents/find-incident";
import { recordOpsEvent } from "@/server/outbox/record-ops-event";
import { runCardFor } from "./run-cards";

export type TEscalatedAcks = { alerts: TAlert[]; incidents: TIncident[] };

/**
 * Tells the control room of each active assignment whose crew has not acknowledged it (nor gone en route or
 * arrived) within its run card's `ackWithinSeconds`: a major alert on the unit and incident, a timeline entry
 * and an audit row. Only units with a field crew signed up count: a crewless unit has nobody to acknowledge.
 * Once per dispatch whatever the number of runners: the marker row (primary key on the dispatch) is inserted
 * in the same transaction, and the runner whose insert did nothing writes nothing.
 */
export async function escalateUnacknowledged(prisma: PrismaClient, now: Date): Promise<TEscalatedAcks> {
  const waiting = await prisma.dispatch.findMany({
    where: {
      state: "active",
      acknowledgedAt: null,
      enRouteAt: null,
      onSceneAt: null,
      unit: { crew: { some: { role: "field", OR: [{ banned: false }, { banned: null }] } } },
    },
    select: { id: true, dispatchedAt: true, incident: { select: { type: true } } },
  });
  const due = waiting.filter(
    (d) => d.dispatchedAt.getTime() + runCardFor(d.incident.type as TIncident["type"]).ackWithinSeconds * 1000 <= now.getTime(),
  );
  if (due.length === 0) return { alerts: [], incidents: [] };
  const done = new Set(
    (await prisma.crewAckEscalation.findMany({ where: { dispatchId: { in: due.map((d) => d.id) } }, select: { dispatchId: true } })).map(
      (m) => m.dispatchId,
    ),
  );
  const escalated: TEscalatedAcks = { alerts: [], incidents: [] };
  for (const { id } of due.filter((d) => !done.has(d.id))) {
    const result = await inTransaction(prisma, (tx) => escalateOne(tx as PrismaClient, id, now));
    if (!result) continue;
    escalated.alerts.push(result.alert);
    escalated.incidents.push(result.incident);
  }
  return escalated;
}

async function escalateOne(tx: PrismaClient, dispatchId: string, now: Date): Promise<{ alert: TAlert; incident: TIncident } | null> {
  const dispatch = await tx.dispatch.findUniqueOrThrow({ where: { id: dispatchId }, include: { unit: { select: { callSign: true } } } });
  // Acknowledged (or cleared) since the list was read: nothing to chase.
  if (dispatch.state !== "active" || dispatch.acknowledgedAt || dispatch.enRouteAt || dispatch.onSceneAt) return null;
  const alertId = randomUUID();
  const marked = await tx.crewAckEscalation.createMany({ data: [{ dispatchId, alertId, at: now }], skipDuplicates: true });
  if (marked.count === 0) return null;

  const incident = await findIncident(tx, dispatch.incidentId);
  const { ackWithinSeconds } = runCardFor(incident.type);
  const { callSign } = dispatch.unit;
  const message = `${callSign} has not acknowledged ${incident.number}${incident.address ? ` at ${incident.address}` : ""}`;
  const row = await tx.alert.create({
    data: {
      id: alertId,
      dedupKey: `${CREW_ACK_ALERT_RULE_ID}:${dispatchId}`,
      ruleId: CREW_ACK_ALERT_RULE_ID,
      ruleName: "Crew has not acknowledged",
      domain: "units",
      entityId: dispatch.unitId,
      severity: "major",
      message,
      value: "unacknowledged",
      worstValue: "unacknowledged",
      firstSeenAt: now,
      lastSeenAt: now,
      lon: incident.location[0],
      lat: incident.location[1],
      zone: incident.zone,
      incidentId: incident.id,
    },
    include: ALERT_INCLUDE,
  });
  const details = { unitId: dispatch.unitId, callSign, dispatchId, ackWithinSeconds };
  await recordAudit(tx, {
    actor: null,
    action: "alert.raised",
    entityType: "alert",
    entityId: alertId,
    after: {
      dedupKey: row.dedupKey,
      ruleId: CREW_ACK_ALERT_RULE_ID,
      severity: "major",
      entityId: dispatch.unitId,
      message,
      incidentId: incident.id,
    },
  });
  await appendTimeline(tx, { incidentId: incident.id, kind: "crewAckOverdue", actorId: null, at: now, data: details });
  await recordAudit(tx, {
    actor: null,
    action: "incident.crew_ack_overdue",
    entityType: "incident",
    entityId: incident.id,
    after: { ...details, incidentNumber: incident.number, dispatchedAt: dispatch.dispatchedAt.toISOString(), alertId },
  });
  await tx.incident.update({ where: { id: incident.id }, data: { updatedAt: now } });
  await recordOpsEvent(tx, { entityType: "incident", entityId: incident.id, type: "incident.crew_ack_overdue" });
  return { alert: toAlert(row), incident: await findIncident(tx, incident.id) };
}
