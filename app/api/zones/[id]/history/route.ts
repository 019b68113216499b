import { ZZoneHistory } from "@/lib/contracts/zones";
import { defineRoute } from "@/server/http/define-route";
import { zoneHistory } from "@/server/zones/zone-history";

export const dynamic = "force-dynamic";

/** Every saved state of a zone, newest first (ZZoneHistory). */
export const GET = defineRoute({ roles: ["supervisor", "admin"], response: ZZoneHistory }, async ({ runtime, params }) => ({
  revisions: await zoneHistory(runtime.database.prisma, params.id),
}));
