import { z } from "zod";
import { defineRoute } from "@/server/http/define-route";
import { removePolicy } from "@/server/on-call/manage-policies";
import { ON_CALL_ROLES, onCallDeps } from "@/server/on-call/route-deps";

export const dynamic = "force-dynamic";

/** Removes an escalation policy (audited); chains already running finish with the steps they copied. */
export const POST = defineRoute({ roles: ON_CALL_ROLES, response: z.object({ removed: z.literal(true) }) }, async (input) => {
  await removePolicy(onCallDeps(input), input.params.id);
  return { removed: true as const };
});
