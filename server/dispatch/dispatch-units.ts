import type { TIncident } from "@/lib/contracts/incidents";
import { isDispatchable, type TDispatch, type TDispatchRequest, type TDispatchResponse, type TResponderUnit } from "@/lib/contracts/units";
import { haversineM } from "@/lib/geo";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict } from "@/server/errors";
import { nowOf } from "@/server/http/action-deps";
import { appendTimeline } from "@/server/incidents/append-timeline";
import { findIncident } from "@/server/incidents/find-incident";
import { isIncidentActive, isTransitionAllowed } from "@/server/incidents/incident-transitions";
import { inTransaction, type TTx } from "@/server/db/transaction";
import { DISPATCH_INCLUDE, toDispatch } from "./dispatch-view";
import { findUnit, findUnits } from "./find-unit";
import { lockIncident } from "./row-locks";
import { setIncidentStatus } from "./set-incident-status";
import type { TDispatchDeps, TPlannedRoute } from "./types";
import { ASSIGNED_PHRASE } from "./unit-status-phrase";
import { SNAP_SPEED_KMH } from "@/server/city/road-graph";
import { isUniqueViolation } from "./unique-violation";
import { unitAuditView } from "./unit-view";
import { recordOpsEvent } from "@/server/outbox/record-ops-event";
import { queueAssignmentNotice } from "@/server/notifications/queue-crew-notices";

/**
 * Sends units to an incident, all or none: each must be available or returning (out of service, or on
 * another assignment → 409 naming the unit, with the units as they are now). The check and the claim are
 * one conditional update per unit, and the one-active-dispatch-per-unit index backs it up, so of two
 * operators sending the same unit at once exactly one succeeds. Routes are planned from where each unit
 * is now at live speeds. A new or acknowledged incident becomes dispatched.
 */
export async function dispatchUnits(deps: TDispatchDeps, incidentId: string, request: TDispatchRequest): Promise<TDispatchResponse> {
  const unitIds = [...new Set(request.unitIds)].sort();
  const target = await findIncident(deps.prisma, incidentId);
  // Planned before the transaction: it is CPU work that needs no lock.
  const routes = new Map(unitIds.map((id) => [id, planFrom(deps, id, target.location)]));

  const result = await inTransaction(deps.prisma, async (tx) => {
    const now = nowOf(deps);
    await lockIncident(tx, incidentId);
    const before = await findIncident(tx, incidentId);
    if (!isIncidentActive(before.status)) throw conflict(`${before.number} is ${before.status}; units can no longer be sent to it`, before);

    const claimed: { before: TResponderUnit; dispatchId: string }[] = [];
    for (const unitId of unitIds) {
      const unit = await findUnit(tx, unitId);
      if (!isDispatchable(unit)) throw conflict(await whyNotDispatchable(tx, unit), await currentUnits(tx, unitIds));
      const { count } = await tx.unit.updateMany({
        where: { id: unitId, status: { in: ["available", "returning"] } },
        data: { status: "dispatched", statusSince: now, incidentId, needsBackup: false, version: { increment: 1 } },
      });
      // Someone else claimed it between our read and our update (their transaction has committed by now).
      if (count === 0) throw conflict(await whyNotDispatchable(tx, await findUnit(tx, unitId)), await currentUnits(tx, unitIds));
      const route = routes.get(unitId)!;
      const row = await tx.dispatch.create({
        data: {
          incidentId,
          unitId,
          dispatchedById: deps.actor?.id ?? null,
          dispatchedAt: now,
          etaSeconds: route.etaSeconds,
          distanceM: route.distanceM,
          route: route.coords,
        },
      });
      claimed.push({ before: unit, dispatchId: row.id });
    }

    const context = {
      actor: deps.actor,
      ip: deps.ip,
      at: now,
      now,
      reason: `units dispatched: ${claimed.map((c) => c.before.callSign).join(", ")}`,
    };
    const incident: TIncident = isTransitionAllowed(before.status, "dispatched", "units")
      ? await setIncidentStatus(tx, context, before, "dispatched")
      : await bumpVersion(tx, incidentId, now);

    const units: TResponderUnit[] = [];
    const dispatches: TDispatch[] = [];
    for (const { before: unitBefore, dispatchId } of claimed) {
      const unit = await findUnit(tx, unitBefore.id);
      const dispatch = toDispatch(await tx.dispatch.findUniqueOrThrow({ where: { id: dispatchId }, include: DISPATCH_INCLUDE }));
      const { etaSeconds, distanceM } = dispatch;
      await appendTimeline(tx, {
        incidentId,
        kind: "unitDispatched",
        actorId: deps.actor?.id ?? null,
        data: { unitId: unit.id, callSign: unit.callSign, etaSeconds, distanceM },
        at: now,
      });
      await recordAudit(tx, {
        actor: deps.actor,
        ip: deps.ip,
        action: "unit.dispatched",
        entityType: "unit",
        entityId: unit.id,
        before: unitAuditView(unitBefore),
        after: { ...unitAuditView(unit), incidentNumber: incident.number, etaSeconds, distanceM },
      });
      await queueAssignmentNotice(tx, { dispatchId, unit, incident }, now);
      units.push(unit);
      dispatches.push(dispatch);
    }
    return { incident, dispatches, units };
  }).catch(async (error: unknown) => {
    // The partial unique index caught a concurrent claim the conditional update did not (the transaction is void now).
    if (!isUniqueViolation(error)) throw error;
    const now = await currentUnits(deps.prisma, unitIds);
    const taken = now.find((u) => !isDispatchable(u));
    throw conflict(taken ? await whyNotDispatchable(deps.prisma, taken) : "A unit was dispatched by someone else a moment ago", now);
  });

  deps.publish.incident(result.incident);
  for (const [i, unit] of result.units.entries()) {
    deps.publish.unit(unit);
    deps.publish.assignment(
      unit.crew.map((c) => c.id),
      { unitId: unit.id, incidentId, reason: "dispatched" },
    );
    deps.motion.unitChanged(unit, result.dispatches[i]);
  }
  return result;
}

/** From the unit's position over the roads; a straight line when no road connects them (the dispatcher decides, not the map). */
function planFrom(deps: TDispatchDeps, unitId: string, to: TIncident["location"]): TPlannedRoute {
  const from = deps.positions(unitId);
  if (!from) return { etaSeconds: 0, distanceM: 0, coords: [to, to] };
  const planned = deps.planner.planRoute(from, to);
  if (planned) return planned;
  const distanceM = haversineM(from, to);
  return { etaSeconds: distanceM / (SNAP_SPEED_KMH / 3.6), distanceM, coords: [from, to] };
}

async function bumpVersion(tx: TTx, incidentId: string, at: Date): Promise<TIncident> {
  await tx.incident.update({ where: { id: incidentId }, data: { version: { increment: 1 }, updatedAt: at } });
  // Not audited itself (the units are): still a change of the incident for Kafka's consumers.
  await recordOpsEvent(tx, { entityType: "incident", entityId: incidentId, type: "incident.units_dispatched" });
  return findIncident(tx, incidentId);
}

async function whyNotDispatchable(db: TTx, unit: TResponderUnit): Promise<string> {
  if (unit.status === "outOfService") return `${unit.callSign} is out of service`;
  const assignedTo = unit.incidentId ? await db.incident.findUnique({ where: { id: unit.incidentId }, select: { number: true } }) : null;
  return `${unit.callSign} is ${ASSIGNED_PHRASE[unit.status] ?? unit.status} ${assignedTo?.number ?? "another incident"}`;
}

const currentUnits = findUnits;
