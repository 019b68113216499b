import { ZRemoveZoneRequest, ZZone } from "@/lib/contracts/zones";
import { defineRoute } from "@/server/http/define-route";
import { zoneChangeDeps } from "@/server/http/route-deps";
import { removeZone } from "@/server/zones/remove-zone";

export const dynamic = "force-dynamic";

/** Takes a zone out of use (ZRemoveZoneRequest → the zone as it was, ZZone), audited; 409 on a stale version. */
export const POST = defineRoute({ roles: ["admin"], body: ZRemoveZoneRequest, response: ZZone }, async (input) =>
  removeZone(zoneChangeDeps(input), input.params.id, input.body),
);
