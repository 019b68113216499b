import { ZAdminUser, ZUpdateUserRequest } from "@/lib/contracts/auth";
import { actorOf, cookieHeaders } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";
import { updateUser } from "@/server/users/update-user";

export const dynamic = "force-dynamic";

/** Role change and/or disable-enable (ZUpdateUserRequest → ZAdminUser). */
export const PATCH = defineRoute(
  { roles: ["admin"], body: ZUpdateUserRequest, response: ZAdminUser },
  async ({ runtime, user, ip, body, params, request }) => {
    const deps = {
      auth: runtime.auth,
      prisma: runtime.database.prisma,
      actor: actorOf(user),
      ip,
      actorHeaders: cookieHeaders(request),
      disconnectUser: runtime.city.hub.disconnectUser,
    };
    return updateUser(deps, params.id, body);
  },
);
