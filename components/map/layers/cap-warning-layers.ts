import { PolygonLayer, TextLayer } from "@deck.gl/layers";
import type { TCapRing, TCapSeverity, TCapWarning } from "@/lib/contracts/cap-warnings";
import { CAP_SEVERITY_COLOR, MAP_COLOR, rgbaOf, rgbTable } from "@/lib/design/tokens";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import { LABEL_CHARACTER_SET, LABEL_FONT } from "./label-text";

export const CAP_SEVERITY_RGB = rgbTable(CAP_SEVERITY_COLOR);

/** One drawn area: a warning has one per CAP polygon or circle. */
export type TCapWarningArea = { warning: TCapWarning; ring: TCapRing };

/** The worse the warning, the heavier its outline: severity reads from the line as well as the colour. */
const OUTLINE_PX: Record<TCapSeverity, number> = { Extreme: 4, Severe: 3, Moderate: 2, Minor: 1.5, Unknown: 1.5 };
const FILL_ALPHA = 46;

export function capWarningAreas(warnings: readonly TCapWarning[]): TCapWarningArea[] {
  return warnings.flatMap((warning) => warning.polygons.map((ring) => ({ warning, ring })));
}

export function createCapWarningLayer(areas: readonly TCapWarningArea[]) {
  return new PolygonLayer<TCapWarningArea>({
    id: DECK_LAYER_ID.capWarnings,
    data: areas,
    pickable: true,
    stroked: true,
    filled: true,
    lineWidthUnits: "pixels",
    getPolygon: (area) => area.ring,
    getFillColor: (area) => [...CAP_SEVERITY_RGB[area.warning.severity], FILL_ALPHA],
    getLineColor: (area) => [...CAP_SEVERITY_RGB[area.warning.severity], 255],
    getLineWidth: (area) => OUTLINE_PX[area.warning.severity],
  });
}

/** The severity word on each area, so no one has to tell the colours apart. */
export function createCapWarningLabelLayer(areas: readonly TCapWarningArea[]) {
  return new TextLayer<TCapWarningArea>({
    id: DECK_LAYER_ID.capWarningLabels,
    data: areas,
    pickable: false,
    getPosition: (area) => centreOf(area.ring),
    getText: (area) => `${area.warning.severity} · ${area.warning.event}`,
    getSize: 11,
    getColor: rgbaOf(MAP_COLOR.label),
    getTextAnchor: "middle",
    getAlignmentBaseline: "center",
    fontFamily: LABEL_FONT,
    characterSet: LABEL_CHARACTER_SET,
    fontWeight: 700,
    background: true,
    getBackgroundColor: rgbaOf(MAP_COLOR.markerRim, 200),
    backgroundPadding: [4, 2],
    backgroundBorderRadius: 3,
  });
}

/** The mean of the ring's distinct vertices: inside any convex area, near enough for a label otherwise. */
function centreOf(ring: TCapRing): [number, number] {
  const vertices = ring.slice(0, -1);
  const sum = vertices.reduce(([x, y], [lon, lat]) => [x + lon, y + lat], [0, 0]);
  return [sum[0] / vertices.length, sum[1] / vertices.length];
}
