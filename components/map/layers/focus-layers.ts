import { ScatterplotLayer } from "@deck.gl/layers";
import { MAP_COLOR, rgbaOf } from "@/lib/design/tokens";
import type { TAlertSeverity } from "@/lib/contracts/alerts";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import { PIN_RGB, SEVERITY_RGB } from "./operations-styles";

type TLonLat = readonly [number, number];
type TRing = { position: TLonLat; radius: number; alpha: number };

/** Two rings around the selected alert's entity, in its severity colour. */
export function createAlertHighlightLayer(target: { location: TLonLat; severity: TAlertSeverity } | null) {
  const rings: TRing[] = target
    ? [
        { position: target.location, radius: 18, alpha: 255 },
        { position: target.location, radius: 30, alpha: 120 },
      ]
    : [];
  const rgb = target ? SEVERITY_RGB[target.severity] : SEVERITY_RGB.warning;
  return new ScatterplotLayer<TRing>({
    id: DECK_LAYER_ID.alertHighlight,
    data: rings,
    visible: target !== null,
    pickable: false,
    filled: false,
    stroked: true,
    radiusUnits: "pixels",
    lineWidthUnits: "pixels",
    getPosition: (ring) => ring.position as [number, number],
    getRadius: (ring) => ring.radius,
    getLineColor: (ring) => [...rgb, ring.alpha],
    getLineWidth: 3,
    updateTriggers: { getLineColor: target?.severity },
  });
}

/** The location picked for a new incident: a dot with a halo. */
export function createIncidentPinLayer(location: TLonLat | null) {
  const data = location
    ? [
        { position: location, radius: 14, fill: false },
        { position: location, radius: 7, fill: true },
      ]
    : [];
  return new ScatterplotLayer<(typeof data)[number]>({
    id: DECK_LAYER_ID.incidentPin,
    data,
    visible: location !== null,
    pickable: false,
    stroked: true,
    radiusUnits: "pixels",
    lineWidthUnits: "pixels",
    getPosition: (d) => d.position as [number, number],
    getRadius: (d) => d.radius,
    getFillColor: (d) => (d.fill ? [...PIN_RGB, 255] : [...PIN_RGB, 60]),
    getLineColor: rgbaOf(MAP_COLOR.outline),
    getLineWidth: (d) => (d.fill ? 2 : 1.5),
  });
}
