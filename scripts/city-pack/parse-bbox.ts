import type { TBbox } from "./collect-osm";
import { OsmInputError } from "./osm-input-error";

/** "w,s,e,n" in degrees (the order osmium and Overpass use) → TBbox. */
export function parseBbox(text: string): TBbox {
  const parts = text.split(",").map((p) => p.trim());
  const v = parts.map(Number);
  const wrong = (why: string) =>
    new OsmInputError(`--bbox "${text}": ${why}; expected west,south,east,north in degrees, e.g. -85.66,41.93,-85.62,41.96`);
  if (parts.length !== 4 || parts.some((p) => p === "") || v.some((x) => !Number.isFinite(x))) throw wrong("needs four numbers");
  const [w, s, e, n] = v;
  if (w < -180 || e > 180 || s < -90 || n > 90) throw wrong("lies outside -180..180 / -90..90");
  if (!(w < e && s < n)) throw wrong("west must be less than east and south less than north");
  return [w, s, e, n];
}
