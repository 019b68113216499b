import { ZRecommendation } from "@/lib/contracts/units";
import { getRecommendation } from "@/server/dispatch/get-recommendation";
import { dispatchRuntimeOf } from "@/server/dispatch/route-deps";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Units to send (ZRecommendation): the run card's types, available ones only, fastest first at live speeds, home units of the incident's fire area or beat suggested first. */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZRecommendation }, async ({ runtime, params }) => {
  const { planner, positions } = dispatchRuntimeOf(runtime);
  const { zones, entities, domains } = runtime.city;
  const areas = zones && { areaOf: zones.areaOf, stations: entities.stations };
  return getRecommendation({ prisma: runtime.database.prisma, planner, positions, domains, areas }, params.id);
});
