import type { TResponderUnit, TUpdateUnitRequest } from "@/lib/contracts/units";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict, invalid } from "@/server/errors";
import { inTransaction } from "@/server/db/transaction";
import { assignCrew, type TCrewChange } from "./assign-crew";
import { findUnit, findUnits } from "./find-unit";
import { publishCrewChange } from "./publish-crew-change";
import type { TUnitAdminDeps } from "./unit-admin-deps";
import { unitAuditView } from "./unit-view";
import { isUniqueViolation } from "./unique-violation";

const STALE = "This unit was changed by someone else; reload it and try again";

/** Call sign, home station, capabilities and crew; version-checked (409 with the current unit), audited as unit.updated. */
export async function updateUnit(deps: TUnitAdminDeps, unitId: string, request: TUpdateUnitRequest): Promise<TResponderUnit> {
  if (request.stationId !== undefined && !deps.stationIds.has(request.stationId)) {
    throw invalid("Unknown station", { stationId: [`no station ${request.stationId} in this city`] });
  }
  const result = await inTransaction(deps.prisma, async (tx) => {
    const before = await findUnit(tx, unitId);
    if (before.version !== request.version) throw conflict(STALE, before);
    const { count } = await tx.unit.updateMany({
      where: { id: unitId, version: request.version },
      data: {
        ...(request.callSign !== undefined ? { callSign: request.callSign } : {}),
        ...(request.stationId !== undefined ? { stationId: request.stationId } : {}),
        ...(request.capabilities !== undefined ? { capabilities: [...new Set(request.capabilities)] } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict(STALE, await findUnit(tx, unitId));
    const crew: TCrewChange = request.crewUserIds
      ? await assignCrew(tx, unitId, request.crewUserIds)
      : { added: [], removed: [], leftUnits: [] };
    const unit = await findUnit(tx, unitId);
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "unit.updated",
      entityType: "unit",
      entityId: unitId,
      before: unitAuditView(before),
      after: unitAuditView(unit),
    });
    return { unit, crew, left: await findUnits(tx, crew.leftUnits) };
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? conflict(`Another unit already has the call sign ${request.callSign}`) : error;
  });
  publishCrewChange(deps, result);
  return result.unit;
}
