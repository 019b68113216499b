import { z } from "zod";

/** What a zone is for: the districts, police beats, fire response areas and maintenance areas a city works in. */
export const ZONE_KINDS = ["district", "policeBeat", "fireArea", "maintenanceArea"] as const;
export const ZZoneKind = z.enum(ZONE_KINDS);
export type TZoneKind = z.infer<typeof ZZoneKind>;

/** What an alert or incident outside every zone records as its zone. */
export const NO_ZONE = "No zone";

const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A closed ring of [lon, lat] positions (GeoJSON order): at least three corners, the first repeated last. */
export const ZZoneRing = z
  .array(ZPosition)
  .min(4, "a ring needs at least three corners and the first repeated last")
  .max(10_000)
  .refine((ring) => ring[0][0] === ring.at(-1)?.[0] && ring[0][1] === ring.at(-1)?.[1], "a ring must end where it starts");

const ZPolygonRings = z.array(ZZoneRing).min(1).max(100);

/** A zone's area: a GeoJSON Polygon or MultiPolygon (outer ring first, then holes). */
export const ZZoneGeometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: ZPolygonRings }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(ZPolygonRings).min(1).max(100) }),
]);
export type TZoneGeometry = z.infer<typeof ZZoneGeometry>;
/** One polygon: what is drawn or reshaped on the map (several parts come in by import). */
export type TZonePolygon = Extract<TZoneGeometry, { type: "Polygon" }>;

const ZZoneName = z.string().trim().min(1, "a zone needs a name").max(80);

/** A zone as every signed-in role sees it (GET /api/zones). */
export const ZZone = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZZoneKind,
  geometry: ZZoneGeometry,
  /** Optimistic-concurrency version: every change sends the version it read. */
  version: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TZone = z.infer<typeof ZZone>;

export const ZZoneList = z.object({ zones: z.array(ZZone) });
export type TZoneList = z.infer<typeof ZZoneList>;

/** POST /api/zones (admins). Names are unique within a kind. */
export const ZCreateZoneRequest = z.object({ name: ZZoneName, kind: ZZoneKind, geometry: ZZoneGeometry });
export type TCreateZoneRequest = z.infer<typeof ZCreateZoneRequest>;

/** PATCH /api/zones/[id] (admins): any of name, kind, geometry, with the version read. */
export const ZUpdateZoneRequest = z.object({
  version: z.number().int().nonnegative(),
  name: ZZoneName.optional(),
  kind: ZZoneKind.optional(),
  geometry: ZZoneGeometry.optional(),
});
export type TUpdateZoneRequest = z.infer<typeof ZUpdateZoneRequest>;

/** POST /api/zones/[id]/remove (admins). */
export const ZRemoveZoneRequest = z.object({ version: z.number().int().nonnegative() });
export type TRemoveZoneRequest = z.infer<typeof ZRemoveZoneRequest>;

/** One saved state of a zone (GET /api/zones/[id]/history, supervisors and admins), newest first. */
export const ZZoneRevision = z.object({
  version: z.number().int().nonnegative(),
  change: z.enum(["created", "updated", "removed"]),
  name: z.string(),
  kind: ZZoneKind,
  geometry: ZZoneGeometry,
  changedAt: z.iso.datetime(),
  changedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TZoneRevision = z.infer<typeof ZZoneRevision>;
export const ZZoneHistory = z.object({ revisions: z.array(ZZoneRevision) });

/**
 * POST /api/zones/import (admins): a GeoJSON FeatureCollection whose features carry `properties.name` (and
 * optionally `properties.kind`, else `kind`). A feature whose name and kind match a zone replaces its area;
 * others are created. With `dryRun` nothing is stored and the answer says what would change.
 */
export const ZZoneImportRequest = z.object({
  kind: ZZoneKind,
  dryRun: z.boolean(),
  /** Checked feature by feature on the server, so one bad feature is reported, not the whole file refused. */
  featureCollection: z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()).max(5_000) }),
});
export type TZoneImportRequest = z.infer<typeof ZZoneImportRequest>;

export const ZZoneImportResult = z.object({
  dryRun: z.boolean(),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  /** One line per refused feature: its position in the file (from 1), the field, why. Nothing is stored if any. */
  errors: z.array(z.object({ feature: z.number().int().positive(), field: z.string(), message: z.string() })),
});
export type TZoneImportResult = z.infer<typeof ZZoneImportResult>;
