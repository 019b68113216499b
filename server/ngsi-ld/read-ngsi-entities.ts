import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { BUILTIN_DOMAINS } from "@/lib/domains/builtin-domains";
import type { TCityEvent, TUnitType } from "@/lib/contracts/events";
import type { CityState } from "@/server/city/city-state";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import { readDeclaredNgsiEntities } from "./declared-ngsi-entities";
import { ngsiEntityId, type TNgsiEntityView } from "./ngsi-entity-view";
import type { TNgsiPlaces } from "./ngsi-places";

/** Smart Data Models' vehicleType for each kind of responder unit. */
export const VEHICLE_TYPE_BY_UNIT: Record<TUnitType, string> = {
  police: "police",
  fire: "fireTender",
  ems: "ambulance",
  sanitation: "lorry",
  utility: "van",
};

/** The UN/CEFACT codes of each built-in domain's measured properties, from its file (none: no unitCode on any). */
const UNIT_CODES = Object.fromEntries(
  LAYERS.map((layer) => {
    const codes = Object.fromEntries(BUILTIN_DOMAINS[layer].properties.map((p) => [p.name, p.unitCode]));
    return [layer, Object.keys(codes).length > 0 ? { unitCodes: codes } : {}];
  }),
) as Record<TLayer, Pick<TNgsiEntityView, "unitCodes">>;

/** Every entity with live state, the declared domains' sensors included, in id order (stable pages). */
export function readNgsiEntities(cityState: CityState, places: TNgsiPlaces, domains: TDomainRegistry): TNgsiEntityView[] {
  const snapshot = cityState.snapshot(LAYERS);
  const views: TNgsiEntityView[] = readDeclaredNgsiEntities(cityState, domains);
  for (const layer of LAYERS) for (const event of snapshot[layer] ?? []) views.push(toNgsiEntityView(event, places));
  return views.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function toNgsiEntityView(event: TCityEvent, places: TNgsiPlaces): TNgsiEntityView {
  const place = places.get(event.entityId);
  const name: Record<string, string> = place?.name === undefined ? {} : { name: place.name };
  const base = { observedAt: event.observedAt, location: place?.location };
  const baseOf = (layer: TLayer) => ({ ...base, ...UNIT_CODES[layer] });
  const dateObserved = event.observedAt;
  switch (event.type) {
    case "TrafficFlowObserved": {
      const { intensity, averageVehicleSpeed, occupancy, congested } = event;
      return {
        ...baseOf("traffic"),
        id: ngsiEntityId(event.type, event.entityId),
        type: event.type,
        observed: { intensity, averageVehicleSpeed, occupancy, congested, dateObserved },
        fixed: name,
      };
    }
    case "OffStreetParking": {
      const { availableSpotNumber, totalSpotNumber } = event;
      return {
        ...baseOf("parking"),
        id: ngsiEntityId(event.type, event.entityId),
        type: event.type,
        observed: { availableSpotNumber, totalSpotNumber, dateObserved },
        fixed: name,
      };
    }
    case "WasteContainer": {
      const { fillingLevel, status, temperature } = event;
      return {
        ...baseOf("waste"),
        id: ngsiEntityId(event.type, event.entityId),
        type: event.type,
        observed: { fillingLevel, status, temperature, dateObserved },
        fixed: place?.street === undefined ? {} : { address: { streetAddress: place.street } },
      };
    }
    case "EnergyMeasurement": {
      const { assetKind, activePower, capacity, voltage, frequency } = event;
      return {
        ...baseOf("energy"),
        id: ngsiEntityId(event.type, event.entityId),
        type: event.type,
        observed: { activePower, capacity, voltage, frequency, dateObserved },
        fixed: { ...name, assetKind },
      };
    }
    case "UnitPosition": {
      const { heading, speed, status } = event;
      const unitType = place?.unitType;
      return {
        ...baseOf("units"),
        id: ngsiEntityId("Vehicle", event.entityId),
        type: "Vehicle",
        location: { type: "Point", coordinates: event.location },
        observed: { heading, speed, unitStatus: status, dateObserved },
        fixed: { ...name, vehicleType: unitType ? VEHICLE_TYPE_BY_UNIT[unitType] : "anyVehicle" },
      };
    }
  }
}
