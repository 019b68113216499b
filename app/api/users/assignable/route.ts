import { ZAssignableUsers } from "@/lib/contracts/auth";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";
import { listAssignableUsers } from "@/server/users/list-assignable-users";

export const dynamic = "force-dynamic";

/** Who an alert can be assigned to (ZAssignableUsers): the alert drawer's colleague picker. */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZAssignableUsers }, async ({ runtime }) => ({
  users: await listAssignableUsers(runtime.database.prisma),
}));
