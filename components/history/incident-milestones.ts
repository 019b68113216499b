import type { TTimelineEntry } from "@/lib/contracts/incidents";

export type TMilestoneKey = "acknowledged" | "dispatched" | "onScene" | "resolved" | "closed";
export type TMilestone = {
  key: TMilestoneKey;
  label: string;
  at: string | null;
  seconds: number | null;
  measuredFrom: "created" | "dispatched";
};
export type TIncidentMilestones = Record<TMilestoneKey, TMilestone>;

const REOPENED_TO = new Set(["acknowledged", "dispatched", "onScene"]);

/**
 * When the incident reached each step, read from its timeline by the same rules as the database trigger
 * that feeds the response-time figures (history migration), so this page and the KPIs agree:
 * acknowledged = the first move out of "new"; dispatched = the earliest unit dispatch; on scene = the earliest
 * move to on scene (by status or by a unit: a crew's report queued offline reaches the server late but
 * carries when the crew tapped, so it can be earlier than one already recorded); resolved = the last
 * resolution, unless reopened after it.
 * Time to arrive counts from the first dispatch, the others from creation.
 */
export function incidentMilestones(createdAt: string, timeline: readonly TTimelineEntry[]): TIncidentMilestones {
  let acknowledged: string | null = null;
  let dispatched: string | null = null;
  let onScene: string | null = null;
  let resolved: string | null = null;
  let closed: string | null = null;
  // Insertion order, as the trigger saw them.
  const ordered = [...timeline].sort((a, b) => compareIds(a.id, b.id));
  for (const entry of ordered) {
    const { from, to } = entry.data;
    if (entry.kind === "statusChanged") {
      if (from === "new") acknowledged ??= entry.at;
      if (to === "onScene") onScene = earliest(onScene, entry.at);
      if (to === "resolved") resolved = entry.at;
      else if (typeof to === "string" && REOPENED_TO.has(to)) resolved = null;
      if (to === "closed") closed = entry.at;
    } else if (entry.kind === "unitDispatched") {
      dispatched = earliest(dispatched, entry.at);
    } else if (entry.kind === "unitStatusChanged" && to === "onScene") {
      onScene = earliest(onScene, entry.at);
    }
  }
  const since = (from: string | null, at: string | null) => (from && at ? Math.max(0, (Date.parse(at) - Date.parse(from)) / 1000) : null);
  const fromCreation = (key: TMilestoneKey, label: string, at: string | null): TMilestone => ({
    key,
    label,
    at,
    seconds: since(createdAt, at),
    measuredFrom: "created",
  });
  return {
    acknowledged: fromCreation("acknowledged", "Time to acknowledge", acknowledged),
    dispatched: fromCreation("dispatched", "Time to dispatch", dispatched),
    onScene: { key: "onScene", label: "Time to arrive", at: onScene, seconds: since(dispatched, onScene), measuredFrom: "dispatched" },
    resolved: fromCreation("resolved", "Time to resolve", resolved),
    closed: fromCreation("closed", "Time to close", closed),
  };
}

/** The database's LEAST: null counts as not yet. */
function earliest(current: string | null, at: string): string {
  return current !== null && Date.parse(current) <= Date.parse(at) ? current : at;
}

/** Timeline ids count up in insertion order (bigints as text). */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
