import { ZResponderUnit, ZUpdateUnitRequest } from "@/lib/contracts/units";
import { UNIT_ADMIN_ROLES, unitAdminDeps } from "@/server/dispatch/route-deps";
import { updateUnit } from "@/server/dispatch/update-unit";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Call sign, home station, capabilities, crew (ZUpdateUnitRequest → ZResponderUnit; 409 on a stale version). */
export const PATCH = defineRoute({ roles: UNIT_ADMIN_ROLES, body: ZUpdateUnitRequest, response: ZResponderUnit }, async (input) =>
  updateUnit(unitAdminDeps(input), input.params.id, input.body),
);
