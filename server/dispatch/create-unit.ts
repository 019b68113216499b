import type { TCreateUnitRequest, TResponderUnit } from "@/lib/contracts/units";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict, invalid } from "@/server/errors";
import { inTransaction } from "@/server/db/transaction";
import { assignCrew } from "./assign-crew";
import { findUnit, findUnits } from "./find-unit";
import { publishCrewChange } from "./publish-crew-change";
import type { TUnitAdminDeps } from "./unit-admin-deps";
import { unitAuditView } from "./unit-view";
import { isUniqueViolation } from "./unique-violation";

/** A new unit (available at its home station), with its crew; audited as unit.created. */
export async function createUnit(deps: TUnitAdminDeps, request: TCreateUnitRequest): Promise<TResponderUnit> {
  if (!deps.stationIds.has(request.stationId))
    throw invalid("Unknown station", { stationId: [`no station ${request.stationId} in this city`] });
  const taken = `A unit with the id ${request.id} or the call sign ${request.callSign} already exists`;
  const result = await inTransaction(deps.prisma, async (tx) => {
    const existing = await tx.unit.findFirst({ where: { OR: [{ id: request.id }, { callSign: request.callSign }] }, select: { id: true } });
    if (existing) throw conflict(taken, await findUnit(tx, existing.id));
    await tx.unit.create({
      data: {
        id: request.id,
        callSign: request.callSign,
        type: request.type,
        stationId: request.stationId,
        capabilities: [...new Set(request.capabilities)],
      },
    });
    const crew = await assignCrew(tx, request.id, request.crewUserIds);
    const unit = await findUnit(tx, request.id);
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "unit.created",
      entityType: "unit",
      entityId: unit.id,
      after: unitAuditView(unit),
    });
    return { unit, crew, left: await findUnits(tx, crew.leftUnits) };
  }).catch((error: unknown) => {
    // Two admins creating the same unit at once: the loser's insert hits the primary key or the call sign index.
    throw isUniqueViolation(error) ? conflict(taken) : error;
  });
  publishCrewChange(deps, result);
  return result.unit;
}
