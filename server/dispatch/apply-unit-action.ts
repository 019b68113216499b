import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import { raiseBackupAlert } from "@/server/alerts/backup-alert";
import type { TDispatch, TResponderUnit, TUnitActionRequest, TUnitActionResponse } from "@/lib/contracts/units";
import { recordAudit } from "@/server/audit/record-audit";
import type { Prisma } from "@/server/db/generated/client";
import { conflict, forbidden, invalid } from "@/server/errors";
import { nowOf } from "@/server/http/action-deps";
import { appendTimeline } from "@/server/incidents/append-timeline";
import { findIncident } from "@/server/incidents/find-incident";
import { isTransitionAllowed } from "@/server/incidents/incident-transitions";
import { inTransaction, type TTx } from "@/server/db/transaction";
import { findActiveDispatch, findUnit } from "./find-unit";
import { rememberAnswer, replayIdempotent } from "./idempotency";
import { recordedAt } from "./recorded-at";
import { lockIncident, lockUnit } from "./row-locks";
import { setIncidentStatus } from "./set-incident-status";
import type { TDispatchDeps } from "./types";
import { AUDIT_ACTION_OF } from "./unit-action-audit";
import { unitTransition } from "./unit-transitions";
import { unitAuditView } from "./unit-view";
import { recordOpsEvent } from "@/server/outbox/record-ops-event";
import { queueBackupNotices } from "@/server/notifications/queue-crew-notices";
import { nearbyUnitIds } from "./nearby-units";
import { clearCrewAckAlert } from "./clear-crew-ack-alert";

type TApplied = {
  response: TUnitActionResponse;
  incidentChanged: boolean;
  statusChanged: boolean;
  /** The assignment after the action (null once cleared). */
  dispatch: TDispatch | null;
  endedAssignment: boolean;
  /** A "Need backup" raises (or renews) the unit's critical backup alert. */
  backupAlert: TAlert | null;
  /** The crew answered after its assignment's "crew has not acknowledged" alert was raised: that alert cleared. */
  crewAckAlert: TAlert | null;
};

/**
 * A crew's report (or an operator's on its behalf; actor null: a simulated crew): moves the unit along
 * its status flow (server/dispatch/unit-transitions.ts; a refused move → 409 with the unit), stamps the
 * dispatch's times, writes the incident timeline, and moves the incident with its units: on scene with
 * the first arrival, resolved when the last one clears. Field users may act only for the unit they crew.
 * A repeat of the same idempotency key by the same user gets the first answer and changes nothing.
 */
export async function applyUnitAction(deps: TDispatchDeps, unitId: string, request: TUnitActionRequest): Promise<TUnitActionResponse> {
  const text = request.text?.trim() || undefined;
  if (!text && (request.action === "note" || request.action === "outOfService")) {
    throw invalid(request.action === "note" ? "A note needs a text" : "Say why the unit goes out of service", { text: ["required"] });
  }
  const userId = deps.actor?.id ?? null;

  const outcome = await inTransaction(deps.prisma, async (tx): Promise<TApplied | { replay: TUnitActionResponse }> => {
    if (userId) {
      const replay = await replayIdempotent(tx, request.idempotencyKey, userId);
      if (replay) return { replay: replay as TUnitActionResponse };
    }
    if (deps.actor?.role === "field") await requireCrewOf(tx, deps.actor.id, unitId);
    const applied = await apply(tx, deps, unitId, request, text);
    if (userId) await rememberAnswer(tx, request.idempotencyKey, userId, applied.response);
    return applied;
  });
  if ("replay" in outcome) return outcome.replay;

  const { unit, incident } = outcome.response;
  if (outcome.backupAlert) deps.publish.alert(outcome.backupAlert);
  if (outcome.crewAckAlert) deps.publish.alert(outcome.crewAckAlert);
  deps.publish.unit(unit);
  if (incident && outcome.incidentChanged) deps.publish.incident(incident);
  deps.publish.assignment(
    unit.crew.map((c) => c.id),
    { unitId: unit.id, incidentId: incident?.id ?? null, reason: outcome.endedAssignment ? "cancelled" : "updated" },
  );
  // Only moves matter to the unit's driving; a check-in must not restart a drive.
  if (outcome.statusChanged) deps.motion.unitChanged(unit, outcome.dispatch);
  return outcome.response;
}

async function requireCrewOf(tx: TTx, userId: string, unitId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { unitId: true } });
  if (user?.unitId !== unitId) throw forbidden("You can only report for the unit you crew");
}

async function apply(
  tx: TTx,
  deps: TDispatchDeps,
  unitId: string,
  request: TUnitActionRequest,
  text: string | undefined,
): Promise<TApplied> {
  const { action } = request;
  // Incident before unit, as dispatch locks them; then make sure the unit was not reassigned meanwhile.
  const peek = await findUnit(tx, unitId);
  if (peek.incidentId) await lockIncident(tx, peek.incidentId);
  await lockUnit(tx, unitId);
  const before = await findUnit(tx, unitId);
  if (before.incidentId !== peek.incidentId) throw conflict(`${before.callSign} was reassigned a moment ago; try again`, before);

  const transition = unitTransition(before, action);
  if (!transition.ok) throw conflict(transition.reason, before);
  const dispatch = await findActiveDispatch(tx, unitId);
  const now = nowOf(deps);
  const at = recordedAt(request.at, now, [before.statusSince, dispatch?.dispatchedAt]);
  const lastContactAt = new Date(Math.max(at.getTime(), Date.parse(before.lastContactAt)));

  const unitData: Prisma.UnitUncheckedUpdateManyInput = { lastContactAt, version: { increment: 1 } };
  const dispatchData: Prisma.DispatchUncheckedUpdateInput = {};
  if (transition.statusChanges) Object.assign(unitData, { status: transition.to, statusSince: at, needsBackup: false });
  const firstAcknowledgement = action === "acknowledge" && dispatch !== null && dispatch.acknowledgedAt === null;
  if (firstAcknowledgement) dispatchData.acknowledgedAt = at;
  if (action === "enRoute") dispatchData.enRouteAt = at;
  if (action === "onScene") dispatchData.onSceneAt = at;
  if (action === "cleared") {
    Object.assign(dispatchData, { state: "cleared", clearedAt: at });
    unitData.incidentId = null;
  }
  if (action === "available") unitData.outOfServiceReason = null;
  if (action === "outOfService") unitData.outOfServiceReason = text;
  if (action === "needBackup") unitData.needsBackup = true;
  await tx.unit.updateMany({ where: { id: unitId }, data: unitData });
  if (dispatch && Object.keys(dispatchData).length > 0) await tx.dispatch.update({ where: { id: dispatch.id }, data: dispatchData });
  // What escalate-unacknowledged.ts waits for, late: acknowledged, en route, on scene, or done with it.
  const answered = firstAcknowledgement || action === "enRoute" || action === "onScene" || action === "cleared";
  const crewAckAlert = dispatch && answered ? await clearCrewAckAlert(tx, dispatch.id, at, now) : null;

  const incidentId = before.incidentId;
  const actorId = deps.actor?.id ?? null;
  const who = { unitId, callSign: before.callSign };
  let wroteTimeline = false;
  if (incidentId && (transition.statusChanges || firstAcknowledgement)) {
    await appendTimeline(tx, {
      incidentId,
      kind: "unitStatusChanged",
      actorId,
      at,
      data: { ...who, from: before.status, to: transition.to, action },
    });
    wroteTimeline = true;
  }
  let backupAlert: TAlert | null = null;
  if (incidentId && action === "needBackup") {
    await appendTimeline(tx, { incidentId, kind: "backupRequested", actorId, at, data: { ...who, ...(text ? { text } : {}) } });
    const incident = await findIncident(tx, incidentId);
    backupAlert = await raiseBackupAlert(tx, { ...who, incident, at, text });
    const nearby = await nearbyUnitIds(tx, deps.positions, { incidentId, location: incident.location, except: unitId });
    await queueBackupNotices(tx, { alertId: backupAlert.id, unitIds: nearby, callSign: before.callSign, incident }, now);
    wroteTimeline = true;
  }
  if (incidentId && action === "note") {
    await appendTimeline(tx, { incidentId, kind: "note", actorId, at, data: { text, ...who } });
    wroteTimeline = true;
  }

  const unit = await findUnit(tx, unitId);
  await recordAudit(tx, {
    actor: deps.actor,
    ip: deps.ip,
    action: AUDIT_ACTION_OF[action],
    entityType: "unit",
    entityId: unitId,
    before: unitAuditView(before),
    after: { ...unitAuditView(unit), action, at: at.toISOString(), ...(text ? { text } : {}) },
  });

  const incident = incidentId ? await followUnits(tx, deps, { incidentId, unit, action, at, now, wroteTimeline }) : null;
  return {
    response: { unit, incident: incident?.incident ?? null },
    incidentChanged: incident?.changed ?? false,
    statusChanged: transition.statusChanges,
    dispatch: await findActiveDispatch(tx, unitId),
    endedAssignment: action === "cleared",
    backupAlert,
    crewAckAlert,
  };
}

/** The incident follows its units: on scene with the first arrival, resolved once no unit is left on it. */
async function followUnits(
  tx: TTx,
  deps: TDispatchDeps,
  change: { incidentId: string; unit: TResponderUnit; action: TUnitActionRequest["action"]; at: Date; now: Date; wroteTimeline: boolean },
): Promise<{ incident: TIncident; changed: boolean }> {
  const { incidentId, unit, action, at, now, wroteTimeline } = change;
  const before = await findIncident(tx, incidentId);
  const context = { actor: deps.actor, ip: deps.ip, at, now };
  if (action === "onScene" && isTransitionAllowed(before.status, "onScene", "units")) {
    return { incident: await setIncidentStatus(tx, { ...context, reason: `${unit.callSign} on scene` }, before, "onScene"), changed: true };
  }
  if (action === "cleared" && isTransitionAllowed(before.status, "resolved", "units")) {
    const stillActive = await tx.dispatch.count({ where: { incidentId, state: "active" } });
    const stillAssigned = await tx.unit.count({ where: { incidentId } });
    if (stillActive === 0 && stillAssigned === 0) {
      return {
        incident: await setIncidentStatus(tx, { ...context, reason: `all units cleared (last: ${unit.callSign})` }, before, "resolved"),
        changed: true,
      };
    }
  }
  if (!wroteTimeline) return { incident: before, changed: false };
  await tx.incident.update({ where: { id: incidentId }, data: { updatedAt: now } });
  await recordOpsEvent(tx, { entityType: "incident", entityId: incidentId, type: "incident.timeline_changed" });
  return { incident: await findIncident(tx, incidentId), changed: true };
}
