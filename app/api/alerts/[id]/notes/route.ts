import { ZAddNoteRequest } from "@/lib/contracts/incidents";
import { defineRoute } from "@/server/http/define-route";
import { json } from "@/server/http/responses";
import { addAlertNote } from "@/server/incidents/add-alert-note";
import { actionDeps, OPERATIONS_ROLES } from "@/server/incidents/route-deps";

export const dynamic = "force-dynamic";

/** Adds a note (ZAddNoteRequest → 201 ZAlert with its notes). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZAddNoteRequest }, async (input) =>
  json(await addAlertNote(actionDeps(input), input.params.id, input.body), 201),
);
