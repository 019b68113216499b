"use client";

import type { PickingInfo } from "@deck.gl/core";
import { MapboxOverlay } from "@deck.gl/mapbox";
import * as maplibregl from "maplibre-gl";
import { useEffect, useRef } from "react";
import type { TCityPackManifest } from "@/lib/contracts/city-pack";
import { configureMapLibreWorker } from "./configure-worker";
import { markFirstRender } from "./first-render-marks";
import styles from "./city-map.module.css";

markFirstRender("map-module");

export type TMapHandles = { map: maplibregl.Map; overlay: MapboxOverlay };

type TCityMapProps = {
  styleUrl: string;
  manifest: TCityPackManifest;
  /** Fires once the style has loaded; deck layers can be set on the overlay from then on. */
  onStyleLoaded: (handles: TMapHandles) => void;
  onHover: (info: PickingInfo) => void;
  onClick: (info: PickingInfo) => void;
  onError: (message: string) => void;
};

const REQUIRED_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)";
/** How far past the pack's bounds the user may pan, as a share of its size. */
const PAN_MARGIN = 0.75;
const PICKING_RADIUS_PX = 6;
/** Above the phone breakpoint the layer panel floats over the map's left edge (12 px inset + 292 px card). */
const PHONE_MAX_WIDTH_PX = 640;
const PANEL_OVERLAP_PX = 304;
/** Above this width the alert queue floats over the map's right edge (12 px inset + 340 px card). */
const QUEUE_BESIDE_MIN_WIDTH_PX = 1024;
const QUEUE_OVERLAP_PX = 352;

function attributionOf(manifest: TCityPackManifest): string {
  const { attribution } = manifest;
  return attribution.includes("OpenStreetMap") && attribution.includes("ODbL") ? attribution : REQUIRED_ATTRIBUTION;
}

function paddedBounds([west, south, east, north]: TCityPackManifest["bounds"]): maplibregl.LngLatBoundsLike {
  const dx = (east - west) * PAN_MARGIN;
  const dy = (north - south) * PAN_MARGIN;
  return [
    [west - dx, south - dy],
    [east + dx, north + dy],
  ];
}

/**
 * MapLibre basemap with a deck.gl overlay on top (overlaid, not interleaved:
 * interleaving crashes with maplibre-gl 6). Layers are pushed by DeckLayerSync.
 */
export function CityMap(props: TCityMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  // Callbacks change identity every render; the map must not be rebuilt for that.
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });

  const { styleUrl, manifest } = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    configureMapLibreWorker();

    const map = new maplibregl.Map({
      container,
      style: styleUrl,
      center: manifest.center,
      zoom: manifest.zoom,
      maxBounds: paddedBounds(manifest.bounds),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxPitch: 0,
      // No label cross-fade: each fade step is another full repaint, and in software WebGL repaints are what a load waits on.
      fadeDuration: 0,
    });
    markFirstRender("map-created");
    // Centre the city in the part of the map the floating layer panel and alert queue leave visible.
    const fitPaddingToPanel = () => {
      const width = container.clientWidth;
      const left = width > PHONE_MAX_WIDTH_PX ? PANEL_OVERLAP_PX : 0;
      const right = width > QUEUE_BESIDE_MIN_WIDTH_PX ? QUEUE_OVERLAP_PX : 0;
      const padding = map.getPadding();
      if (padding.left !== left || padding.right !== right) map.setPadding({ top: 0, right, bottom: 0, left });
    };
    fitPaddingToPanel();
    map.on("resize", fitPaddingToPanel);
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "bottom-right");
    map.addControl(new maplibregl.AttributionControl({ customAttribution: attributionOf(manifest) }), "bottom-right");

    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      pickingRadius: PICKING_RADIUS_PX,
      onHover: (info) => {
        map.getCanvas().style.cursor = info.object ? "pointer" : "";
        callbacks.current.onHover(info);
      },
      onClick: (info) => callbacks.current.onClick(info),
    });
    map.addControl(overlay);

    let loaded = false;
    map.once("load", () => {
      loaded = true;
      markFirstRender("style-loaded");
      callbacks.current.onStyleLoaded({ map, overlay });
    });
    map.on("error", (event) => {
      console.error("[map]", event.error);
      // Before the first load an error means no usable style; later ones (a glyph, a tile) are not fatal.
      if (!loaded && !("sourceId" in event)) callbacks.current.onError(event.error?.message ?? "The map style failed to load");
    });

    return () => {
      map.removeControl(overlay);
      overlay.finalize();
      map.remove();
    };
  }, [styleUrl, manifest]);

  return <div ref={containerRef} className={styles.cityMap} />;
}
