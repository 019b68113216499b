import type { TRemoveZoneRequest, TZone } from "@/lib/contracts/zones";
import { recordAudit } from "@/server/audit/record-audit";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { readLiveZone, STALE_ZONE, type TZoneChangeDeps, writeZoneRevision } from "./zone-change";

/**
 * Takes a zone out of use (version-checked, audited, revision "removed"). The row stays so its history
 * reads on; alerts and incidents keep the name they were given.
 */
export async function removeZone(deps: TZoneChangeDeps, id: string, request: TRemoveZoneRequest): Promise<TZone> {
  if (!isUuid(id)) throw notFound("No such zone");
  const removed = await inTransaction(deps.prisma, async (tx) => {
    const current = await readLiveZone(tx, id);
    if (current.version !== request.version) throw conflict(STALE_ZONE, current);
    const version = current.version + 1;
    const written = await tx.zone.updateMany({
      where: { id, version: current.version, removedAt: null },
      data: { version, removedAt: new Date(), updatedAt: new Date(), updatedById: deps.actor.id },
    });
    if (written.count === 0) throw conflict(STALE_ZONE, await readLiveZone(tx, id));
    const { name, kind, geometry } = current;
    await writeZoneRevision(tx, deps.actor.id, { zoneId: id, version, change: "removed", name, kind, geometry });
    await recordAudit(tx, {
      actor: deps.actor,
      action: "zone.removed",
      entityType: "zone",
      entityId: id,
      ip: deps.ip,
      before: { name, kind, geometry, version: current.version },
    });
    return { ...current, version };
  });
  await deps.onChanged();
  return removed;
}
