import type { Layer } from "@deck.gl/core";
import type { TAlertSeverity } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import { type TCapWarningArea, createCapWarningLabelLayer, createCapWarningLayer } from "./cap-warning-layers";
import { createAlertHighlightLayer, createIncidentPinLayer } from "./focus-layers";
import { createIncidentLabelLayer, createIncidentLayer } from "./incident-layers";
import { createDispatchRouteLayer, createRoutePreviewLayer, type TRouteLine } from "./route-layers";
import { createUnitStatusLayer, type TUnitStatusLayerInput } from "./unit-layers";
import { createZoneLabelLayer, createZoneOutlineLayer, type TZoneOutline } from "./zone-layers";

/** What the control room works on, drawn above the city's live layers. */
export type TOperationsLayerInput = {
  incidents: readonly TIncident[];
  selectedIncidentId: string | null;
  highlight: { location: readonly [number, number]; severity: TAlertSeverity } | null;
  pin: readonly [number, number] | null;
  /** The open incident's dispatched routes, and the one being considered. */
  routes: { active: readonly TRouteLine[]; preview: TRouteLine | null };
  /** Other agencies' active warnings: areas under the city's layers (buildAreaLayers), labels above. */
  capWarningAreas: readonly TCapWarningArea[];
  /** The zones' outlines, when the operator shows them (empty otherwise). */
  zoneOutlines: readonly TZoneOutline[];
  /** null until the city's units are known. */
  units: TUnitStatusLayerInput | null;
};

/**
 * Areas drawn (and, for warnings, picked) under the city's live layers: zone outlines, and other agencies' warning
 * areas, which cover whole districts while the sensors and units inside must stay hoverable. Their labels go on top
 * with the operations layers.
 */
export function buildAreaLayers(input: Pick<TOperationsLayerInput, "capWarningAreas" | "zoneOutlines">): Layer[] {
  return [createZoneOutlineLayer(input.zoneOutlines), createCapWarningLayer(input.capWarningAreas)];
}

export function buildOperationsLayers(input: TOperationsLayerInput, zoom: number): Layer[] {
  const options = { zoom, selectedId: input.selectedIncidentId };
  return [
    createZoneLabelLayer(input.zoneOutlines, zoom),
    createCapWarningLabelLayer(input.capWarningAreas),
    createAlertHighlightLayer(input.highlight),
    createDispatchRouteLayer(input.routes.active),
    createRoutePreviewLayer(input.routes.preview),
    ...(input.units ? [createUnitStatusLayer(input.units)] : []),
    createIncidentLayer(input.incidents, options),
    createIncidentLabelLayer(input.incidents, options),
    createIncidentPinLayer(input.pin),
  ];
}
