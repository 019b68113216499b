"use client";

import type { Map as MaplibreMap } from "maplibre-gl";
import { useEffect, useRef } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import { flyToBesideDrawer } from "./fly-to-beside-drawer";
import type { TDrawer } from "./use-drawer-url";

type TFlyToDrawer = { map: MaplibreMap | null; drawer: TDrawer; alerts: readonly TAlert[]; incidents: readonly TIncident[] };

/**
 * The map flies once to each alert or incident a drawer opens on, however it was opened (a row, the banner, a
 * shared link, Back): as soon as the map is ready and the subject's location is known.
 */
export function useFlyToDrawer({ map, drawer, alerts, incidents }: TFlyToDrawer): void {
  const flownTo = useRef<string | null>(null);
  const key = drawer && drawer.kind !== "new-incident" ? `${drawer.kind}:${drawer.id}` : null;
  const location =
    drawer?.kind === "alert"
      ? alerts.find((alert) => alert.id === drawer.id)?.location
      : drawer?.kind === "incident"
        ? incidents.find((incident) => incident.id === drawer.id)?.location
        : undefined;
  const [lon, lat] = location ?? [Number.NaN, Number.NaN];

  useEffect(() => {
    if (key === null) {
      flownTo.current = null;
      return;
    }
    if (!map || flownTo.current === key || Number.isNaN(lon)) return;
    flownTo.current = key;
    flyToBesideDrawer(map, [lon, lat]);
  }, [map, key, lon, lat]);
}
