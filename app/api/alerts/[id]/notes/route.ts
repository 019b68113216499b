import { ZAddNoteRequest } from "@/lib/contracts/requests";
import { defineRoute } from "@/server/http/define-route";
import { json } from "@/server/http/responses";
import { addAlertNote } from "@/server/alerts/add-alert-note";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Adds a note (ZAddNoteRequest → 201 ZAlert with its notes). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZAddNoteRequest }, async (input) =>
  json(await addAlertNote(actionDeps(input), input.params.id, input.body), 201),
);
