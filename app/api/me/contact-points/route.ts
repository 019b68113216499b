import { ROLES } from "@/lib/contracts/auth";
import { ZContactPointList, ZCreateContactPointRequest, ZCreatedContactPoint } from "@/lib/contracts/notifications";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { addContactPoint, listContactPoints } from "@/server/notifications/manage-contact-points";
import { contactPointDeps } from "@/server/notifications/route-deps";

export const dynamic = "force-dynamic";

/** The caller's own contact points with their last delivery (ZContactPointList); everyone manages their own. */
export const GET = defineRoute({ roles: ROLES, response: ZContactPointList }, async ({ runtime, user, ip }) => {
  const deps = contactPointDeps(runtime, user, ip);
  if (deps instanceof Response) return deps;
  return { contactPoints: await listContactPoints(deps) };
});

/** Adds one (ZCreateContactPointRequest → 201 ZCreatedContactPoint, a webhook's secret this once), audited. */
export const POST = defineRoute(
  { roles: ROLES, body: ZCreateContactPointRequest, response: ZCreatedContactPoint },
  async ({ runtime, user, ip, body }) => {
    const deps = contactPointDeps(runtime, user, ip);
    if (deps instanceof Response) return deps;
    return withStatus(await addContactPoint(deps, body), 201);
  },
);
