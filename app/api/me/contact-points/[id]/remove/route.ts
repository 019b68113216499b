import { ROLES } from "@/lib/contracts/auth";
import { ZContactPoint } from "@/lib/contracts/notifications";
import { defineRoute } from "@/server/http/define-route";
import { removeContactPoint } from "@/server/notifications/manage-contact-points";
import { contactPointDeps } from "@/server/notifications/route-deps";

export const dynamic = "force-dynamic";

/** Removes one of the caller's own contact points, audited (→ it as it was, ZContactPoint; another's is 404). */
export const POST = defineRoute({ roles: ROLES, response: ZContactPoint }, async ({ runtime, user, ip, params }) => {
  const deps = contactPointDeps(runtime, user, ip);
  if (deps instanceof Response) return deps;
  return removeContactPoint(deps, params.id);
});
