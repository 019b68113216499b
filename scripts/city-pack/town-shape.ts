import { haversineM, ringCentroid, type TLonLat } from "@/lib/geo";
import { isClosedWay, wayCoords, type TOsmData } from "./read-osm";

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Where the town is densest: the median of building centroids (robust against an
 * outlying airport or farm), falling back to the median of all nodes.
 */
export function townCenter(osm: TOsmData): TLonLat {
  const points = [...osm.ways.values()].filter((w) => w.tags.building && isClosedWay(w)).map((w) => ringCentroid(wayCoords(osm, w)));
  const source = points.length > 0 ? points : [...osm.nodes.values()].map((n) => n.loc);
  return [median(source.map((p) => p[0])), median(source.map((p) => p[1]))];
}

/** Value at quantile q (0..1) of a list of numbers. */
function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

/** Points whose distance from the centre lies between two quantiles: a ring around town. */
export function ringBetween<T>(items: readonly T[], positionOf: (t: T) => TLonLat, center: TLonLat, qMin: number, qMax: number): T[] {
  const d = items.map((t) => haversineM(center, positionOf(t)));
  const [lo, hi] = [quantile(d, qMin), quantile(d, qMax)];
  return items.filter((_, i) => d[i] >= lo && d[i] <= hi);
}
