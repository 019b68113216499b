import { type TZone, type TZoneGeometry, type TZoneRevision, ZZoneGeometry, ZZoneKind } from "@/lib/contracts/zones";
import type { Prisma, Zone, ZoneRevision } from "@/server/db/generated/client";

/** Who changed it, for the contract's `updatedBy` / `changedBy`. */
const PERSON = { select: { id: true, name: true } } as const;
export const ZONE_INCLUDE = { updatedBy: PERSON } as const;
export const REVISION_INCLUDE = { changedBy: PERSON } as const;

type TPerson = { id: string; name: string } | null;

export function toZone(row: Zone & { updatedBy: TPerson }): TZone {
  return {
    id: row.id,
    name: row.name,
    kind: ZZoneKind.parse(row.kind),
    geometry: ZZoneGeometry.parse(row.geometry),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export function toZoneRevision(row: ZoneRevision & { changedBy: TPerson }): TZoneRevision {
  return {
    version: row.version,
    change: row.change as TZoneRevision["change"],
    name: row.name,
    kind: ZZoneKind.parse(row.kind),
    geometry: ZZoneGeometry.parse(row.geometry),
    changedAt: row.changedAt.toISOString(),
    changedBy: row.changedBy,
  };
}

export const geometryJson = (geometry: TZoneGeometry) => geometry as unknown as Prisma.InputJsonValue;

/** Stored JSONB may order keys differently from the request; the coordinates decide. */
export function isSameGeometry(a: TZoneGeometry, b: TZoneGeometry): boolean {
  return a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);
}
