import { ZCreateHandoverRequest, ZHandover, ZHandoverList } from "@/lib/contracts/history";
import { handoverDeps } from "@/server/handover/handover-deps";
import { listHandovers, ZHandoverListQuery } from "@/server/handover/list-handovers";
import { writeHandover } from "@/server/handover/write-handover";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Recent shift handovers, newest first, with who read them (ZHandover[]). */
export const GET = defineRoute(
  { roles: OPERATIONS_ROLES, query: ZHandoverListQuery, response: ZHandoverList },
  async ({ runtime, query }) => listHandovers(runtime.database.prisma, query.limit),
);

/** An end-of-shift handover (ZCreateHandoverRequest → 201 ZHandover; audited "handover.written"). */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZCreateHandoverRequest, response: ZHandover }, async (input) =>
  withStatus(await writeHandover(handoverDeps(input), input.body), 201),
);
