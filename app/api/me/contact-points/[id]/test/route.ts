import { ROLES } from "@/lib/contracts/auth";
import { ZTestDeliveryResult } from "@/lib/contracts/notifications";
import { defineRoute } from "@/server/http/define-route";
import { json } from "@/server/http/responses";
import { testContactPoint } from "@/server/notifications/manage-contact-points";
import { contactPointDeps } from "@/server/notifications/route-deps";

export const dynamic = "force-dynamic";

/** Sends a test message to one of the caller's own contact points now (→ ZTestDeliveryResult: whether it went out, why not). */
export const POST = defineRoute({ roles: ROLES, response: ZTestDeliveryResult }, async ({ runtime, user, ip, params }) => {
  const deps = contactPointDeps(runtime, user, ip);
  if (deps instanceof Response) return deps;
  const budget = await runtime.notifications!.testRateLimit.consume(user.id);
  if (!budget.allowed) {
    return json({ error: "Too many test messages: wait a minute and try again" }, 429, { "Retry-After": String(budget.retryAfterSeconds) });
  }
  return testContactPoint(deps, params.id);
});
