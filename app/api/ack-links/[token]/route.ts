import { ZAckLinkOutcome } from "@/lib/contracts/on-call";
import { defineRoute } from "@/server/http/define-route";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";
import { openAckLink } from "@/server/on-call/open-ack-link";

export const dynamic = "force-dynamic";

/**
 * Opens a one-tap acknowledge link as the signed-in user (ZAckLinkOutcome): 404 unknown, 403 sent to someone else;
 * used or expired links answer 200 saying so. A POST (the /ack page sends it), so a mail scanner's GET does nothing.
 */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, response: ZAckLinkOutcome }, async (input) =>
  openAckLink(actionDeps(input), input.params.token),
);
