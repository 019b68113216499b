"use client";

import { useQuery } from "@tanstack/react-query";
import { FIELD_COLOR } from "@/lib/design/tokens";
import * as maplibregl from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import { cityConfigQuery } from "@/components/city/city-queries";
import { configureMapLibreWorker } from "@/components/map/configure-worker";
import { cityPackUrl } from "@/lib/contracts/city-pack";
import type { TLonLat } from "@/lib/geo";
import { assignmentMapData, boundsOf } from "./assignment-map-data";
import { cx } from "@/components/ui/class-names";
import styles from "./assignment-map.module.css";

type TAssignmentMapProps = {
  incident: TLonLat;
  route: readonly TLonLat[];
  /** The phone's live position, else where the unit was when dispatched (the route's start). */
  unit: TLonLat | null;
  unitIsLive: boolean;
};

const SOURCE = "assignment";
const FIT_PADDING_PX = 32;
const FIT_MAX_ZOOM = 16;

function addAssignmentLayers(map: maplibregl.Map): void {
  map.addSource(SOURCE, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
  const route: maplibregl.FilterSpecification = ["==", ["get", "kind"], "route"];
  const kind = (k: string): maplibregl.FilterSpecification => ["==", ["get", "kind"], k];
  map.addLayer({
    id: "assignment-route-casing",
    type: "line",
    source: SOURCE,
    filter: route,
    layout: { "line-cap": "round", "line-join": "round" },
    paint: { "line-color": FIELD_COLOR.surface, "line-width": 9 },
  });
  map.addLayer({
    id: "assignment-route",
    type: "line",
    source: SOURCE,
    filter: route,
    layout: { "line-cap": "round", "line-join": "round" },
    paint: { "line-color": FIELD_COLOR.route, "line-width": 5 },
  });
  map.addLayer({
    id: "assignment-unit",
    type: "circle",
    source: SOURCE,
    filter: kind("unit"),
    paint: { "circle-radius": 8, "circle-color": FIELD_COLOR.route, "circle-stroke-color": FIELD_COLOR.surface, "circle-stroke-width": 3 },
  });
  map.addLayer({
    id: "assignment-incident",
    type: "circle",
    source: SOURCE,
    filter: kind("incident"),
    paint: {
      "circle-radius": 10,
      "circle-color": FIELD_COLOR.incident,
      "circle-stroke-color": FIELD_COLOR.surface,
      "circle-stroke-width": 3,
    },
  });
}

/**
 * A small, still map of the job: the city pack's basemap, the planned route, the incident and the unit.
 * Not interactive, so a thumb scrolling the page is never caught by the map.
 */
export function AssignmentMap({ incident, route, unit, unitIsLive }: TAssignmentMapProps) {
  const config = useQuery(cityConfigQuery()).data;
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const styleUrl = config ? cityPackUrl(config.packId, "style.json") : null;
  const attribution = config?.manifest.attribution;

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !styleUrl) return;
    configureMapLibreWorker();
    let created: maplibregl.Map;
    try {
      created = new maplibregl.Map({
        container,
        style: styleUrl,
        interactive: false,
        // Credited in the caption below instead: an attribution box would cover much of so small a map.
        attributionControl: false,
        fadeDuration: 0,
      });
    } catch (error) {
      setProblem(`The map cannot be shown on this device (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    created.once("load", () => {
      addAssignmentLayers(created);
      setMap(created);
    });
    return () => {
      setMap(null);
      created.remove();
    };
  }, [styleUrl]);

  const data = useMemo(() => assignmentMapData(incident, route, unit), [incident, route, unit]);

  useEffect(() => {
    if (!map) return;
    map.getSource<maplibregl.GeoJSONSource>(SOURCE)?.setData(data);
    map.fitBounds(boundsOf([incident, ...route, ...(unit ? [unit] : [])]), { padding: FIT_PADDING_PX, maxZoom: FIT_MAX_ZOOM, duration: 0 });
  }, [map, data, incident, route, unit]);

  return (
    <figure className={styles.map}>
      <div
        ref={containerRef}
        className={styles.canvas}
        data-testid="field-map"
        role="img"
        aria-label="Map of the route from your unit to the incident"
      />
      <figcaption className={styles.legend}>
        {problem ?? (
          <>
            <span className={styles.item}>
              <span className={cx(styles.key, styles.keyRoute)} aria-hidden="true" /> Route
            </span>
            <span className={styles.item}>
              <span className={cx(styles.key, styles.keyIncident)} aria-hidden="true" /> Incident
            </span>
            <span className={styles.item}>
              <span className={cx(styles.key, styles.keyUnit)} aria-hidden="true" /> {unitIsLive ? "You" : "Your unit at dispatch"}
            </span>
          </>
        )}
        {attribution && <span className={styles.attribution}>Map {attribution}</span>}
      </figcaption>
    </figure>
  );
}
