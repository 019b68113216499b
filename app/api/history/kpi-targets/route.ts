import { ZKpiTargets } from "@/lib/contracts/history";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";
import { loadKpiTargets, updateKpiTargets } from "@/server/history/kpi-targets";

export const dynamic = "force-dynamic";

/** The response-time targets (ZKpiTargets; null: none set). Supervisors only. */
export const GET = defineRoute({ roles: ["supervisor"], response: ZKpiTargets }, async ({ runtime }) =>
  loadKpiTargets(runtime.database.prisma),
);

/** Sets targets in seconds (null removes one, a metric left out is kept); audited as kpi.targets_updated. */
export const PUT = defineRoute({ roles: ["supervisor"], body: ZKpiTargets, response: ZKpiTargets }, async ({ runtime, user, ip, body }) =>
  updateKpiTargets({ prisma: runtime.database.prisma, actor: actorOf(user), ip }, body),
);
