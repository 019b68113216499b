"use client";

import type { PickingInfo } from "@deck.gl/core";
import { useCallback, useState } from "react";
import type { TLayer } from "@/lib/contracts/layers";
import type { TIncident } from "@/lib/contracts/incidents";
import { DECK_LAYER_ID } from "@/components/map/layers/deck-layer-ids";
import type { TCapWarningArea } from "@/components/map/layers/cap-warning-layers";
import type { TCapWarningHover } from "./cap-warning-tooltip";
import type { TAreaSummary } from "@/components/map/layers/area-summary-layer";
import type { TAreaSummaryHover } from "./area-summary-tooltip";
import type { TTooltipTarget } from "./entity-tooltip";
import { LAYER_BY_KIND, toEntityPick } from "./entity-pick";

type TMapPickingOptions = {
  /** Placing a phoned-in incident: clicks set its location instead of selecting. */
  isPicking: boolean;
  onPickLocation: (lngLat: [number, number]) => void;
  onOpenIncident: (id: string) => void;
};

/** What the pointer does on the map: hover tooltips, a pinned tooltip on click, incidents opened, locations picked. */
export function useMapPicking({ isPicking, onPickLocation, onOpenIncident }: TMapPickingOptions) {
  const [hover, setHover] = useState<TTooltipTarget | null>(null);
  const [pinned, setPinned] = useState<TTooltipTarget | null>(null);
  const [capWarningHover, setCapWarningHover] = useState<TCapWarningHover | null>(null);
  const [areaHover, setAreaHover] = useState<TAreaSummaryHover | null>(null);

  const onHover = useCallback((info: PickingInfo) => {
    const pick = toEntityPick(info.layer?.id, info.object);
    setHover(pick ? { mode: "hover", pick, x: info.x, y: info.y } : null);
    const area = info.layer?.id === DECK_LAYER_ID.capWarnings ? (info.object as TCapWarningArea | undefined) : undefined;
    setCapWarningHover(!pick && area ? { warning: area.warning, x: info.x, y: info.y } : null);
    const summary = info.layer?.id === DECK_LAYER_ID.areaSummaries ? (info.object as TAreaSummary | undefined) : undefined;
    setAreaHover(!pick && summary ? { area: summary, x: info.x, y: info.y } : null);
  }, []);

  const onClick = useCallback(
    (info: PickingInfo) => {
      const [pickLng, pickLat] = info.coordinate ?? [];
      if (isPicking) {
        // Placing a phoned-in incident: the click is the location, not a selection.
        if (pickLng !== undefined && pickLat !== undefined) onPickLocation([pickLng, pickLat]);
        return;
      }
      if (info.layer?.id === DECK_LAYER_ID.incidents && info.object) {
        onOpenIncident((info.object as TIncident).id);
        setPinned(null);
        return;
      }
      const pick = toEntityPick(info.layer?.id, info.object);
      const [lng, lat] = info.coordinate ?? [];
      setPinned(pick && lng !== undefined && lat !== undefined ? { mode: "pinned", pick, lngLat: [lng, lat] } : null);
    },
    [isPicking, onPickLocation, onOpenIncident],
  );

  /** Hidden entities cannot be hovered or inspected. */
  const forgetLayer = useCallback((layer: TLayer | { domain: string }) => {
    setPinned((current) => {
      if (!current) return current;
      const { pick } = current;
      const isOnLayer =
        typeof layer === "string" ? pick.kind !== "declared" && LAYER_BY_KIND[pick.kind] === layer : pick.domain === layer.domain;
      return isOnLayer ? null : current;
    });
    setHover(null);
  }, []);

  const unpin = useCallback(() => setPinned(null), []);

  return {
    tooltipTarget: pinned ?? hover,
    capWarningHover: pinned ? null : capWarningHover,
    areaHover: pinned ? null : areaHover,
    onHover,
    onClick,
    forgetLayer,
    unpin,
  };
}
