import { metricValue, percent } from "../metrics";
import type { TEntityIndex } from "../entity-index";
import { assignAnchors, connectedComponents, type TJamCluster } from "./jam-components";
import type { TEvaluatorFactory, TReading } from "./types";

const NAMES_SHOWN = 3;

export const createJamSpreadEvaluator: TEvaluatorFactory<"jamSpread"> = (index) => {
  const congestedSinceMs = new Map<string, number>();
  let clusters = new Map<string, TJamCluster>();

  return {
    onEvent(rule, event, atMs) {
      const { congestedBelow, clearAbove, minSegments } = rule.params;
      const share = metricValue("speedShare", event, index);
      if (share === undefined) return [];
      if (share < congestedBelow) {
        if (!congestedSinceMs.has(event.entityId)) congestedSinceMs.set(event.entityId, atMs);
      } else if (share > clearAbove) {
        congestedSinceMs.delete(event.entityId);
      }

      const previous = clusters;
      clusters = assignAnchors(connectedComponents(new Set(congestedSinceMs.keys()), index), previous, congestedSinceMs, atMs);
      const readings: TReading[] = [];
      for (const [anchor, { members }] of clusters) {
        if (!members.has(event.entityId) && sameMembers(previous.get(anchor)?.members, members)) continue;
        const relatedEntityIds = [...members].sort();
        readings.push({
          entityId: anchor,
          state: members.size >= minSegments ? "trigger" : "clear",
          atMs,
          value: members.size,
          badness: members.size,
          detail: `${members.size} connected segments under ${percent(congestedBelow)} of free flow (${describeSegments(relatedEntityIds, index)})`,
          relatedEntityIds,
        });
      }
      for (const anchor of previous.keys()) {
        if (!clusters.has(anchor)) readings.push({ entityId: anchor, state: "clear", atMs, value: 0, badness: 0, detail: "Jam dissolved" });
      }
      return readings;
    },
    restore(_rule, { entityId, sinceMs, relatedEntityIds }) {
      // The jam as stored, its segments congested until they report otherwise: the rebuilt cluster
      // inherits this anchor, so the jam continues its alert (or clears it) rather than opening another.
      const members = new Set([entityId, ...(relatedEntityIds ?? [])]);
      for (const member of members) if (!congestedSinceMs.has(member)) congestedSinceMs.set(member, sinceMs);
      clusters.set(entityId, { members, createdMs: sinceMs });
    },
  };
};

function sameMembers(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): boolean {
  return a !== undefined && a.size === b.size && [...a].every((m) => b.has(m));
}

function describeSegments(ids: readonly string[], index: TEntityIndex): string {
  // Ids are for machines: an unnamed segment is counted, not spelled out.
  const named = ids.map((id) => index.segments.get(id)?.name).filter((name): name is string => Boolean(name));
  const names = [...new Set(named)];
  if (names.length === 0) return "unnamed roads";
  return names.length <= NAMES_SHOWN
    ? names.join(", ")
    : `${names.slice(0, NAMES_SHOWN).join(", ")} and ${names.length - NAMES_SHOWN} more`;
}
