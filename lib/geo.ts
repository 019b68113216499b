/** Small geodesy helpers on [lon, lat] pairs; accurate enough at city scale. */
export type TLonLat = readonly [number, number];

const EARTH_RADIUS_M = 6_371_000;
const toRad = (deg: number) => (deg * Math.PI) / 180;

export function distanceM(a: TLonLat, b: TLonLat): number {
  const dLat = toRad(b[1] - a[1]);
  const dLon = toRad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** Initial bearing from a to b, degrees clockwise from north, 0–360. */
export function bearingDeg(a: TLonLat, b: TLonLat): number {
  const y = Math.sin(toRad(b[0] - a[0])) * Math.cos(toRad(b[1]));
  const x =
    Math.cos(toRad(a[1])) * Math.sin(toRad(b[1])) -
    Math.sin(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.cos(toRad(b[0] - a[0]));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

/** The point at `distance` metres along a polyline, and the heading there. */
export function pointAlong(line: readonly TLonLat[], distance: number): { point: [number, number]; heading: number } {
  let remaining = Math.max(0, distance);
  for (let i = 0; i < line.length - 1; i++) {
    const length = distanceM(line[i], line[i + 1]);
    if (remaining <= length || i === line.length - 2) {
      const t = length === 0 ? 0 : Math.min(1, remaining / length);
      return {
        point: [line[i][0] + (line[i + 1][0] - line[i][0]) * t, line[i][1] + (line[i + 1][1] - line[i][1]) * t],
        heading: bearingDeg(line[i], line[i + 1]),
      };
    }
    remaining -= length;
  }
  return { point: [line[0][0], line[0][1]], heading: 0 };
}
