import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TUnitType } from "@/lib/contracts/events";
import type { TNgsiGeometry } from "@/lib/contracts/ngsi-ld";

/** What the city pack knows of an entity that its events do not carry: where it is and what people call it. */
export type TNgsiPlace = { location: TNgsiGeometry; name?: string; street?: string; unitType?: TUnitType };
export type TNgsiPlaces = ReadonlyMap<string, TNgsiPlace>;

const cache = new WeakMap<TCityEntities, TNgsiPlaces>();

/** Built once per city pack (it does not change while the server runs). */
export function ngsiPlacesOf(entities: TCityEntities): TNgsiPlaces {
  let places = cache.get(entities);
  if (!places) {
    places = buildPlaces(entities);
    cache.set(entities, places);
  }
  return places;
}

function buildPlaces(entities: TCityEntities): TNgsiPlaces {
  const places = new Map<string, TNgsiPlace>();
  const point = (coordinates: [number, number]): TNgsiGeometry => ({ type: "Point", coordinates });
  const line = (coordinates: [number, number][]): TNgsiGeometry => ({ type: "LineString", coordinates });
  for (const s of entities.segments) places.set(s.id, { location: line(s.coords), name: s.name });
  for (const p of entities.parking) places.set(p.id, { location: point(p.position), name: p.name });
  for (const b of entities.bins) places.set(b.id, { location: point(b.position), street: b.street });
  for (const s of entities.substations) places.set(s.id, { location: point(s.position), name: s.name });
  for (const f of entities.feeders) places.set(f.id, { location: line(f.coords), name: f.name });
  const stations = new Map(entities.stations.map((s) => [s.id, s]));
  for (const u of entities.units) {
    const station = stations.get(u.stationId);
    // Until its first position, a unit is at its station.
    if (station) places.set(u.id, { location: point(station.position), name: u.callSign, unitType: u.type });
  }
  return places;
}
