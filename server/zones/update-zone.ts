import type { TUpdateZoneRequest, TZone } from "@/lib/contracts/zones";
import { recordAudit } from "@/server/audit/record-audit";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { asZoneConflict, readLiveZone, STALE_ZONE, type TZoneChangeDeps, writeZoneRevision } from "./zone-change";
import { geometryJson, isSameGeometry } from "./zone-rows";

/**
 * Renames, re-kinds or redraws a zone in use: version-checked (a stale form gets 409 with the zone as it
 * is now), audited with a revision in the same transaction. Nothing different → nothing written.
 */
export async function updateZone(deps: TZoneChangeDeps, id: string, request: TUpdateZoneRequest): Promise<TZone> {
  if (!isUuid(id)) throw notFound("No such zone");
  const isChanged = await asZoneConflict(() =>
    inTransaction(deps.prisma, async (tx) => {
      const current = await readLiveZone(tx, id);
      if (current.version !== request.version) throw conflict(STALE_ZONE, current);
      const next = {
        name: request.name ?? current.name,
        kind: request.kind ?? current.kind,
        geometry: request.geometry ?? current.geometry,
      };
      if (next.name === current.name && next.kind === current.kind && isSameGeometry(next.geometry, current.geometry)) return false;
      const version = current.version + 1;
      const written = await tx.zone.updateMany({
        where: { id, version: current.version, removedAt: null },
        data: { ...next, geometry: geometryJson(next.geometry), version, updatedById: deps.actor.id, updatedAt: new Date() },
      });
      if (written.count === 0) throw conflict(STALE_ZONE, await readLiveZone(tx, id));
      await writeZoneRevision(tx, deps.actor.id, { zoneId: id, version, change: "updated", ...next });
      await recordAudit(tx, {
        actor: deps.actor,
        action: "zone.updated",
        entityType: "zone",
        entityId: id,
        ip: deps.ip,
        before: { name: current.name, kind: current.kind, geometry: current.geometry, version: current.version },
        after: { ...next, version },
      });
      return true;
    }),
  );
  if (isChanged) await deps.onChanged();
  return readLiveZone(deps.prisma, id);
}
