import { preload } from "react-dom";
import { ControlRoom } from "@/components/control-room/control-room";
import { PendingHandoverDialog } from "@/components/handover/pending-handover-dialog";
import { cityPackUrl } from "@/lib/contracts/city-pack";
import { requirePageRole } from "@/server/auth/session";
import { readCityConfig } from "@/server/city/read-city-config";

export default async function HomePage() {
  // Field crews and admins are sent to their own home; the live-map socket refuses them too.
  const user = await requirePageRole(["operator", "supervisor"], "/");
  // Rendered into the page, so the map starts while the page hydrates instead of after a GET /api/city.
  // A pack that cannot be read is left to that request, which reports it (the map's error and retry).
  const read = await readCityConfig().catch(() => null);
  const cityConfig = read?.ok ? read.config : null;
  if (cityConfig) {
    // Fetched by MapLibre and the entity query as soon as they start: downloaded while the scripts load.
    preload(cityPackUrl(cityConfig.packId, "style.json"), { as: "fetch", crossOrigin: "anonymous" });
    preload(cityPackUrl(cityConfig.packId, "entities.json"), { as: "fetch", crossOrigin: "anonymous" });
  }
  return (
    <>
      <ControlRoom user={user} cityConfig={cityConfig} />
      <PendingHandoverDialog />
    </>
  );
}
