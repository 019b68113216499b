import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNIT_STATUSES, WASTE_STATUSES, ZCityEvent } from "@/lib/contracts/events";
import { parseCityEventFast } from "./fast-city-event";

/**
 * The fast path against the schema it stands in for, on valid events (boundaries included), the same events damaged
 * field by field, and arbitrary values: whatever it accepts, zod accepts and gives the same event, keys in the same
 * order; and it does accept the ordinary valid event (else it would be no faster).
 */

const RUNS = 3_000;

/** Numbers around a field's bounds, and the odd ones a JSON parser or a broken sensor can give. */
const around = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.double({ min, max, noNaN: true }), weight: 12 },
    fc.constantFrom(min, max, -0, 0, min - 1e-9, max + 1e-9, min - 1, max + 1, Number.NaN, Number.POSITIVE_INFINITY, -Infinity),
    fc.integer({ min: Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(min) - 2), max: Math.min(Number.MAX_SAFE_INTEGER, Math.floor(max) + 2) }),
  );
const whole = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: 6 },
    fc.constantFrom(min, max, min - 1, max + 1, 0.5, 2 ** 53, 2 ** 53 - 1, -0, Number.NaN),
  );
const id = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 40 }), weight: 8 },
  fc.constantFrom("", "x".repeat(128), "x".repeat(129), "😀".repeat(64), "😀".repeat(65), `${"😀".repeat(63)}xx`, "\u0000", "\ud800"),
);
const observedAt = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2999-12-31T23:59:59Z"), noInvalidDate: true })
      .map((d) => d.toISOString()),
    weight: 8,
  },
  fc.constantFrom(
    "2026-11-24T13:00:01Z",
    "2026-11-24T13:00:01.123456+05:30",
    "2026-11-24T13:00:01-23:59",
    "2024-02-29T00:00:00Z",
    "2026-02-29T00:00:00Z",
    "2026-11-24T24:00:00Z",
    "2026-11-24T13:00Z",
    "2026-11-24 13:00:01Z",
    "2026-11-24T13:00:01",
    "2026-11-24T13:00:01.Z",
    "",
  ),
);
const base = { id, entityId: id, observedAt };

const traffic = fc.record({
  ...base,
  type: fc.constant("TrafficFlowObserved"),
  intensity: around(0, 20_000),
  averageVehicleSpeed: around(0, 250),
  occupancy: around(0, 1),
  congested: fc.oneof({ arbitrary: fc.boolean(), weight: 8 }, fc.constantFrom(0, 1, "true", null)),
});
const parking = fc.record({
  ...base,
  type: fc.constant("OffStreetParking"),
  availableSpotNumber: whole(0, 200_000),
  totalSpotNumber: whole(1, 100_000),
});
const waste = fc.record({
  ...base,
  type: fc.constant("WasteContainer"),
  fillingLevel: around(0, 1),
  status: fc.constantFrom(...WASTE_STATUSES, ...WASTE_STATUSES, "OK", "burnt"),
  temperature: around(-60, 1000),
});
const energy = fc.record({
  ...base,
  type: fc.constant("EnergyMeasurement"),
  assetKind: fc.constantFrom("substation", "feeder", "substation", "feeder", "Feeder"),
  activePower: around(0, 1_000_000),
  capacity: around(0, 1_000_000),
  voltage: around(0, 1_000_000),
  frequency: around(40, 70),
});
const unit = fc.record({
  ...base,
  type: fc.constant("UnitPosition"),
  location: fc.oneof(
    { arbitrary: fc.tuple(around(-180, 180), around(-90, 90)), weight: 8 },
    fc.array(around(-180, 180), { maxLength: 3 }),
    fc.constantFrom(null, "1,2", { 0: 1, 1: 2, length: 2 }),
  ),
  heading: around(0, 360),
  speed: around(0, 300),
  status: fc.constantFrom(...UNIT_STATUSES, ...UNIT_STATUSES, "busy"),
});
const event = fc.oneof(traffic, parking, waste, energy, unit) as fc.Arbitrary<Record<string, unknown>>;

/** One field removed, replaced by anything, the type swapped for another's, or an extra key (kept last or first). */
const damaged = fc
  .tuple(event, fc.nat(), fc.integer({ min: 0, max: 4 }), fc.jsonValue(), fc.string(), fc.constantFrom(...typesOf()))
  .map(([e, pick, kind, value, key, otherType]) => {
    const keys = Object.keys(e);
    const field = keys[pick % keys.length];
    const copy: Record<string, unknown> = { ...e };
    if (kind === 0) delete copy[field];
    else if (kind === 1) copy[field] = value;
    else if (kind === 2) copy.type = otherType;
    else if (kind === 3) return { [key]: value, ...copy };
    else copy[key] = value;
    return copy;
  });

function typesOf(): string[] {
  return ["TrafficFlowObserved", "OffStreetParking", "WasteContainer", "EnergyMeasurement", "UnitPosition", "Unknown"];
}

function agreesWithZod(input: unknown): void {
  const fast = parseCityEventFast(input);
  if (fast === undefined) return;
  const parsed = ZCityEvent.safeParse(input);
  expect(parsed.success, `zod refuses what the fast path accepted: ${JSON.stringify(input)}`).toBe(true);
  expect(fast).toStrictEqual(parsed.data);
  expect(Object.keys(fast)).toEqual(Object.keys(parsed.data ?? {}));
  expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
}

describe("parseCityEventFast", () => {
  it("accepts only what ZCityEvent accepts, as the same event: valid, boundary and damaged events, and anything else", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(event, damaged, fc.anything(), fc.jsonValue()), (input) => {
        agreesWithZod(input);
        if (parseCityEventFast(input)) accepted++;
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 20); // the generators do reach valid events
  });

  it("takes the ordinary valid event itself, leaving zod only what may be wrong", () => {
    const real = (min: number, max: number) => fc.double({ min, max, noNaN: true });
    const ordinaryBase = {
      id: fc.uuid(),
      entityId: fc.string({ minLength: 1, maxLength: 128 }),
      observedAt: fc
        .date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true })
        .map((d) => d.toISOString()),
    };
    const ordinary = fc.oneof(
      fc.record({
        ...ordinaryBase,
        type: fc.constant("TrafficFlowObserved"),
        intensity: real(0, 20_000),
        averageVehicleSpeed: real(0, 250),
        occupancy: real(0, 1),
        congested: fc.boolean(),
      }),
      fc
        .tuple(fc.record(ordinaryBase), fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([b, total, share]) => ({
          ...b,
          type: "OffStreetParking",
          availableSpotNumber: Math.floor(total * share),
          totalSpotNumber: total,
        })),
      fc.record({
        ...ordinaryBase,
        type: fc.constant("WasteContainer"),
        fillingLevel: real(0, 1),
        status: fc.constantFrom(...WASTE_STATUSES),
        temperature: real(-60, 1000),
      }),
      fc.record({
        ...ordinaryBase,
        type: fc.constant("EnergyMeasurement"),
        assetKind: fc.constantFrom("substation", "feeder"),
        activePower: real(0, 1_000_000),
        capacity: real(0.001, 1_000_000),
        voltage: real(0, 1_000_000),
        frequency: real(40, 70),
      }),
      fc.record({
        ...ordinaryBase,
        type: fc.constant("UnitPosition"),
        location: fc.tuple(real(-180, 180), real(-90, 90)),
        heading: real(0, 360),
        speed: real(0, 300),
        status: fc.constantFrom(...UNIT_STATUSES),
      }),
    );
    fc.assert(
      fc.property(ordinary, (input) => {
        expect(parseCityEventFast(input)).toStrictEqual(ZCityEvent.parse(input));
      }),
      { numRuns: 1_000 },
    );
  });
});
