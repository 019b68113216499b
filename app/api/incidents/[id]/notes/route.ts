import { ZAddNoteRequest } from "@/lib/contracts/requests";
import { defineRoute } from "@/server/http/define-route";
import { json } from "@/server/http/responses";
import { addIncidentNote } from "@/server/incidents/add-incident-note";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** A note on the incident's timeline (ZAddNoteRequest → 201 ZIncidentDetail). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZAddNoteRequest }, async (input) =>
  json(await addIncidentNote(actionDeps(input), input.params.id, input.body), 201),
);
