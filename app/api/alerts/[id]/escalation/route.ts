import { ZAlertEscalation } from "@/lib/contracts/on-call";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";
import { listAlertEscalation } from "@/server/on-call/list-alert-escalation";

export const dynamic = "force-dynamic";

/** The alert's escalation chain, step by step (ZAlertEscalation): the drawer's "Escalation". */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZAlertEscalation }, async ({ runtime, params }) =>
  listAlertEscalation(runtime.database.prisma, params.id),
);
