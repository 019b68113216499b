import { ZRecommendation } from "@/lib/contracts/units";
import { getRecommendation } from "@/server/dispatch/get-recommendation";
import { dispatchRuntimeOf } from "@/server/dispatch/route-deps";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Units to send (ZRecommendation): the run card's types, available ones only, fastest first at live speeds. */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZRecommendation }, async ({ runtime, params }) => {
  const { planner, positions } = dispatchRuntimeOf(runtime);
  return getRecommendation({ prisma: runtime.database.prisma, planner, positions, domains: runtime.city.domains }, params.id);
});
