import { ZAlertListQuery } from "@/lib/contracts/incidents";
import { defineRoute } from "@/server/http/define-route";
import { listAlerts } from "@/server/incidents/list-alerts";
import { OPERATIONS_ROLES } from "@/server/incidents/route-deps";

export const dynamic = "force-dynamic";

/** The alert queue (ZAlertListQuery → ZAlert[]): open + acknowledged by default, most severe then newest first. */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, query: ZAlertListQuery }, async ({ runtime, query }) =>
  listAlerts(runtime.database.prisma, query),
);
