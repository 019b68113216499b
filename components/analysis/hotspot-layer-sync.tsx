"use client";

import type { MapboxOverlay } from "@deck.gl/mapbox";
import { useEffect } from "react";
import type { THotspotStyle } from "./analysis-params";
import { buildHotspotLayers } from "./hotspot-layers";

const NO_POINTS: [number, number][] = [];

/** Pushes the heatmap or hexagon layer of the loaded points to deck.gl. Renders nothing. */
export function HotspotLayerSync({
  overlay,
  points,
  style,
}: {
  overlay: MapboxOverlay;
  points: [number, number][] | undefined;
  style: THotspotStyle;
}) {
  useEffect(() => {
    overlay.setProps({ layers: buildHotspotLayers(points ?? NO_POINTS, style) });
  }, [overlay, points, style]);
  useEffect(() => () => overlay.setProps({ layers: [] }), [overlay]);
  return null;
}
