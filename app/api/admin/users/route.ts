import { ZAdminUser, ZAdminUserList, ZCreateUserRequest } from "@/lib/contracts/auth";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { actorOf, cookieHeaders } from "@/server/http/actor";
import { createUser } from "@/server/users/create-user";
import { listUsers } from "@/server/users/list-users";

export const dynamic = "force-dynamic";

/** Every user (ZAdminUser[]). */
export const GET = defineRoute({ roles: ["admin"], response: ZAdminUserList }, async ({ runtime }) => listUsers(runtime.database.prisma));

/** Creates a user with an initial password and role (ZCreateUserRequest → 201 ZAdminUser). */
export const POST = defineRoute(
  { roles: ["admin"], body: ZCreateUserRequest, response: ZAdminUser },
  async ({ runtime, user, ip, body, request }) => {
    const deps = { auth: runtime.auth, prisma: runtime.database.prisma, actor: actorOf(user), ip, actorHeaders: cookieHeaders(request) };
    return withStatus(await createUser(deps, body), 201);
  },
);
