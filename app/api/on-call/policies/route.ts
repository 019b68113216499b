import { ZCreatePolicyRequest, ZPolicy } from "@/lib/contracts/on-call";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { createPolicy } from "@/server/on-call/manage-policies";
import { ON_CALL_ROLES, onCallDeps } from "@/server/on-call/route-deps";

export const dynamic = "force-dynamic";

/** Creates an escalation policy (ZCreatePolicyRequest → 201 ZPolicy), audited; it covers alerts raised from now on. */
export const POST = defineRoute({ roles: ON_CALL_ROLES, body: ZCreatePolicyRequest, response: ZPolicy }, async (input) =>
  withStatus(await createPolicy(onCallDeps(input), input.body), 201),
);
