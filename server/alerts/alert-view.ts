import type { TAlert, TAlertFlap } from "@/lib/contracts/alerts";
import { ZSignalFlap } from "@/lib/contracts/rules";
import type { TAlertSilence } from "@/lib/contracts/silences";
import type { Prisma } from "@/server/db/generated/client";

const PERSON = { select: { id: true, name: true } } as const;

/** What every alert read loads, so each answer and each push has the full ZAlert. */
export const ALERT_INCLUDE = {
  acknowledgedBy: PERSON,
  assignedTo: PERSON,
  notes: { include: { author: PERSON }, orderBy: [{ at: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.AlertInclude;

export type TAlertRow = Prisma.AlertGetPayload<{ include: typeof ALERT_INCLUDE }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAlert(row: TAlertRow): TAlert {
  return {
    id: row.id,
    dedupKey: row.dedupKey,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    domain: row.domain as TAlert["domain"],
    entityId: row.entityId,
    severity: row.severity,
    status: row.status as TAlert["status"],
    escalated: row.escalated,
    message: row.message,
    value: row.value as TAlert["value"],
    worstValue: row.worstValue as TAlert["worstValue"],
    count: row.count,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    conditionClearedAt: iso(row.conditionClearedAt),
    location: [row.lon, row.lat],
    zone: row.zone,
    acknowledgedBy: row.acknowledgedBy,
    acknowledgedAt: iso(row.acknowledgedAt),
    assignedTo: row.assignedTo,
    incidentId: row.incidentId,
    correlationGroup: row.correlationGroup,
    resolvedAt: iso(row.resolvedAt),
    resolution: row.resolution,
    notes: row.notes.map((n) => ({ id: n.id, at: n.at.toISOString(), author: n.author, text: n.text })),
    silenced: (row.silencedBy as TAlertSilence | null) ?? null,
    flapping: row.flapping,
    flap: toAlertFlap(row.flap),
    version: row.version,
  };
}

function toAlertFlap(stored: unknown): TAlertFlap | null {
  const parsed = ZSignalFlap.safeParse(stored);
  if (!parsed.success) return null;
  const { changesAt, windowMinutes, total, conditionActive } = parsed.data;
  return { changes: changesAt.length, windowMinutes, total, lastChangeAt: changesAt.at(-1) ?? null, conditionActive };
}

/** The workflow part of an alert, for audit before/after (the engine's telemetry is not a decision). */
export function alertAuditView(alert: TAlert) {
  const { status, escalated, acknowledgedBy, assignedTo, incidentId, resolution, version } = alert;
  return {
    status,
    escalated,
    acknowledgedBy: acknowledgedBy?.id ?? null,
    assignedTo: assignedTo?.id ?? null,
    incidentId,
    resolution,
    version,
  };
}
