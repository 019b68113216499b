"use client";

import * as maplibregl from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import { configureMapLibreWorker } from "@/components/map/configure-worker";
import type { TCityPackManifest } from "@/lib/contracts/city-pack";
import type { TZone, TZonePolygon } from "@/lib/contracts/zones";
import { ZONE_FILL_LAYER, ZONES_SOURCE, addZoneLayers, zoneFeatures } from "./zone-map-layers";
import styles from "./zones-admin.module.css";

/** What the drawing layer is doing: nothing, drawing a new shape, or reshaping an existing polygon. */
export type TZoneDrawing = { kind: "none" } | { kind: "draw" } | { kind: "reshape"; geometry: TZonePolygon };

type TZoneEditorMapProps = {
  styleUrl: string;
  manifest: TCityPackManifest;
  zones: readonly TZone[];
  selectedId: string | null;
  drawing: TZoneDrawing;
  onSelect: (zoneId: string) => void;
  /** The shape being drawn or reshaped, each time it changes (null until a drawn shape is closed). */
  onShape: (geometry: TZonePolygon | null) => void;
};

const FIT_PADDING_PX = 24;

function polygonOf(feature: GeoJSONStoreFeatures | undefined): TZonePolygon | null {
  return feature?.geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: feature.geometry.coordinates as TZonePolygon["coordinates"] }
    : null;
}

function createDraw(map: maplibregl.Map): TerraDraw {
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPolygonMode(),
      new TerraDrawSelectMode({
        flags: {
          polygon: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } },
        },
      }),
    ],
  });
}

/**
 * The zone editor's map: the city's basemap, every zone outlined in its kind's colour, and Terra Draw for drawing a new
 * zone or moving the corners of one. Drawing is by pointer; the GeoJSON import beside it is the keyboard's way in.
 */
export function ZoneEditorMap({ styleUrl, manifest, zones, selectedId, drawing, onSelect, onShape }: TZoneEditorMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<{ map: maplibregl.Map; draw: TerraDraw } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const callbacks = useRef({ onSelect, onShape, drawing });
  useEffect(() => {
    callbacks.current = { onSelect, onShape, drawing };
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    configureMapLibreWorker();
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container,
        style: styleUrl,
        bounds: manifest.bounds,
        fitBoundsOptions: { padding: FIT_PADDING_PX },
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
        fadeDuration: 0,
      });
    } catch (error) {
      setProblem(`The map cannot be shown on this device (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "bottom-right");
    map.addControl(new maplibregl.AttributionControl({ customAttribution: manifest.attribution }), "bottom-right");
    let draw: TerraDraw | null = null;
    map.once("load", () => {
      addZoneLayers(map);
      map.on("click", ZONE_FILL_LAYER, (event) => {
        if (callbacks.current.drawing.kind !== "none") return;
        const id = event.features?.[0]?.properties?.id;
        if (typeof id === "string") callbacks.current.onSelect(id);
      });
      map.on("mouseenter", ZONE_FILL_LAYER, () => {
        if (callbacks.current.drawing.kind === "none") map.getCanvas().style.cursor = "pointer";
      });
      map.on("mouseleave", ZONE_FILL_LAYER, () => {
        map.getCanvas().style.cursor = "";
      });
      draw = createDraw(map);
      draw.start();
      draw.on("finish", (id) => {
        callbacks.current.onShape(polygonOf(draw?.getSnapshotFeature(id)));
        // Once closed, the new shape stays editable: its corners can still be dragged before saving.
        if (draw?.getMode() === "polygon") {
          draw.setMode("select");
          draw.selectFeature(id);
        }
      });
      draw.on("change", (ids, type) => {
        if (type !== "update" || draw?.getMode() !== "select") return;
        // Selecting adds corner and midpoint handles (points) to the store too: only the polygon is the shape.
        const shape = ids.map((id) => polygonOf(draw?.getSnapshotFeature(id))).find((polygon) => polygon !== null);
        if (shape) callbacks.current.onShape(shape);
      });
      setReady({ map, draw });
    });
    map.on("error", (event) => console.error("[zone map]", event.error));
    return () => {
      setReady(null);
      draw?.stop();
      map.remove();
    };
  }, [styleUrl, manifest]);

  useEffect(() => {
    ready?.map.getSource<maplibregl.GeoJSONSource>(ZONES_SOURCE)?.setData(zoneFeatures(zones, selectedId));
  }, [ready, zones, selectedId]);

  useEffect(() => {
    if (!ready) return;
    const { draw } = ready;
    draw.clear();
    if (drawing.kind === "draw") {
      draw.setMode("polygon");
    } else if (drawing.kind === "reshape") {
      const id = crypto.randomUUID();
      draw.setMode("select");
      draw.addFeatures([{ type: "Feature", id, geometry: drawing.geometry, properties: { mode: "polygon" } }]);
      draw.selectFeature(id);
    } else {
      draw.setMode("static");
    }
  }, [ready, drawing]);

  return (
    <div className={styles.mapFrame}>
      <div
        ref={containerRef}
        className={styles.map}
        data-testid="zone-map"
        data-ready={ready ? "true" : "false"}
        data-drawing={drawing.kind}
        role="application"
        aria-label="Map of the city's zones"
      />
      {problem && <p className={styles.mapProblem}>{problem}</p>}
    </div>
  );
}
