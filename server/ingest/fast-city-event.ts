import {
  type TCityEvent,
  type TUnitStatus,
  type TWasteContainer,
  UNIT_STATUSES,
  WASTE_STATUSES,
  ZTrafficFlowObserved,
} from "@/lib/contracts/events";

/** The schema's own observedAt pattern (z.iso.datetime with an offset), so both paths read a time alike. */
const OBSERVED_AT = ZTrafficFlowObserved.shape.observedAt.def.pattern ?? noPattern();
const ID_MAX_UNITS = 128;
const ASSET_KINDS: readonly unknown[] = ["substation", "feeder"];
const WASTE_STATUS_LIST: readonly unknown[] = WASTE_STATUSES;
const UNIT_STATUS_LIST: readonly unknown[] = UNIT_STATUSES;

/**
 * ZCityEvent.safeParse's common case without zod's machinery, which was a fifth of what ingest cost per event: an
 * event certainly valid, built as zod builds it (the schema's keys in its order, unknown keys dropped, a new
 * location array), or undefined. Undefined is not a verdict: zod then decides and says why, so dead-letter reasons
 * stay zod's. It must never accept what ZCityEvent refuses, and when in doubt it leaves the event to zod (ids longer
 * than 128 UTF-16 units, which zod counts in code points). fast-city-event.property.test.ts holds it to both.
 * Bounds are lib/contracts/events.ts's: change them there and here together.
 */
export function parseCityEventFast(json: unknown): TCityEvent | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const e = json as Record<string, unknown>;
  const { id, entityId, observedAt } = e;
  if (!isId(id) || !isId(entityId) || typeof observedAt !== "string" || !OBSERVED_AT.test(observedAt)) return undefined;
  switch (e.type) {
    case "TrafficFlowObserved": {
      const { intensity, averageVehicleSpeed, occupancy, congested } = e;
      if (!within(intensity, 0, 20_000) || !within(averageVehicleSpeed, 0, 250) || !within(occupancy, 0, 1)) return undefined;
      if (typeof congested !== "boolean") return undefined;
      return { id, entityId, observedAt, type: "TrafficFlowObserved", intensity, averageVehicleSpeed, occupancy, congested };
    }
    case "OffStreetParking": {
      const { availableSpotNumber, totalSpotNumber } = e;
      if (!isWhole(availableSpotNumber, 0, Number.MAX_SAFE_INTEGER) || !isWhole(totalSpotNumber, 1, 100_000)) return undefined;
      if (availableSpotNumber > totalSpotNumber) return undefined;
      return { id, entityId, observedAt, type: "OffStreetParking", availableSpotNumber, totalSpotNumber };
    }
    case "WasteContainer": {
      const { fillingLevel, status, temperature } = e;
      if (!within(fillingLevel, 0, 1) || !WASTE_STATUS_LIST.includes(status) || !within(temperature, -60, 1000)) return undefined;
      return { id, entityId, observedAt, type: "WasteContainer", fillingLevel, status: status as TWasteContainer["status"], temperature };
    }
    case "EnergyMeasurement": {
      const { assetKind, activePower, capacity, voltage, frequency } = e;
      if (!ASSET_KINDS.includes(assetKind) || !within(activePower, 0, 1_000_000)) return undefined;
      if (!within(capacity, 0, 1_000_000) || capacity === 0) return undefined;
      if (!within(voltage, 0, 1_000_000) || !within(frequency, 40, 70)) return undefined;
      const kind = assetKind as "substation" | "feeder";
      return { id, entityId, observedAt, type: "EnergyMeasurement", assetKind: kind, activePower, capacity, voltage, frequency };
    }
    case "UnitPosition": {
      const { location, heading, speed, status } = e;
      if (!Array.isArray(location) || location.length !== 2) return undefined;
      const [lon, lat] = location as unknown[];
      if (!within(lon, -180, 180) || !within(lat, -90, 90)) return undefined;
      if (!within(heading, 0, 360) || !within(speed, 0, 300) || !UNIT_STATUS_LIST.includes(status)) return undefined;
      return { id, entityId, observedAt, type: "UnitPosition", location: [lon, lat], heading, speed, status: status as TUnitStatus };
    }
    default:
      return undefined;
  }
}

function noPattern(): never {
  throw new Error("observedAt's schema has no pattern to read times with");
}

function isId(value: unknown): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= ID_MAX_UNITS;
}

/** A finite number in [min, max] (NaN and ±Infinity fail the comparisons). */
function within(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && value >= min && value <= max;
}

/** zod's .int(): a safe integer. */
function isWhole(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}
