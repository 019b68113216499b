import { ROLES } from "@/lib/contracts/auth";
import { ZCreateZoneRequest, ZZone, ZZoneList } from "@/lib/contracts/zones";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { zoneChangeDeps } from "@/server/http/route-deps";
import { createZone } from "@/server/zones/create-zone";
import { listZones } from "@/server/zones/list-zones";

export const dynamic = "force-dynamic";

/** The zones in use, for every signed-in role (ZZoneList). */
export const GET = defineRoute({ roles: ROLES, response: ZZoneList }, async ({ runtime }) => ({
  zones: await listZones(runtime.database.prisma),
}));

/** Adds a zone (ZCreateZoneRequest → 201 ZZone), audited; 409 when its kind has that name already. */
export const POST = defineRoute({ roles: ["admin"], body: ZCreateZoneRequest, response: ZZone }, async (input) =>
  withStatus(await createZone(zoneChangeDeps(input), input.body), 201),
);
