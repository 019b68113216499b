/**
 * Small spherical-geometry helpers for a town-sized area. Distances use haversine;
 * areas and centroids use a local equirectangular projection, which is accurate to
 * well under 1 % over a few kilometres.
 */
export type TLonLat = [number, number];

export const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

export function haversineM(a: TLonLat, b: TLonLat): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLon = (b[0] - a[0]) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function lineLengthM(coords: readonly TLonLat[]): number {
  let total = 0;
  for (let i = 1; i < coords.length; i++) total += haversineM(coords[i - 1], coords[i]);
  return total;
}

/** 6 decimals ≈ 0.1 m: plenty for a city map, and it keeps the JSON small. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function roundLonLat(p: TLonLat): TLonLat {
  return [round6(p[0]), round6(p[1])];
}

/** Metres east/north of an origin. */
function project(p: TLonLat, origin: TLonLat): [number, number] {
  return [(p[0] - origin[0]) * DEG * EARTH_RADIUS_M * Math.cos(origin[1] * DEG), (p[1] - origin[1]) * DEG * EARTH_RADIUS_M];
}

function unproject(xy: [number, number], origin: TLonLat): TLonLat {
  return [origin[0] + xy[0] / (DEG * EARTH_RADIUS_M * Math.cos(origin[1] * DEG)), origin[1] + xy[1] / (DEG * EARTH_RADIUS_M)];
}

/** Absolute area of a closed or open ring, in m². */
export function ringAreaM2(ring: readonly TLonLat[]): number {
  if (ring.length < 3) return 0;
  const origin = ring[0];
  const pts = ring.map((p) => project(p, origin));
  let twice = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i];
    const [x2, y2] = pts[(i + 1) % pts.length];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** Area-weighted centroid; falls back to the vertex mean for degenerate rings. */
export function ringCentroid(ring: readonly TLonLat[]): TLonLat {
  const origin = ring[0];
  const pts = ring.map((p) => project(p, origin));
  let twice = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i];
    const [x2, y2] = pts[(i + 1) % pts.length];
    const cross = x1 * y2 - x2 * y1;
    twice += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  if (Math.abs(twice) < 1e-6) {
    const mean = pts.reduce((s, p) => [s[0] + p[0] / pts.length, s[1] + p[1] / pts.length], [0, 0]);
    return unproject(mean as [number, number], origin);
  }
  return unproject([cx / (3 * twice), cy / (3 * twice)], origin);
}

/** Initial bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: TLonLat, b: TLonLat): number {
  const [x, y] = project(b, a);
  return (Math.atan2(x, y) / DEG + 360) % 360;
}

/** The point `distanceM` from p towards `bearing` (degrees clockwise from north). */
export function destination(p: TLonLat, bearing: number, distanceM: number): TLonLat {
  const rad = bearing * DEG;
  return unproject([Math.sin(rad) * distanceM, Math.cos(rad) * distanceM], p);
}

/** Position and travel direction at `distanceM` along a polyline (clamped to its ends). */
export function pointAlong(coords: readonly TLonLat[], distanceM: number): { position: TLonLat; bearing: number } {
  let remaining = Math.max(0, distanceM);
  for (let i = 1; i < coords.length; i++) {
    const step = haversineM(coords[i - 1], coords[i]);
    if (remaining <= step || i === coords.length - 1) {
      const t = step === 0 ? 0 : Math.min(1, remaining / step);
      const [a, b] = [coords[i - 1], coords[i]];
      return { position: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], bearing: bearingDeg(a, b) };
    }
    remaining -= step;
  }
  return { position: coords[0], bearing: 0 };
}

/** [west, south, east, north] of a set of points. */
export function bboxOf(points: Iterable<TLonLat>): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    s = Math.min(s, lat);
    e = Math.max(e, lon);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}

/** Shortest distance from p to a polyline, in metres (planar approximation around p). */
export function distanceToLineM(p: TLonLat, coords: readonly TLonLat[]): number {
  let best = Infinity;
  const pts = coords.map((c) => project(c, p));
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1];
    const [bx, by] = pts[i];
    const [dx, dy] = [bx - ax, by - ay];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}
