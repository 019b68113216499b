import type { TCreateRotaRequest, TRota } from "@/lib/contracts/on-call";
import { ASSIGNABLE_ROLES } from "@/lib/contracts/auth";
import { recordAudit } from "@/server/audit/record-audit";
import { Prisma } from "@/server/db/generated/client";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { conflict, invalid, notFound } from "@/server/errors";
import { nowOf } from "@/server/http/action-deps";
import type { TOnCallDeps } from "./on-call-deps";
import { toRota } from "./read-on-call";
import { wallTimeToInstant } from "./wall-time";

/** Creates a rota (audited). Members must be operators or supervisors who can sign in. */
export async function createRota(deps: TOnCallDeps, request: TCreateRotaRequest): Promise<TRota> {
  const now = nowOf(deps);
  const people = await deps.prisma.user.findMany({
    where: { id: { in: request.memberIds }, role: { in: [...ASSIGNABLE_ROLES] }, OR: [{ banned: false }, { banned: null }] },
    select: { id: true, name: true },
  });
  if (people.length !== request.memberIds.length) {
    throw invalid("Someone on this rota cannot be on call", { memberIds: ["only operators and supervisors who can sign in"] });
  }
  const anchorAt = wallTimeToInstant(request.startsAt, deps.timeZone);
  try {
    return await inTransaction(deps.prisma, async (tx) => {
      const row = await tx.onCallRota.create({
        data: {
          name: request.name,
          memberIds: request.memberIds,
          shiftMinutes: request.shiftMinutes,
          anchorAt,
          timeZone: deps.timeZone,
          createdById: deps.actor.id,
          createdByName: deps.actorName,
          createdAt: now,
        },
      });
      await recordAudit(tx, {
        actor: deps.actor,
        action: "on_call_rota.created",
        entityType: "on_call_rota",
        entityId: row.id,
        ip: deps.ip,
        after: {
          name: row.name,
          members: people.map((p) => p.name),
          shiftMinutes: row.shiftMinutes,
          startsAt: request.startsAt,
          timeZone: deps.timeZone,
        },
      });
      return toRota(row, new Map(people.map((p) => [p.id, p])), now);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw invalid("A rota of that name exists", { name: ["choose another name"] });
    }
    throw error;
  }
}

/** Removes a rota (audited) unless a policy's step still names it: that policy would page nobody. */
export async function removeRota(deps: Omit<TOnCallDeps, "timeZone">, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound("No such rota");
  await inTransaction(deps.prisma, async (tx) => {
    const row = await tx.onCallRota.findUnique({ where: { id } });
    if (!row) throw notFound("No such rota");
    const users = (await tx.escalationPolicy.findMany({ select: { name: true, steps: true } })).filter((p) =>
      JSON.stringify(p.steps).includes(`"rotaId":"${id}"`),
    );
    if (users.length > 0) throw conflict(`Escalation policies use this rota: ${users.map((p) => p.name).join(", ")}. Remove them first.`);
    await tx.onCallRota.delete({ where: { id } });
    await recordAudit(tx, {
      actor: deps.actor,
      action: "on_call_rota.removed",
      entityType: "on_call_rota",
      entityId: id,
      ip: deps.ip,
      before: { name: row.name, memberIds: row.memberIds, shiftMinutes: row.shiftMinutes },
    });
  });
}
