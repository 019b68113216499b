import { invalid } from "@/server/errors";
import type { TTx } from "@/server/db/transaction";

export type TCrewChange = { added: string[]; removed: string[] /** Units the added members left. */; leftUnits: string[] };

/**
 * Makes exactly `userIds` the unit's crew. Only field users crew units (they see its assignment on
 * /field); anyone else is refused with 400. A field user crews one unit: joining this one leaves the last.
 */
export async function assignCrew(tx: TTx, unitId: string, userIds: readonly string[]): Promise<TCrewChange> {
  const wanted = [...new Set(userIds)];
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, role: true, unitId: true } });
  const problems = wanted.flatMap((id) => {
    const user = users.find((u) => u.id === id);
    if (!user) return [`no such user: ${id}`];
    return user.role === "field" ? [] : [`${user.name} is not a field user`];
  });
  if (problems.length > 0) throw invalid("Only field users can crew a unit", { crewUserIds: problems });

  const current = await tx.user.findMany({ where: { unitId }, select: { id: true } });
  const removed = current.map((u) => u.id).filter((id) => !wanted.includes(id));
  const added = users.filter((u) => u.unitId !== unitId);
  if (removed.length > 0) await tx.user.updateMany({ where: { id: { in: removed } }, data: { unitId: null } });
  if (added.length > 0) await tx.user.updateMany({ where: { id: { in: added.map((u) => u.id) } }, data: { unitId } });
  const leftUnits = [...new Set(added.flatMap((u) => (u.unitId ? [u.unitId] : [])))];
  return { added: added.map((u) => u.id), removed, leftUnits };
}
