import { INCIDENT_PRIORITIES, INCIDENT_STATUSES, type TIncident } from "@/lib/contracts/incidents";
import type { TResponderUnit } from "@/lib/contracts/units";
import type { TIncidentPriority } from "./incident-labels";

/**
 * How long an incident of each priority may wait with no unit before the board flags it. A P1 medical call
 * with nobody on it for a minute is already late; a P4 can wait a shift's half hour.
 */
export const UNASSIGNED_FLAG_AFTER_MS: Record<TIncidentPriority, number> = {
  P1: 60_000,
  P2: 5 * 60_000,
  P3: 15 * 60_000,
  P4: 30 * 60_000,
};

export const BOARD_SORTS = ["priority", "age", "updated", "status", "zone"] as const;
export type TBoardSort = (typeof BOARD_SORTS)[number];
export const BOARD_SORT_LABEL: Record<TBoardSort, string> = {
  priority: "Priority",
  age: "Oldest first",
  updated: "Longest without update",
  status: "Status",
  zone: "Zone",
};

export type TBoardUnits = { assigned: number; enRoute: number; onScene: number };

export type TBoardRow = {
  incident: TIncident;
  ageMs: number;
  sinceUpdateMs: number;
  units: TBoardUnits;
  /** No unit on it for longer than its priority allows: how long it has waited. */
  unassignedForMs: number | null;
};

/** Statuses still worked on the board; resolved and closed incidents live in History. */
const ON_BOARD = new Set<TIncident["status"]>(["new", "acknowledged", "dispatched", "onScene"]);

function unitsOn(incidentId: string, units: readonly TResponderUnit[]): TBoardUnits {
  const counts: TBoardUnits = { assigned: 0, enRoute: 0, onScene: 0 };
  for (const unit of units) {
    if (unit.incidentId !== incidentId) continue;
    counts.assigned += 1;
    if (unit.status === "enRoute") counts.enRoute += 1;
    if (unit.status === "onScene") counts.onScene += 1;
  }
  return counts;
}

export function boardRows(incidents: readonly TIncident[], units: readonly TResponderUnit[], nowMs: number): TBoardRow[] {
  return incidents
    .filter((incident) => ON_BOARD.has(incident.status))
    .map((incident) => {
      const ageMs = Math.max(0, nowMs - Date.parse(incident.createdAt));
      const counts = unitsOn(incident.id, units);
      const isLate = counts.assigned === 0 && ageMs >= UNASSIGNED_FLAG_AFTER_MS[incident.priority];
      return {
        incident,
        ageMs,
        sinceUpdateMs: Math.max(0, nowMs - Date.parse(incident.updatedAt)),
        units: counts,
        unassignedForMs: isLate ? ageMs : null,
      };
    });
}

const rank =
  <T extends string>(order: readonly T[]) =>
  (value: T) =>
    order.indexOf(value);
const byPriority = rank(INCIDENT_PRIORITIES);
const byStatus = rank(INCIDENT_STATUSES);

const urgency = (a: TBoardRow, b: TBoardRow) => byPriority(a.incident.priority) - byPriority(b.incident.priority) || b.ageMs - a.ageMs;

const COMPARE: Record<TBoardSort, (a: TBoardRow, b: TBoardRow) => number> = {
  priority: urgency,
  age: (a, b) => b.ageMs - a.ageMs,
  updated: (a, b) => b.sinceUpdateMs - a.sinceUpdateMs,
  status: (a, b) => byStatus(a.incident.status) - byStatus(b.incident.status) || urgency(a, b),
  zone: (a, b) => a.incident.zone.localeCompare(b.incident.zone) || urgency(a, b),
};

/** Flagged (unassigned too long) incidents always lead, whatever the sort: they are what is being missed. */
export function sortBoard(rows: readonly TBoardRow[], sort: TBoardSort): TBoardRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.unassignedForMs !== null) - Number(a.unassignedForMs !== null) ||
      COMPARE[sort](a, b) ||
      a.incident.number.localeCompare(b.incident.number),
  );
}

/** "2 en route · 1 on scene", "1 dispatched", "No unit". */
export function describeBoardUnits({ assigned, enRoute, onScene }: TBoardUnits): string {
  if (assigned === 0) return "No unit";
  const dispatched = assigned - enRoute - onScene;
  return [
    dispatched > 0 ? `${dispatched} dispatched` : null,
    enRoute > 0 ? `${enRoute} en route` : null,
    onScene > 0 ? `${onScene} on scene` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}
