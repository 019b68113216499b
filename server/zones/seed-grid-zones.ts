import { ZONE_NAMES, type TBounds } from "@/lib/zones";
import type { TZoneGeometry } from "@/lib/contracts/zones";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { geometryJson } from "./zone-rows";

/** A city pack whose places are all on one line or point still gets nine cells, centred on it. */
const EMPTY_SPAN_DEG = 0.01;

/**
 * The nine district cells of the old fixed grid ("North-West" … "Central" … "South-East") over the city's
 * bounds. The outer cells reach a city's width/height beyond the bounds, so positions a little outside
 * the city still land in the nearest edge cell, as they did with the grid.
 */
export function gridZones(bounds: TBounds): { name: string; geometry: TZoneGeometry }[] {
  const edges = (from: number, to: number, limit: number) => {
    const span = to > from ? to - from : EMPTY_SPAN_DEG;
    const start = to > from ? from : from - span / 2;
    const clamp = (value: number) => Math.min(limit, Math.max(-limit, value));
    return [clamp(start - span), start + span / 3, start + (2 * span) / 3, clamp(start + span + span)];
  };
  const [west, south, east, north] = bounds;
  const xs = edges(west, east, 180);
  const ys = edges(south, north, 90).reverse(); // rows run north to south
  return ZONE_NAMES.map((name, i) => {
    const [row, column] = [Math.floor(i / 3), i % 3];
    const [w, e, n, s] = [xs[column], xs[column + 1], ys[row], ys[row + 1]];
    const ring = [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ] as [number, number][];
    return { name, geometry: { type: "Polygon", coordinates: [ring] } };
  });
}

/**
 * On a database that never had zones (none, removed or not, and no revisions), stores the grid as district
 * zones changed by nobody (the system). Instances starting together take turns on an advisory lock, so the
 * grid is stored once.
 */
export async function seedGridZones(prisma: PrismaClient, bounds: TBounds): Promise<boolean> {
  return inTransaction(prisma, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${"zones:seed-grid"}, 0))`;
    if ((await tx.zone.count()) > 0 || (await tx.zoneRevision.count()) > 0) return false;
    for (const { name, geometry } of gridZones(bounds)) {
      const zone = await tx.zone.create({ data: { name, kind: "district", geometry: geometryJson(geometry), version: 1 } });
      await tx.zoneRevision.create({
        data: { zoneId: zone.id, version: 1, change: "created", name, kind: "district", geometry: geometryJson(geometry) },
      });
    }
    return true;
  });
}
