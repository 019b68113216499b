import type { TAlert } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import type { TActionDeps } from "./action-deps";
import { findAlertRow } from "./change-alert";
import { toAlert } from "./alert-view";
import { inTransaction } from "./transaction";

/** Appends a note. Notes never conflict with each other, so no version is needed. */
export async function addAlertNote(deps: TActionDeps, alertId: string, request: { text: string }): Promise<TAlert> {
  const after = await inTransaction(deps.prisma, async (tx) => {
    await findAlertRow(tx, alertId);
    const note = await tx.alertNote.create({ data: { alertId, authorId: deps.actor.id, text: request.text } });
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "alert.note_added",
      entityType: "alert",
      entityId: alertId,
      after: { noteId: note.id, text: request.text },
    });
    return toAlert(await findAlertRow(tx, alertId));
  });
  deps.publish.alert(after);
  return after;
}
