import { PathLayer } from "@deck.gl/layers";
import { MAP_COLOR, rgbOf } from "@/lib/design/tokens";
import type { TRgb } from "./color-scales";
import { DECK_LAYER_ID } from "./deck-layer-ids";

export type TRouteLine = readonly (readonly [number, number])[];

const DISPATCH_ROUTE_RGB: TRgb = rgbOf(MAP_COLOR.dispatchRoute);
const PREVIEW_RGB: TRgb = rgbOf(MAP_COLOR.routePreview);
const CASING_RGB: TRgb = rgbOf(MAP_COLOR.casing);

type TRouteStroke = { path: TRouteLine; casing: boolean };

/** Each route twice: a dark casing under the coloured line keeps it legible over the coloured roads. */
function strokes(routes: readonly TRouteLine[]): TRouteStroke[] {
  const drawable = routes.filter((path) => path.length >= 2);
  return [...drawable.map((path) => ({ path, casing: true })), ...drawable.map((path) => ({ path, casing: false }))];
}

function createRouteLayer(id: string, routes: readonly TRouteLine[], rgb: TRgb, widthPx: number, alpha: number) {
  return new PathLayer<TRouteStroke>({
    id,
    data: strokes(routes),
    visible: routes.length > 0,
    pickable: false,
    widthUnits: "pixels",
    capRounded: true,
    jointRounded: true,
    getPath: (stroke) => stroke.path as [number, number][],
    getWidth: (stroke) => (stroke.casing ? widthPx + 4 : widthPx),
    getColor: (stroke) => (stroke.casing ? [...CASING_RGB, 200] : [...rgb, alpha]),
  });
}

/** Where the open incident's dispatched units are driving. */
export function createDispatchRouteLayer(routes: readonly TRouteLine[]) {
  return createRouteLayer(DECK_LAYER_ID.dispatchRoutes, routes, DISPATCH_ROUTE_RGB, 5, 255);
}

/** The route of the recommended unit the operator points at, before dispatching it. */
export function createRoutePreviewLayer(route: TRouteLine | null) {
  return createRouteLayer(DECK_LAYER_ID.dispatchRoutePreview, route ? [route] : [], PREVIEW_RGB, 4, 230);
}
