import { ZAlertHistoryPage, ZAlertHistoryQuery } from "@/lib/contracts/history";
import { listAlertHistory } from "@/server/history/list-alert-history";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Alert history (ZAlertHistoryQuery → ZAlertHistoryPage): filtered, sorted, keyset-paged. Supervisors only. */
export const GET = defineRoute(
  { roles: ["supervisor"], query: ZAlertHistoryQuery, response: ZAlertHistoryPage },
  async ({ runtime, query }) => listAlertHistory(runtime.database.prisma, query),
);
