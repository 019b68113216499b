import { ROLES } from "@/lib/contracts/auth";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Who is signed in (ZCurrentUser). */
export const GET = defineRoute({ roles: ROLES }, async ({ user }) => user);
