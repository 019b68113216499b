import type { TCityEntities } from "@/lib/contracts/city-pack";

/**
 * Invariants the zod schema cannot express: ids unique per kind and references
 * that resolve. Returns the problems found (empty when the pack is consistent).
 */
export function checkEntities(e: TCityEntities): string[] {
  const problems: string[] = [];
  for (const [kind, list] of Object.entries(e) as [string, { id: string }[]][]) {
    const seen = new Set<string>();
    for (const { id } of list) {
      if (seen.has(id)) problems.push(`duplicate ${kind} id ${id}`);
      seen.add(id);
    }
  }
  const substations = new Set(e.substations.map((s) => s.id));
  for (const f of e.feeders) if (!substations.has(f.substationId)) problems.push(`feeder ${f.id}: unknown substation ${f.substationId}`);
  const stations = new Map(e.stations.map((s) => [s.id, s]));
  for (const u of e.units) {
    const home = stations.get(u.stationId);
    if (!home) problems.push(`unit ${u.id}: unknown station ${u.stationId}`);
    else if (home.type !== u.type) problems.push(`unit ${u.id} (${u.type}) based at ${home.type} station ${home.id}`);
  }
  return problems;
}
