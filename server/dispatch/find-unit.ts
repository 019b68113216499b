import type { TDispatch, TResponderUnit } from "@/lib/contracts/units";
import { notFound } from "@/server/errors";
import type { TTx } from "@/server/db/transaction";
import { DISPATCH_INCLUDE, toDispatch } from "./dispatch-view";
import { toResponderUnit, UNIT_INCLUDE } from "./unit-view";

export async function findUnit(db: TTx, unitId: string): Promise<TResponderUnit> {
  const row = await db.unit.findUnique({ where: { id: unitId }, include: UNIT_INCLUDE });
  if (!row) throw notFound(`No such unit: ${unitId}`);
  return toResponderUnit(row);
}

/** Several units, one query at a time (an interactive transaction has a single connection). */
export async function findUnits(db: TTx, unitIds: readonly string[]): Promise<TResponderUnit[]> {
  const units: TResponderUnit[] = [];
  for (const id of unitIds) units.push(await findUnit(db, id));
  return units;
}

/** The unit's current assignment (at most one: the dispatches_one_active_per_unit index), or null. */
export async function findActiveDispatch(db: TTx, unitId: string): Promise<TDispatch | null> {
  const row = await db.dispatch.findFirst({ where: { unitId, state: "active" }, include: DISPATCH_INCLUDE });
  return row ? toDispatch(row) : null;
}
