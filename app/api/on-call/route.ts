import { ZOnCallOverview } from "@/lib/contracts/on-call";
import { CITY_TIME_ZONE } from "@/server/history/city-time-zone";
import { defineRoute } from "@/server/http/define-route";
import { readOnCall } from "@/server/on-call/read-on-call";
import { ON_CALL_ROLES } from "@/server/on-call/route-deps";

export const dynamic = "force-dynamic";

/** Rotas (who is on call now and next), escalation policies and the people they can name (ZOnCallOverview). */
export const GET = defineRoute({ roles: ON_CALL_ROLES, response: ZOnCallOverview }, async ({ runtime }) =>
  readOnCall({ prisma: runtime.database.prisma, timeZone: CITY_TIME_ZONE }),
);
