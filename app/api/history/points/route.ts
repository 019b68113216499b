import { ZPoints, ZPointsQuery } from "@/lib/contracts/history";
import { listHistoryPoints } from "@/server/history/list-history-points";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Positions for the heatmap/hexagon analysis (ZPointsQuery → ZPoints, at most POINTS_LIMIT). Supervisors only. */
export const GET = defineRoute({ roles: ["supervisor"], query: ZPointsQuery, response: ZPoints }, async ({ runtime, query }) =>
  listHistoryPoints(runtime.database.prisma, query),
);
