import type { THandover, THandoverSummary } from "@/lib/contracts/history";
import { recordAudit } from "@/server/audit/record-audit";
import type { Prisma } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { nowOf, type THandoverDeps } from "./handover-deps";
import { HANDOVER_INCLUDE, toHandover } from "./handover-view";

/** An end-of-shift note with the summary it was written against (as the author saw and checked it). */
export async function writeHandover(deps: THandoverDeps, request: { note: string; summary: THandoverSummary }): Promise<THandover> {
  return inTransaction(deps.prisma, async (tx) => {
    const row = await tx.shiftHandover.create({
      data: {
        authorId: deps.actor.id,
        createdAt: nowOf(deps),
        note: request.note,
        summary: JSON.parse(JSON.stringify(request.summary)) as Prisma.InputJsonValue,
      },
      include: HANDOVER_INCLUDE,
    });
    const { summary } = request;
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "handover.written",
      entityType: "handover",
      entityId: row.id,
      after: {
        shiftFrom: summary.shiftFrom,
        shiftTo: summary.shiftTo,
        openIncidents: summary.openIncidents.length,
        unacknowledgedAlerts: summary.unacknowledgedAlerts.length,
        unitsOutOfService: summary.unitsOutOfService.length,
        changes: summary.changes,
        note: request.note,
      },
    });
    return toHandover(row);
  });
}
