import type { TAlert } from "@/lib/contracts/alerts";
import type { TActionDeps } from "@/server/http/action-deps";
import { findAlertRow } from "./change-alert";
import { toAlert } from "./alert-view";
import { commitAlertAction } from "./commit-alert-action";

/** Appends a note. Notes never conflict with each other, so no version is needed. */
export async function addAlertNote(deps: TActionDeps, alertId: string, request: { text: string }): Promise<TAlert> {
  return commitAlertAction(deps, alertId, "alert.note_added", async (tx) => {
    await findAlertRow(tx, alertId);
    const note = await tx.alertNote.create({ data: { alertId, authorId: deps.actor.id, text: request.text } });
    return { alert: toAlert(await findAlertRow(tx, alertId)), auditAfter: { noteId: note.id, text: request.text } };
  });
}
