"use client";

import * as maplibregl from "maplibre-gl";
import { useEffect, useRef } from "react";
import { configureMapLibreWorker } from "@/components/map/configure-worker";
import { cx } from "@/components/ui/class-names";
import styles from "./incident-location-map.module.css";

type TIncidentLocationMapProps = {
  styleUrl: string;
  attribution: string;
  location: readonly [number, number];
  label: string;
};

const ZOOM = 16;

/** A small still map of where the incident was: the city basemap and one marker, nothing to pan. */
export function IncidentLocationMap({ styleUrl, attribution, location, label }: TIncidentLocationMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [lon, lat] = location;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    configureMapLibreWorker();
    const map = new maplibregl.Map({
      container,
      style: styleUrl,
      center: [lon, lat],
      zoom: ZOOM,
      interactive: false,
      attributionControl: false,
    });
    map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: attribution }), "bottom-right");
    const pin = document.createElement("div");
    pin.className = styles.pin;
    pin.setAttribute("aria-hidden", "true");
    const marker = new maplibregl.Marker({ element: pin, anchor: "center" }).setLngLat([lon, lat]).addTo(map);
    map.on("error", (event) => console.error("[map]", event.error));
    // Tells tests (and screenshots) the basemap is drawn, not just the marker.
    map.once("idle", () => container.setAttribute("data-ready", "true"));
    return () => {
      marker.remove();
      map.remove();
    };
  }, [styleUrl, attribution, lon, lat]);

  // "incident-location-map": e2e and the screenshot script find the map by it.
  return <div ref={containerRef} className={cx(styles.map, "incident-location-map")} role="img" aria-label={label} />;
}
