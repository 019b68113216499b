import { PathLayer, TextLayer } from "@deck.gl/layers";
import type { TZone } from "@/lib/contracts/zones";
import { ringCentroid } from "@/lib/geo";
import { polygonsOf } from "@/lib/zone-geometry";
import { MAP_COLOR, ZONE_KIND_COLOR, rgbaOf, rgbTable } from "@/lib/design/tokens";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import { LABEL_CHARACTER_SET, LABEL_FONT } from "./label-text";

const ZONE_KIND_RGB = rgbTable(ZONE_KIND_COLOR);
const OUTLINE_ALPHA = 190;
/** Below this zoom the whole city is in view and each zone's name is worth showing; closer in they would cover streets. */
const LABEL_MAX_ZOOM = 15;

type TPosition = [number, number];
/** One outline to draw: a zone has one per polygon part (holes are left out: an outline is for orientation). */
export type TZoneOutline = { zone: TZone; ring: readonly TPosition[] };

export function zoneOutlines(zones: readonly TZone[]): TZoneOutline[] {
  return zones.flatMap((zone) => polygonsOf(zone.geometry).map((rings) => ({ zone, ring: rings[0] as TPosition[] })));
}

/** Thin outlines in the kind's colour, under the city's live layers and never picked: they orient, they are not data. */
export function createZoneOutlineLayer(outlines: readonly TZoneOutline[]) {
  return new PathLayer<TZoneOutline>({
    id: DECK_LAYER_ID.zones,
    data: outlines,
    pickable: false,
    widthUnits: "pixels",
    getPath: (outline) => outline.ring as TPosition[],
    getColor: (outline) => [...ZONE_KIND_RGB[outline.zone.kind], OUTLINE_ALPHA],
    getWidth: 1.5,
  });
}

export function createZoneLabelLayer(outlines: readonly TZoneOutline[], zoom: number) {
  return new TextLayer<TZoneOutline>({
    id: DECK_LAYER_ID.zoneLabels,
    data: outlines,
    visible: zoom < LABEL_MAX_ZOOM,
    pickable: false,
    getPosition: (outline) => ringCentroid(outline.ring),
    getText: (outline) => outline.zone.name,
    getSize: 12,
    getColor: (outline) => [...ZONE_KIND_RGB[outline.zone.kind], 255],
    getTextAnchor: "middle",
    getAlignmentBaseline: "center",
    fontFamily: LABEL_FONT,
    characterSet: LABEL_CHARACTER_SET,
    fontWeight: 600,
    background: true,
    getBackgroundColor: rgbaOf(MAP_COLOR.markerRim, 170),
    backgroundPadding: [4, 2],
    backgroundBorderRadius: 3,
  });
}
