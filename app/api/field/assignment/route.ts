import { ZFieldAssignment } from "@/lib/contracts/units";
import { getFieldAssignment } from "@/server/dispatch/field-assignment";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** The signed-in crew member's unit and its current assignment (ZFieldAssignment). */
export const GET = defineRoute({ roles: ["field"], response: ZFieldAssignment }, async ({ runtime, user }) =>
  getFieldAssignment(runtime.database.prisma, user.id),
);
