import { ZZoneImportRequest, ZZoneImportResult } from "@/lib/contracts/zones";
import { defineRoute } from "@/server/http/define-route";
import { zoneChangeDeps } from "@/server/http/route-deps";
import { importZones } from "@/server/zones/import-zones";

export const dynamic = "force-dynamic";

/**
 * Imports a GeoJSON FeatureCollection (ZZoneImportRequest → ZZoneImportResult). Bad features come back as
 * `errors` (200, nothing stored) so the admin sees them all next to the file.
 */
export const POST = defineRoute({ roles: ["admin"], body: ZZoneImportRequest, response: ZZoneImportResult }, async (input) =>
  importZones(zoneChangeDeps(input), input.body),
);
