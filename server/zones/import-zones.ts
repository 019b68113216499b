import type { TZoneImportRequest, TZoneImportResult } from "@/lib/contracts/zones";
import { recordAudit } from "@/server/audit/record-audit";
import { inTransaction, type TTx } from "@/server/db/transaction";
import { conflict } from "@/server/errors";
import { readImportFeatures, type TImportedZone } from "./read-import-features";
import { asZoneConflict, type TZoneChangeDeps, writeZoneRevision } from "./zone-change";
import { geometryJson, isSameGeometry } from "./zone-rows";

type TPlan = { create: TImportedZone[]; update: (TImportedZone & { id: string; version: number })[]; unchanged: string[] };

/**
 * Imports a GeoJSON FeatureCollection: a feature whose name and kind match a zone in use replaces its area,
 * the others are created. All or nothing: any bad feature → its errors and nothing stored; a dry run only
 * says what would change. One audit row for the import, one revision per zone written.
 */
export async function importZones(deps: TZoneChangeDeps, request: TZoneImportRequest): Promise<TZoneImportResult> {
  const { zones, errors } = readImportFeatures(request.featureCollection.features, request.kind);
  const result = (plan: TPlan): TZoneImportResult => ({
    dryRun: request.dryRun,
    created: plan.create.map((z) => z.name),
    updated: plan.update.map((z) => z.name),
    unchanged: plan.unchanged,
    errors,
  });
  if (errors.length > 0) return result({ create: [], update: [], unchanged: [] });
  if (request.dryRun) return result(await planImport(deps.prisma, zones));

  const plan = await asZoneConflict(() =>
    inTransaction(deps.prisma, async (tx) => {
      const planned = await planImport(tx, zones);
      for (const zone of planned.create) {
        const row = await tx.zone.create({
          data: { ...zone, geometry: geometryJson(zone.geometry), version: 1, updatedById: deps.actor.id },
        });
        await writeZoneRevision(tx, deps.actor.id, { zoneId: row.id, version: 1, change: "created", ...zone });
      }
      for (const { id, version, ...zone } of planned.update) {
        const written = await tx.zone.updateMany({
          where: { id, version, removedAt: null },
          data: { geometry: geometryJson(zone.geometry), version: version + 1, updatedById: deps.actor.id, updatedAt: new Date() },
        });
        if (written.count === 0) throw conflict("Zones were changed while importing; try again");
        await writeZoneRevision(tx, deps.actor.id, { zoneId: id, version: version + 1, change: "updated", ...zone });
      }
      await recordAudit(tx, {
        actor: deps.actor,
        action: "zone.imported",
        entityType: "zone",
        ip: deps.ip,
        after: { kind: request.kind, created: planned.create.map((z) => z.name), updated: planned.update.map((z) => z.name) },
      });
      return planned;
    }),
  );
  if (plan.create.length + plan.update.length > 0) await deps.onChanged();
  return result(plan);
}

async function planImport(db: Pick<TTx, "zone">, zones: TImportedZone[]): Promise<TPlan> {
  const live = await db.zone.findMany({ where: { removedAt: null, kind: { in: [...new Set(zones.map((z) => z.kind))] } } });
  const byKey = new Map(live.map((row) => [`${row.kind}\u0000${row.name}`, row]));
  const plan: TPlan = { create: [], update: [], unchanged: [] };
  for (const zone of zones) {
    const row = byKey.get(`${zone.kind}\u0000${zone.name}`);
    if (!row) plan.create.push(zone);
    else if (isSameGeometry(zone.geometry, row.geometry as never)) plan.unchanged.push(zone.name);
    else plan.update.push({ ...zone, id: row.id, version: row.version });
  }
  return plan;
}
