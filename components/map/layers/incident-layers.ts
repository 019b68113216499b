import { ScatterplotLayer, TextLayer } from "@deck.gl/layers";
import { LABEL_CHARACTER_SET, LABEL_FONT } from "./label-text";
import { COLOR, MAP_COLOR, rgbaOf } from "@/lib/design/tokens";
import type { TIncident } from "@/lib/contracts/incidents";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import { PRIORITY_RGB } from "./operations-styles";

const SELECTED_RIM = rgbaOf(COLOR.accent);
const MARKER_RIM = rgbaOf(MAP_COLOR.markerRim);

/** Incident numbers only from street level: at city scale they would cover each other. */
const INCIDENT_LABEL_MIN_ZOOM = 15;

type TIncidentLayerOptions = { zoom: number; selectedId: string | null };

export function createIncidentLayer(incidents: readonly TIncident[], { selectedId }: TIncidentLayerOptions) {
  return new ScatterplotLayer<TIncident>({
    id: DECK_LAYER_ID.incidents,
    data: incidents,
    pickable: true,
    stroked: true,
    radiusUnits: "pixels",
    lineWidthUnits: "pixels",
    getPosition: (incident) => incident.location,
    getRadius: (incident) => (incident.id === selectedId ? 13 : incident.priority === "P1" ? 11 : 9),
    getFillColor: (incident) => [...PRIORITY_RGB[incident.priority], 255],
    getLineColor: (incident) => (incident.id === selectedId ? SELECTED_RIM : MARKER_RIM),
    getLineWidth: (incident) => (incident.id === selectedId ? 4 : 3),
    updateTriggers: { getRadius: selectedId, getLineColor: selectedId, getLineWidth: selectedId },
  });
}

export function createIncidentLabelLayer(incidents: readonly TIncident[], { zoom }: TIncidentLayerOptions) {
  return new TextLayer<TIncident>({
    id: DECK_LAYER_ID.incidentLabels,
    data: incidents,
    visible: zoom >= INCIDENT_LABEL_MIN_ZOOM,
    pickable: false,
    getPosition: (incident) => incident.location,
    getText: (incident) => `${incident.number} · ${incident.priority}`,
    getSize: 11,
    getColor: rgbaOf(MAP_COLOR.label),
    getPixelOffset: [0, 18],
    getTextAnchor: "middle",
    getAlignmentBaseline: "top",
    fontFamily: LABEL_FONT,
    characterSet: LABEL_CHARACTER_SET,
    fontWeight: 700,
    background: true,
    getBackgroundColor: rgbaOf(MAP_COLOR.incidentLabelBg, 225),
    backgroundPadding: [4, 2],
    backgroundBorderRadius: 3,
  });
}
