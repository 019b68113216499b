import { ROLES, ZCurrentUser } from "@/lib/contracts/auth";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Who is signed in (ZCurrentUser). */
export const GET = defineRoute({ roles: ROLES, response: ZCurrentUser }, async ({ user }) => user);
