import type { THandover } from "@/lib/contracts/history";
import { recordAudit } from "@/server/audit/record-audit";
import { forbidden, notFound } from "@/server/errors";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { nowOf, type THandoverDeps } from "./handover-deps";
import { HANDOVER_INCLUDE, toHandover } from "./handover-view";

/**
 * "I have read this": recorded once per reader. Confirming again (a double click, a retry after a lost
 * answer) changes nothing and writes no second audit row; the insert decides, so two racing requests
 * cannot both count.
 */
export async function confirmHandover(deps: THandoverDeps, handoverId: string): Promise<THandover> {
  return inTransaction(deps.prisma, async (tx) => {
    const handover = isUuid(handoverId)
      ? await tx.shiftHandover.findUnique({ where: { id: handoverId }, select: { authorId: true } })
      : null;
    if (!handover) throw notFound("No such handover");
    if (handover.authorId === deps.actor.id) throw forbidden("You wrote this handover; it is for the next shift to confirm");
    const { count } = await tx.handoverRead.createMany({
      data: [{ handoverId, userId: deps.actor.id, readAt: nowOf(deps) }],
      skipDuplicates: true,
    });
    if (count === 1) {
      await recordAudit(tx, { actor: deps.actor, ip: deps.ip, action: "handover.read", entityType: "handover", entityId: handoverId });
    }
    return toHandover(await tx.shiftHandover.findUniqueOrThrow({ where: { id: handoverId }, include: HANDOVER_INCLUDE }));
  });
}
