import { ZUpdateZoneRequest, ZZone } from "@/lib/contracts/zones";
import { defineRoute } from "@/server/http/define-route";
import { zoneChangeDeps } from "@/server/http/route-deps";
import { updateZone } from "@/server/zones/update-zone";

export const dynamic = "force-dynamic";

/** Renames, re-kinds or redraws a zone (ZUpdateZoneRequest → ZZone), audited; 409 on a stale version or a taken name. */
export const PATCH = defineRoute({ roles: ["admin"], body: ZUpdateZoneRequest, response: ZZone }, async (input) =>
  updateZone(zoneChangeDeps(input), input.params.id, input.body),
);
