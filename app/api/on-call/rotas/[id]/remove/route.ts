import { z } from "zod";
import { defineRoute } from "@/server/http/define-route";
import { removeRota } from "@/server/on-call/manage-rotas";
import { ON_CALL_ROLES, onCallDeps } from "@/server/on-call/route-deps";

export const dynamic = "force-dynamic";

/** Removes a rota (audited); 409 while a policy's step names it. */
export const POST = defineRoute({ roles: ON_CALL_ROLES, response: z.object({ removed: z.literal(true) }) }, async (input) => {
  await removeRota(onCallDeps(input), input.params.id);
  return { removed: true as const };
});
