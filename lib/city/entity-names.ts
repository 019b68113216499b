import { isBuiltinLayer, type TDomainName } from "@/lib/contracts/layers";
import { distanceToLineM, type TLonLat } from "@/lib/geo";
import type { TEntityIndex } from "./entity-index";

/** Beyond this a street is not "near" a point any more; the place is then described by its zone only. */
const NEAR_STREET_M = 250;

/** The named street closest to a point (reverse geocoding over the pack's road segments), or null. */
export function nearestStreet(index: TEntityIndex, position: TLonLat): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const segment of index.segments.values()) {
    if (!segment.name) continue;
    const distance = distanceToLineM(position, segment.coords);
    if (distance <= NEAR_STREET_M && (!best || distance < best.distance)) best = { name: segment.name, distance };
  }
  return best?.name ?? null;
}

/** "near Portage Ave", or null when no named street is close. */
export function describePlace(index: TEntityIndex, position: TLonLat): string | null {
  const street = nearestStreet(index, position);
  return street ? `near ${street}` : null;
}

/**
 * What people call an entity: the road's name, the lot's, "Bin on Main St", the substation's or feeder's name,
 * a unit's call sign. Null when the pack does not know it (the caller then shows a generic word, never the id).
 */
export function entityName(index: TEntityIndex, domain: TDomainName, entityId: string): string | null {
  if (!isBuiltinLayer(domain)) return index.declared?.get(entityId)?.name ?? null;
  switch (domain) {
    case "traffic": {
      const segment = index.segments.get(entityId);
      return segment ? (segment.name ?? describePlace(index, segment.coords[0]!) ?? "Unnamed road") : null;
    }
    case "parking":
      return index.parking.get(entityId)?.name ?? null;
    case "waste": {
      const bin = index.bins.get(entityId);
      if (!bin) return null;
      const street = bin.street ?? nearestStreet(index, bin.position);
      return street ? `Bin on ${street}` : "Litter bin";
    }
    case "energy":
      return index.substations.get(entityId)?.name ?? index.feeders.get(entityId)?.name ?? null;
    case "units":
      return index.units.get(entityId)?.callSign ?? null;
  }
}
