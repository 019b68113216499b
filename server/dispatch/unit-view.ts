import type { TResponderUnit } from "@/lib/contracts/units";
import type { Prisma } from "@/server/db/generated/client";

export const UNIT_INCLUDE = {
  crew: { select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.UnitInclude;

type TUnitRow = Prisma.UnitGetPayload<{ include: typeof UNIT_INCLUDE }>;

export function toResponderUnit(row: TUnitRow): TResponderUnit {
  return {
    id: row.id,
    callSign: row.callSign,
    type: row.type as TResponderUnit["type"],
    stationId: row.stationId,
    capabilities: row.capabilities as TResponderUnit["capabilities"],
    crew: row.crew,
    status: row.status as TResponderUnit["status"],
    statusSince: row.statusSince.toISOString(),
    lastContactAt: row.lastContactAt.toISOString(),
    incidentId: row.incidentId,
    needsBackup: row.needsBackup,
    outOfServiceReason: row.outOfServiceReason,
    version: row.version,
  };
}

/** What the audit log keeps of a unit (no timestamps: they change on every contact). */
export function unitAuditView(unit: TResponderUnit) {
  const { callSign, type, stationId, capabilities, status, incidentId, needsBackup, outOfServiceReason, version } = unit;
  return {
    callSign,
    type,
    stationId,
    capabilities,
    crew: unit.crew.map((c) => c.id),
    status,
    incidentId,
    needsBackup,
    outOfServiceReason,
    version,
  };
}
