import { ZIncidentHistoryPage, ZIncidentHistoryQuery } from "@/lib/contracts/history";
import { listIncidentHistory } from "@/server/history/list-incident-history";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Incident history (ZIncidentHistoryQuery → ZIncidentHistoryPage): filtered, sorted, keyset-paged. Supervisors only. */
export const GET = defineRoute(
  { roles: ["supervisor"], query: ZIncidentHistoryQuery, response: ZIncidentHistoryPage },
  async ({ runtime, query }) => listIncidentHistory(runtime.database.prisma, query),
);
