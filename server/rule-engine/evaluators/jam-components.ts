import type { TEntityIndex } from "../entity-index";

/** Congested segments grouped by the road graph: two segments are connected when they share a node. */
export function connectedComponents(congested: ReadonlySet<string>, index: TEntityIndex): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of congested) {
    if (seen.has(start)) continue;
    seen.add(start);
    const component: string[] = [];
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.pop()!;
      component.push(id);
      const segment = index.segments.get(id);
      if (!segment) continue;
      for (const node of [segment.from, segment.to]) {
        for (const neighbour of index.segmentsAtNode.get(node) ?? []) {
          if (congested.has(neighbour) && !seen.has(neighbour)) {
            seen.add(neighbour);
            queue.push(neighbour);
          }
        }
      }
    }
    components.push(component.sort());
  }
  return components;
}

export type TJamCluster = { members: ReadonlySet<string>; createdMs: number };

/**
 * A jam keeps its identity (its anchor segment, the alert's entity) while it grows,
 * shrinks or loses the segment it started on: each new component inherits the
 * oldest earlier cluster it overlaps. Larger components claim first, so a split
 * leaves the alert on the bigger part. A new jam is anchored on its longest-congested segment.
 */
export function assignAnchors(
  components: readonly string[][],
  previous: ReadonlyMap<string, TJamCluster>,
  congestedSinceMs: ReadonlyMap<string, number>,
  nowMs: number,
): Map<string, TJamCluster> {
  const next = new Map<string, TJamCluster>();
  const ordered = [...components].sort((a, b) => b.length - a.length || compare(a[0], b[0]));
  for (const members of ordered) {
    const memberSet = new Set(members);
    const inherited = [...previous]
      .filter(([anchor, cluster]) => !next.has(anchor) && [...cluster.members].some((m) => memberSet.has(m)))
      .sort(([a, x], [b, y]) => x.createdMs - y.createdMs || compare(a, b))[0];
    if (inherited) {
      next.set(inherited[0], { members: memberSet, createdMs: inherited[1].createdMs });
      continue;
    }
    const anchor = members
      .filter((m) => !next.has(m) && !previous.has(m))
      .sort((a, b) => (congestedSinceMs.get(a) ?? nowMs) - (congestedSinceMs.get(b) ?? nowMs) || compare(a, b))[0];
    // Only when every member already names another jam: too small to matter, left untracked.
    if (anchor) next.set(anchor, { members: memberSet, createdMs: nowMs });
  }
  return next;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
