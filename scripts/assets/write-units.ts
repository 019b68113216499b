import { recordAudit } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { findUnit } from "@/server/dispatch/find-unit";
import { DEFAULT_CAPABILITIES } from "@/server/dispatch/unit-capabilities";
import { unitAuditView } from "@/server/dispatch/unit-view";
import type { TAssetPlan } from "./diff-assets";
import type { TStoredUnit } from "./plan-units";

/** Generous time for one unit's writes and audit row, on the slowest backend (PGlite on a busy machine). */
const UNIT_WRITE_MS = 200;

/** The units the database has, for matching rows against. */
export async function readStoredUnits(prisma: PrismaClient): Promise<TStoredUnit[]> {
  const rows = await prisma.unit.findMany({ select: { id: true, callSign: true, type: true, stationId: true, capabilities: true } });
  return rows.map((row) => ({
    ...row,
    type: row.type as TStoredUnit["type"],
    capabilities: row.capabilities as TStoredUnit["capabilities"],
  }));
}

/**
 * Creates and updates the plan's units in one transaction (all or nothing), each audited like an admin's
 * change but with no actor: a system action. An update keeps the stored unit's id (positions are keyed by it)
 * and its status, crew and assignment; it bumps the version so an admin's open edit form sees the change.
 */
export async function writeUnits(prisma: PrismaClient, plan: TAssetPlan<"units">): Promise<void> {
  const count = plan.added.length + plan.updated.length;
  // A whole fleet in one transaction (all or nothing) can outlast the app's 30 s request budget; give it time per unit.
  await prisma.$transaction(
    async (tx) => {
      for (const { asset } of plan.added) {
        await tx.unit.create({
          data: {
            id: asset.id,
            callSign: asset.callSign,
            type: asset.type,
            stationId: asset.stationId,
            capabilities: [...(asset.capabilities ?? DEFAULT_CAPABILITIES[asset.type])],
          },
        });
        const after = await findUnit(tx, asset.id);
        await recordAudit(tx, { actor: null, action: "unit.created", entityType: "unit", entityId: asset.id, after: unitAuditView(after) });
      }
      for (const { asset, before } of plan.updated) {
        const id = before?.id ?? asset.id;
        const previous = await findUnit(tx, id);
        await tx.unit.update({
          where: { id },
          data: {
            callSign: asset.callSign,
            type: asset.type,
            stationId: asset.stationId,
            ...(asset.capabilities ? { capabilities: asset.capabilities } : {}),
            version: { increment: 1 },
          },
        });
        const after = await findUnit(tx, id);
        await recordAudit(tx, {
          actor: null,
          action: "unit.updated",
          entityType: "unit",
          entityId: id,
          before: unitAuditView(previous),
          after: unitAuditView(after),
        });
      }
    },
    { maxWait: 30_000, timeout: 30_000 + count * UNIT_WRITE_MS },
  );
}
