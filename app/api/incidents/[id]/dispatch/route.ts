import { ZDispatchRequest, ZDispatchResponse } from "@/lib/contracts/units";
import { dispatchUnits } from "@/server/dispatch/dispatch-units";
import { dispatchDeps } from "@/server/dispatch/route-deps";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Sends units (ZDispatchRequest → ZDispatchResponse); 409 naming a unit that is taken or out of service. */
export const POST = defineRoute({ roles: OPERATIONS_ROLES, body: ZDispatchRequest, response: ZDispatchResponse }, async (input) =>
  dispatchUnits(dispatchDeps(input), input.params.id, input.body),
);
