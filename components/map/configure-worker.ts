import * as maplibregl from "maplibre-gl";

/**
 * maplibre-gl 6 starts its worker from `maplibre-gl-worker.mjs` next to its own
 * module, which the bundler does not emit. Referencing it with
 * `new URL(…, import.meta.url)` makes the bundler copy it as a static asset.
 */
let configured = false;
export function configureMapLibreWorker(): void {
  if (configured) return;
  configured = true;
  maplibregl.setWorkerUrl(new URL("maplibre-gl/dist/maplibre-gl-worker.mjs", import.meta.url).href);
}
