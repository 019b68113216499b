import type { TAlertSignal } from "@/lib/contracts/rules";
import { haversineM, type TLonLat } from "@/lib/geo";
import type { TPositionOf } from "./entity-positions";

const DEFAULT_CORRELATION_RADIUS_M = 300;
const DEFAULT_CORRELATION_WINDOW_MINUTES = 10;

type TCorrelatableAlert = { dedupKey: string; openedAtMs: number; positions: readonly TLonLat[] };
type TCorrelationGroup = { groupId: string; dedupKeys: string[] };
type TCorrelationOptions = { radiusM?: number; windowMinutes?: number };

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
 * Alerts without relatives are left out. Quadratic: meant for the open alerts, not history.
 */
export function correlateAlerts(alerts: readonly TCorrelatableAlert[], options: TCorrelationOptions = {}): TCorrelationGroup[] {
  const radiusM = options.radiusM ?? DEFAULT_CORRELATION_RADIUS_M;
  const windowMs = (options.windowMinutes ?? DEFAULT_CORRELATION_WINDOW_MINUTES) * 60_000;
  const ordered = [...alerts].sort((a, b) => a.openedAtMs - b.openedAtMs || compare(a.dedupKey, b.dedupKey));
  const parent = ordered.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));

  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length && ordered[j].openedAtMs - ordered[i].openedAtMs <= windowMs; j++) {
      if (!isNear(ordered[i].positions, ordered[j].positions, radiusM)) continue;
      const [a, b] = [root(i), root(j)];
      // The earlier alert stays the root, so the root is the group's earliest member.
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }

  const groups = new Map<number, string[]>();
  ordered.forEach((alert, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), alert.dedupKey]));
  return [...groups.entries()]
    .filter(([, keys]) => keys.length > 1)
    .map(([first, dedupKeys]) => ({ groupId: ordered[first].dedupKey, dedupKeys }));
}

function isNear(a: readonly TLonLat[], b: readonly TLonLat[], radiusM: number): boolean {
  return a.some((p) => b.some((q) => haversineM(p, q) <= radiusM));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
