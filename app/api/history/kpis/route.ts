import { ZKpiQuery, ZKpiReport } from "@/lib/contracts/history";
import { defineRoute } from "@/server/http/define-route";
import { CITY_TIME_ZONE } from "@/server/history/city-time-zone";
import { computeKpiReport } from "@/server/history/kpis";

export const dynamic = "force-dynamic";

/** Response-time figures for a range (ZKpiQuery → ZKpiReport); 400 when to ≤ from or the range exceeds three years. Supervisors only. */
export const GET = defineRoute({ roles: ["supervisor"], query: ZKpiQuery, response: ZKpiReport }, async ({ runtime, query }) =>
  computeKpiReport(runtime.database.prisma, query, { timeZone: CITY_TIME_ZONE }),
);
