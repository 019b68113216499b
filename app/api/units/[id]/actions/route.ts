import { ZUnitActionRequest, ZUnitActionResponse } from "@/lib/contracts/units";
import { applyUnitAction } from "@/server/dispatch/apply-unit-action";
import { dispatchDeps, UNIT_ACTION_ROLES } from "@/server/dispatch/route-deps";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/**
 * A crew's report for its unit, or the control room's on its behalf (ZUnitActionRequest → ZUnitActionResponse).
 * 409 for a move the status flow refuses; 403 for a field user acting for a unit they do not crew.
 */
export const POST = defineRoute({ roles: UNIT_ACTION_ROLES, body: ZUnitActionRequest, response: ZUnitActionResponse }, async (input) =>
  applyUnitAction(dispatchDeps(input), input.params.id, input.body),
);
