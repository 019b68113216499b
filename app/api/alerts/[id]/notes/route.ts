import { ZAlert } from "@/lib/contracts/alerts";
import { ZAddNoteRequest } from "@/lib/contracts/requests";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { addAlertNote } from "@/server/alerts/add-alert-note";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Adds a note (ZAddNoteRequest → 201 ZAlert with its notes). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZAddNoteRequest, response: ZAlert }, async (input) =>
  withStatus(await addAlertNote(actionDeps(input), input.params.id, input.body), 201),
);
