import { ZAlertList, ZAlertListQuery } from "@/lib/contracts/alerts";
import { defineRoute } from "@/server/http/define-route";
import { listAlerts } from "@/server/alerts/list-alerts";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** The alert queue (ZAlertListQuery → ZAlert[]): open + acknowledged by default, most severe then newest first. */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, query: ZAlertListQuery, response: ZAlertList }, async ({ runtime, query }) =>
  listAlerts(runtime.database.prisma, query),
);
