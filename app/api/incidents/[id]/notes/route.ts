import { ZIncidentDetail } from "@/lib/contracts/incidents";
import { ZAddNoteRequest } from "@/lib/contracts/requests";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { addIncidentNote } from "@/server/incidents/add-incident-note";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** A note on the incident's timeline (ZAddNoteRequest → 201 ZIncidentDetail). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZAddNoteRequest, response: ZIncidentDetail }, async (input) =>
  withStatus(await addIncidentNote(actionDeps(input), input.params.id, input.body), 201),
);
