import { ZPendingHandover } from "@/lib/contracts/history";
import { findPendingHandover } from "@/server/handover/find-pending-handover";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** The handover the caller still has to confirm, or null (ZPendingHandover). */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZPendingHandover }, async ({ runtime, user }) => ({
  handover: await findPendingHandover(runtime.database.prisma, { userId: user.id, now: new Date() }),
}));
