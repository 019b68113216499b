import { ZCreateUnitRequest, ZResponderUnit, ZUnitList } from "@/lib/contracts/units";
import { createUnit } from "@/server/dispatch/create-unit";
import { listUnits } from "@/server/dispatch/list-units";
import { dispatchRuntimeOf, UNIT_ADMIN_ROLES, UNIT_BOARD_ROLES, unitAdminDeps } from "@/server/dispatch/route-deps";
import { defineRoute, withStatus } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Every unit and the check-in threshold the board flags against (ZUnitList). */
export const GET = defineRoute({ roles: UNIT_BOARD_ROLES, response: ZUnitList }, async ({ runtime }) => ({
  units: await listUnits(runtime.database.prisma),
  checkInSeconds: dispatchRuntimeOf(runtime).checkInSeconds,
}));

/** A new unit (ZCreateUnitRequest → 201 ZResponderUnit; 409 when the id or call sign is taken). */
export const POST = defineRoute({ roles: UNIT_ADMIN_ROLES, body: ZCreateUnitRequest, response: ZResponderUnit }, async (input) =>
  withStatus(await createUnit(unitAdminDeps(input), input.body), 201),
);
