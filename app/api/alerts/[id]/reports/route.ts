import { ZCitizenReportList } from "@/lib/contracts/citizen-reports";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";
import { listAlertReports } from "@/server/open311/list-alert-reports";

export const dynamic = "force-dynamic";

/** The citizens' reports (Open311) behind an alert; empty for alerts the rules raised. */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZCitizenReportList }, async ({ runtime, params }) =>
  listAlertReports(runtime.database.prisma, runtime.city.domains.citizenServices, params.id),
);
