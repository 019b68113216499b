import type { TAlertSignal } from "@/lib/contracts/rules";
import Flatbush from "flatbush";
import { EARTH_RADIUS_M, haversineM, type TLonLat } from "@/lib/geo";
import type { TPositionOf } from "./entity-positions";

const DEFAULT_CORRELATION_RADIUS_M = 300;
const DEFAULT_CORRELATION_WINDOW_MINUTES = 10;

export type TCorrelatableAlert = { dedupKey: string; openedAtMs: number; positions: readonly TLonLat[] };
export type TCorrelationGroup = { groupId: string; dedupKeys: string[] };
export type TCorrelationOptions = { radiusM?: number; windowMinutes?: number };

/** An open alert and every entity it covers (a jam spans several segments) placed on the map. */
export function toCorrelatable(
  alert: Pick<TAlertSignal, "dedupKey" | "domain" | "entityId" | "relatedEntityIds">,
  openedAtMs: number,
  positionOf: TPositionOf,
): TCorrelatableAlert {
  const ids = new Set([alert.entityId, ...(alert.relatedEntityIds ?? [])]);
  const positions = [...ids].map((id) => positionOf(alert.domain, id)).filter((p): p is TLonLat => p !== undefined);
  return { dedupKey: alert.dedupKey, openedAtMs, positions };
}

/**
 * Groups open alerts, across domains, that are near each other in space and time:
 * two alerts are related when some of their positions lie within radiusM and they
 * opened within windowMinutes; groups are the chains of related alerts. A group is
 * named by its earliest alert's dedup key, so its id survives later alerts joining.
 * Alerts without relatives are left out. A packed R-tree (flatbush) over every position
 * finds each alert's candidates, so a storm of thousands of alerts spread over a city
 * costs about n log n, not the n² of comparing every pair.
 */
export function correlateAlerts(alerts: readonly TCorrelatableAlert[], options: TCorrelationOptions = {}): TCorrelationGroup[] {
  const radiusM = options.radiusM ?? DEFAULT_CORRELATION_RADIUS_M;
  const windowMs = (options.windowMinutes ?? DEFAULT_CORRELATION_WINDOW_MINUTES) * 60_000;
  const ordered = [...alerts].sort((a, b) => a.openedAtMs - b.openedAtMs || compare(a.dedupKey, b.dedupKey));
  const parent = ordered.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));

  const points: { alert: number; position: TLonLat }[] = [];
  ordered.forEach((alert, i) => {
    for (const position of alert.positions) points.push({ alert: i, position });
  });
  if (points.length > 0) {
    const index = new Flatbush(points.length);
    for (const { position } of points) index.add(position[0], position[1], position[0], position[1]);
    index.finish();
    const dLat = (radiusM / EARTH_RADIUS_M) * RADIANS_TO_DEGREES * BOX_MARGIN;
    for (const { alert: i, position } of points) {
      const [lon, lat] = position;
      const dLon = lonSpan(lat, dLat);
      // A box over the antimeridian or a pole would wrap: search every longitude instead (rare, still correct).
      const [minLon, maxLon] = dLon === undefined || lon - dLon < -180 || lon + dLon > 180 ? [-180, 180] : [lon - dLon, lon + dLon];
      for (const k of index.search(minLon, lat - dLat, maxLon, lat + dLat)) {
        const j = points[k].alert;
        if (j <= i) continue;
        const [a, b] = [root(i), root(j)];
        if (a === b || Math.abs(ordered[j].openedAtMs - ordered[i].openedAtMs) > windowMs) continue;
        if (haversineM(position, points[k].position) > radiusM) continue;
        // The earlier alert stays the root, so the root is the group's earliest member.
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }

  const groups = new Map<number, string[]>();
  ordered.forEach((alert, i) => {
    const r = root(i);
    const keys = groups.get(r);
    if (keys) keys.push(alert.dedupKey);
    else groups.set(r, [alert.dedupKey]);
  });
  return [...groups.entries()]
    .filter(([, keys]) => keys.length > 1)
    .map(([first, dedupKeys]) => ({ groupId: ordered[first].dedupKey, dedupKeys }));
}

const RADIANS_TO_DEGREES = 180 / Math.PI;
/** The boxes only narrow the candidates (haversine decides), so they err on the wide side. */
const BOX_MARGIN = 1.01;

/** Half the width in longitude of a box holding every point within dLat degrees of arc; undefined near a pole. */
function lonSpan(lat: number, dLat: number): number | undefined {
  const farthestLat = Math.min(90, Math.abs(lat) + dLat);
  const cos = Math.cos(farthestLat / RADIANS_TO_DEGREES);
  return cos < 0.01 ? undefined : dLat / cos;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
