import { ZExportQuery } from "@/lib/contracts/history";
import { recordAudit } from "@/server/audit/record-audit";
import { exportIncidents } from "@/server/history/export-incidents";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** The filtered incident history as a streamed CSV or GeoJSON download (ZExportQuery). Supervisors only; audited. */
export const GET = defineRoute({ roles: ["supervisor"], query: ZExportQuery }, async ({ runtime, user, ip, query }) => {
  const { format, ...filter } = query;
  const prisma = runtime.database.prisma;
  await recordAudit(prisma, { actor: actorOf(user), ip, action: "history.exported", entityType: "incident", after: { format, filter } });
  return exportIncidents(prisma, filter, format);
});
