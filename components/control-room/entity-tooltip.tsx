"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useReducer, useSyncExternalStore } from "react";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { LiveCityStore } from "@/components/live/live-city-store";
import { describeEntity } from "./describe-entity";
import type { TEntityPick } from "./entity-pick";
import { formatAge } from "@/components/format/duration";
import { useNow } from "@/components/format/use-now";
import { MapTooltip, MapTooltipNote, MapTooltipRows } from "@/components/ui/map-tooltip";

export type TTooltipTarget =
  | { mode: "hover"; pick: TEntityPick; x: number; y: number }
  | { mode: "pinned"; pick: TEntityPick; lngLat: [number, number] };

type TEntityTooltipProps = {
  target: TTooltipTarget;
  map: MapLibreMap;
  index: TEntityIndex;
  store: LiveCityStore;
  onClose: () => void;
};

/** Re-render when the camera moves, so a pinned tooltip stays on its entity. */
function useMapMoves(map: MapLibreMap, enabled: boolean): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!enabled) return;
    map.on("move", bump);
    return () => {
      map.off("move", bump);
    };
  }, [map, enabled]);
}

export function EntityTooltip({ target, map, index, store, onClose }: TEntityTooltipProps) {
  // Live values and ages refresh with the store and the 1 s ticker.
  useSyncExternalStore(store.subscribe, store.getVersions, store.getVersions);
  const now = useNow();
  const isPinned = target.mode === "pinned";
  useMapMoves(map, isPinned);

  const description = describeEntity(target.pick, index, store);
  if (!description) return null;

  const { x, y } = target.mode === "pinned" ? map.project(description.anchor ?? target.lngLat) : target;
  const container = map.getContainer();
  const age = description.observedAt && now !== null ? formatAge(Math.max(0, now - Date.parse(description.observedAt))) : null;

  return (
    <MapTooltip
      x={x}
      y={y}
      bounds={{ width: container.clientWidth, height: container.clientHeight }}
      kind={description.kindLabel}
      title={description.title}
      // A sensor's asset tag is what a maintenance crew looks for; a unit is known by its call sign alone.
      subtitle={target.pick.kind === "unit" ? undefined : description.id}
      pinned={isPinned ? { label: `${description.title} details`, onClose } : undefined}
      data-testid="entity-tooltip"
      data-entity-id={description.id}
      data-entity-kind={target.pick.kind}
      footer={
        <>
          <span data-testid="entity-tooltip-age">{age ? `Updated ${age}` : "Never reported"}</span>
          <span>{isPinned ? "Pinned" : "Click to pin"}</span>
        </>
      }
    >
      {description.rows.length > 0 ? (
        <MapTooltipRows rows={description.rows} />
      ) : (
        <MapTooltipNote tone="warn">No live data yet</MapTooltipNote>
      )}
      <MapTooltipRows rows={description.facts} isMuted />
    </MapTooltip>
  );
}
