import type { TZone, TZoneGeometry, TZoneRevision } from "@/lib/contracts/zones";
import type { TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TTx } from "@/server/db/transaction";
import { isUniqueViolation } from "@/server/dispatch/unique-violation";
import { conflict, notFound } from "@/server/errors";
import { geometryJson, toZone, ZONE_INCLUDE } from "./zone-rows";

export type TZoneChangeDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  /** After the change committed: rebuild the zone index here and on every other instance, tell browsers. */
  onChanged: () => Promise<void>;
};

export const STALE_ZONE = "This zone was changed by someone else; reload it and try again";
export const DUPLICATE_ZONE = "Another zone of this kind already has this name";

type TRevisionInput = {
  zoneId: string;
  version: number;
  change: TZoneRevision["change"];
  name: string;
  kind: string;
  geometry: TZoneGeometry;
};

/** Every change of a zone leaves its new state behind, in the change's transaction. */
export async function writeZoneRevision(tx: TTx, changedById: string | null, revision: TRevisionInput): Promise<void> {
  await tx.zoneRevision.create({ data: { ...revision, geometry: geometryJson(revision.geometry), changedById } });
}

/** The zone in use with this id, read after the commit (404 when unknown or removed). */
export async function readLiveZone(prisma: PrismaClient | TTx, id: string): Promise<TZone> {
  const row = await prisma.zone.findFirst({ where: { id, removedAt: null }, include: ZONE_INCLUDE });
  if (!row) throw notFound("No such zone");
  return toZone(row);
}

/** A duplicate (kind, name) among zones in use is the partial unique index's verdict: 409, not 500. */
export async function asZoneConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(DUPLICATE_ZONE);
    throw error;
  }
}
