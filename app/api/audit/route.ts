import { ZAuditPage, ZAuditQuery } from "@/lib/contracts/auth";
import { listAudit } from "@/server/audit/list-audit";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** The audit log, newest first, filtered and keyset-paged (ZAuditQuery → ZAuditPage). */
export const GET = defineRoute({ roles: ["admin", "supervisor"], query: ZAuditQuery, response: ZAuditPage }, async ({ runtime, query }) =>
  listAudit(runtime.database.prisma, query),
);
