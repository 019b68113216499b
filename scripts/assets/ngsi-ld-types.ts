import type { TUnitType } from "@/lib/contracts/events";
import { VEHICLE_TYPE_BY_UNIT } from "@/server/ngsi-ld/read-ngsi-entities";
import type { TAssetKind } from "./asset-kinds";

/**
 * The Smart Data Models types each kind is read from, with the attribute each flat field comes from: the
 * names the NGSI-LD read API (server/ngsi-ld/) gives our entities, so what it serves can be imported back.
 */
export const NGSI_TYPES: { readonly [type: string]: TAssetKind } = {
  OffStreetParking: "parking",
  WasteContainer: "bins",
  EnergyMeasurement: "substations",
  FireStation: "stations",
  PoliceStation: "stations",
  AmbulanceStation: "stations",
  // CityNerve's own, for the homes of sanitation and utility crews (Smart Data Models has none): needs unitType.
  ResponderStation: "stations",
  Vehicle: "units",
};

/** flat field ← NGSI-LD attribute, per kind (location fills lon and lat; the entity id gives id). */
export const NGSI_ATTRIBUTES: { readonly [K in TAssetKind]: Readonly<Record<string, string>> } = {
  parking: { name: "name", capacity: "totalSpotNumber" },
  bins: { street: "address", volumeL: "cargoVolume" },
  substations: { name: "name", capacityKw: "capacity", voltageV: "voltage" },
  stations: { name: "name", type: "unitType" },
  units: { callSign: "name", type: "vehicleType", stationId: "refStation", capabilities: "capabilities" },
};

export const STATION_TYPE_BY_NGSI: { readonly [type: string]: TUnitType } = {
  FireStation: "fire",
  PoliceStation: "police",
  AmbulanceStation: "ems",
};

/** vehicleType → unit type: the read API's names (fireTender, ambulance…) and the unit types themselves. */
export const UNIT_TYPE_BY_VEHICLE: ReadonlyMap<string, TUnitType> = new Map([
  ...(Object.entries(VEHICLE_TYPE_BY_UNIT) as [TUnitType, string][]).map(([unit, vehicle]) => [vehicle, unit] as const),
  ...(Object.keys(VEHICLE_TYPE_BY_UNIT) as TUnitType[]).map((unit) => [unit, unit] as const),
]);

export const ngsiTypesOf = (kind: TAssetKind) => Object.keys(NGSI_TYPES).filter((type) => NGSI_TYPES[type] === kind);
