import type { TCreateZoneRequest, TZone } from "@/lib/contracts/zones";
import { recordAudit } from "@/server/audit/record-audit";
import { inTransaction } from "@/server/db/transaction";
import { asZoneConflict, readLiveZone, type TZoneChangeDeps, writeZoneRevision } from "./zone-change";
import { geometryJson } from "./zone-rows";

/** Adds a zone (audited, revision 1); 409 when its kind already has a zone of that name. */
export async function createZone(deps: TZoneChangeDeps, request: TCreateZoneRequest): Promise<TZone> {
  const id = await asZoneConflict(() =>
    inTransaction(deps.prisma, async (tx) => {
      const zone = await tx.zone.create({
        data: { name: request.name, kind: request.kind, geometry: geometryJson(request.geometry), version: 1, updatedById: deps.actor.id },
      });
      await writeZoneRevision(tx, deps.actor.id, { zoneId: zone.id, version: 1, change: "created", ...request });
      await recordAudit(tx, {
        actor: deps.actor,
        action: "zone.created",
        entityType: "zone",
        entityId: zone.id,
        ip: deps.ip,
        after: { ...request, version: 1 },
      });
      return zone.id;
    }),
  );
  await deps.onChanged();
  return readLiveZone(deps.prisma, id);
}
