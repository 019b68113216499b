import type { TCityEntities } from "@/lib/contracts/city-pack";
import { zoneName } from "@/lib/zones";
import { cityBounds } from "@/server/city/zones";
import { TYPE_MIX, ZONE_WEIGHTS } from "./mix";

/** [lo, hi) slices of [0, 1) proportional to the weights, so one random() picks an entry. */
function slices<T>(items: readonly T[], weight: (item: T) => number): (T & { lo: number; hi: number })[] {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let at = 0;
  return items.map((item, i) => {
    const lo = at;
    at += weight(item) / total;
    // The last slice ends at exactly 1, whatever the rounding: random() < 1 always lands somewhere.
    return { ...item, lo, hi: i === items.length - 1 ? 1.000001 : at };
  });
}

export function typeLookup() {
  return slices(TYPE_MIX, (t) => t.weight).map((t) => {
    const total = t.priorities.reduce((a, b) => a + b, 0);
    const cumulative = t.priorities.map((_, i) => t.priorities.slice(0, i + 1).reduce((a, b) => a + b, 0) / total);
    return {
      type: t.type,
      lo: t.lo,
      hi: t.hi,
      pcum: cumulative,
      unit1: t.units[0],
      unit2: t.units[1],
      dispatched: t.dispatched,
      second_unit: t.secondUnit,
      work_minutes: t.workMinutes,
      descriptions: t.descriptions,
    };
  });
}

/** The 3×3 zone grid of server/city/zones.ts, each cell weighted and named the way the app names it. */
export function zoneLookup(entities: TCityEntities) {
  const bounds = cityBounds(entities);
  const [west, south, east, north] = bounds;
  const dx = (east - west) / 3;
  const dy = (north - south) / 3;
  const cells = [0, 1, 2].flatMap((row) =>
    [0, 1, 2].map((column) => {
      const cell = { west: west + column * dx, south: south + row * dy, dx, dy };
      return { ...cell, zone: zoneName(bounds, [cell.west + dx / 2, cell.south + dy / 2]) };
    }),
  );
  return slices(cells, (c) => ZONE_WEIGHTS[c.zone] ?? 1);
}

export function streetNames(entities: TCityEntities): string[] {
  const names = [...new Set(entities.segments.map((s) => s.name).filter((n): n is string => Boolean(n)))].sort();
  return names.length > 0 ? names : ["Main Street"];
}
