import { ZHandover } from "@/lib/contracts/history";
import { confirmHandover } from "@/server/handover/confirm-handover";
import { handoverDeps } from "@/server/handover/handover-deps";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** "I have read this handover" (→ 200 ZHandover). Idempotent: audited "handover.read" once per reader. */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, response: ZHandover }, async (input) =>
  confirmHandover(handoverDeps(input), input.params.id),
);
