import { ZCreateRotaRequest, ZRota } from "@/lib/contracts/on-call";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { createRota } from "@/server/on-call/manage-rotas";
import { ON_CALL_ROLES, onCallDeps } from "@/server/on-call/route-deps";

export const dynamic = "force-dynamic";

/** Creates a rota (ZCreateRotaRequest → 201 ZRota), audited; its start is a wall-clock time in the city's time zone. */
export const POST = defineRoute({ roles: ON_CALL_ROLES, body: ZCreateRotaRequest, response: ZRota }, async (input) =>
  withStatus(await createRota(onCallDeps(input), input.body), 201),
);
