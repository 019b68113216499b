import type { TFieldAssignment } from "@/lib/contracts/units";
import type { PrismaClient } from "@/server/db/generated/client";
import { getIncidentDetail } from "@/server/incidents/find-incident";
import { findActiveDispatch, findUnit } from "./find-unit";

/** What a crew member sees on /field: their unit, its current assignment and the notes on that incident. */
export async function getFieldAssignment(prisma: PrismaClient, userId: string): Promise<TFieldAssignment> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { unitId: true } });
  if (!user?.unitId) return { unit: null, assignment: null };
  const unit = await findUnit(prisma, user.unitId);
  const dispatch = await findActiveDispatch(prisma, unit.id);
  if (!dispatch) return { unit, assignment: null };
  const { timeline, alerts: _alerts, ...incident } = await getIncidentDetail(prisma, dispatch.incidentId);
  const notes = timeline
    .filter((e) => e.kind === "note" && typeof e.data.text === "string")
    .map((e) => ({ at: e.at, author: e.actor, text: e.data.text as string }));
  return { unit, assignment: { incident, dispatch, notes } };
}
