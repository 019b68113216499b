import fc from "fast-check";
import { Decoder, Encoder, PacketType } from "socket.io-parser";
import { describe, expect, it } from "vitest";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { UNIT_STATUSES, WASTE_STATUSES } from "@/lib/contracts/events";
import type { TColumnarDelta, TLayerEvents } from "@/lib/contracts/realtime";
import { CorruptColumnsError, decodeColumnarDelta, encodeColumnarDelta } from "./columnar-delta";
import { entitySlotsOf } from "./entity-slots";

const pack = {
  segments: ["seg-1", "seg-2", "seg-3"].map((id) => ({ id })),
  parking: [{ id: "lot-a" }],
  bins: ["bin-007", "bin-8"].map((id) => ({ id })),
  substations: [{ id: "sub-1" }],
  feeders: [{ id: "feeder-1" }, { id: "feeder-2" }],
  units: [{ id: "unit-1" }, { id: "unit-2" }],
} as unknown as Parameters<typeof entitySlotsOf>[0];
const slots = entitySlotsOf(pack);
const packIds: Record<TLayer, string[]> = {
  traffic: ["seg-1", "seg-2", "seg-3"],
  parking: ["lot-a"],
  waste: ["bin-007", "bin-8"],
  energy: ["sub-1", "feeder-1", "feeder-2"],
  units: ["unit-1", "unit-2"],
};

const anyNumber = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY), fc.integer());
/** What JSON carries unchanged (the events sent as JSON beside the columns go through it). */
const jsonNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer(),
);
const observedAt = fc.oneof(
  fc
    .date({ min: new Date("0100-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    "2026-12-03T15:50:36+01:00",
    "2026-12-03T15:50:36Z",
    "2026-02-30T00:00:00.000Z",
    "not a time",
    "0050-01-01T00:00:00.000Z",
  ),
);
const eventId = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom("sim-1-", "kafka:", "", "x0"), fc.bigInt({ min: 0n, max: 10n ** 20n })).map(([p, n]) => `${p}${n}`),
  fc.constantFrom("a007", "0", "000", "sim-1-0009"),
);
const fieldsOf = (number: fc.Arbitrary<number>): Record<TLayer, fc.Arbitrary<Record<string, unknown>>> => ({
  traffic: fc.record({
    type: fc.constant("TrafficFlowObserved"),
    intensity: number,
    averageVehicleSpeed: number,
    occupancy: number,
    congested: fc.boolean(),
  }),
  parking: fc.record({ type: fc.constant("OffStreetParking"), availableSpotNumber: number, totalSpotNumber: number }),
  waste: fc.record({
    type: fc.constant("WasteContainer"),
    fillingLevel: number,
    status: fc.constantFrom(...WASTE_STATUSES, "melted"),
    temperature: number,
  }),
  energy: fc.record({
    type: fc.constant("EnergyMeasurement"),
    assetKind: fc.constantFrom("substation", "feeder"),
    activePower: number,
    capacity: number,
    voltage: number,
    frequency: number,
  }),
  units: fc.record({
    type: fc.constantFrom("UnitPosition", "TrafficFlowObserved"),
    location: fc.oneof(fc.tuple(number, number), fc.constant([1, 2, 3])),
    heading: number,
    speed: number,
    status: fc.constantFrom(...UNIT_STATUSES),
  }),
});

/** An event of a layer as it may reach the hub, and forms it should never take but must survive: a field missing, one too many. */
const eventOf = (layer: TLayer, number: fc.Arbitrary<number>) =>
  fc
    .record({
      id: eventId,
      entityId: fc.oneof(fc.constantFrom(...packIds[layer]), fc.string({ minLength: 1 })),
      observedAt,
      fields: fieldsOf(number)[layer],
      change: fc.constantFrom("none", "none", "drop", "extra"),
    })
    .map(({ id, entityId, observedAt, fields, change }) => {
      const event: Record<string, unknown> = { id, entityId, observedAt, ...fields };
      if (change === "drop") delete event[Object.keys(fields)[1]];
      if (change === "extra") event.note = "extra";
      return event;
    });

const deltaOf = (number: fc.Arbitrary<number>) =>
  fc.record(
    Object.fromEntries(LAYERS.map((layer) => [layer, fc.array(eventOf(layer, number), { maxLength: 30 })])) as Record<
      TLayer,
      fc.Arbitrary<unknown[]>
    >,
    { requiredKeys: [] },
  ) as fc.Arbitrary<TLayerEvents>;

/** The same events per layer, in any order (the ones sent as JSON come after the columns). */
function expectSameEvents(actual: TLayerEvents, expected: TLayerEvents) {
  for (const layer of LAYERS) {
    const sent: unknown[] = expected[layer] ?? [];
    const got: unknown[] = actual[layer] ?? [];
    expect(got).toHaveLength(sent.length);
    if (sent.length > 0) expect(got).toEqual(expect.arrayContaining(sent));
  }
}

describe("columnar delta", () => {
  it("gives back every event it was given, exactly (NaN, -0, missing and extra fields, entities not in the pack)", () => {
    fc.assert(
      fc.property(deltaOf(anyNumber), (layers) => {
        expectSameEvents(decodeColumnarDelta(encodeColumnarDelta(7, layers, slots), slots), layers);
      }),
      { numRuns: 300 },
    );
  });

  it("survives socket.io's parser, whose binary attachment reaches Node as a Buffer at any offset", () => {
    fc.assert(
      fc.property(deltaOf(jsonNumber), (layers) => {
        const frames = new Encoder().encode({
          type: PacketType.EVENT,
          nsp: "/",
          data: ["city:columns", encodeColumnarDelta(7, layers, slots)],
        });
        let received: TColumnarDelta | undefined;
        const decoder = new Decoder();
        decoder.on("decoded", (packet) => {
          received = (packet.data as [string, TColumnarDelta])[1];
        });
        // As a WebSocket frame arrives: a Buffer that is a view into a bigger one, at an odd offset.
        for (const frame of frames)
          decoder.add(typeof frame === "string" ? frame : Buffer.concat([Buffer.from([1]), Buffer.from(frame as ArrayBuffer)]).subarray(1));
        expectSameEvents(decodeColumnarDelta(received as TColumnarDelta, slots), layers);
      }),
      { numRuns: 100 },
    );
  });

  it("carries pack entities of the simulator's form in the columns, and only the rest as JSON", () => {
    const event = {
      id: "sim-1-42",
      entityId: "seg-2",
      observedAt: "2026-12-03T15:50:36.123Z",
      type: "TrafficFlowObserved",
      intensity: 1,
      averageVehicleSpeed: 2,
      occupancy: 0.5,
      congested: true,
    };
    const stranger = { ...event, entityId: "seg-99" };
    const delta = encodeColumnarDelta(3, { traffic: [event, stranger] } as TLayerEvents, slots);
    expect(delta.counts).toEqual({ traffic: 1 });
    expect(delta.idPrefixes).toEqual(["sim-1-"]);
    expect(delta.layers).toEqual({ traffic: [stranger] });
  });

  it("refuses malformed columns with its own error, never another", () => {
    const valid = encodeColumnarDelta(
      1,
      {
        waste: [
          {
            id: "e1",
            entityId: "bin-8",
            observedAt: "2026-12-03T15:50:36.123Z",
            type: "WasteContainer",
            fillingLevel: 0.5,
            status: "ok",
            temperature: 20,
          },
        ],
      } as TLayerEvents,
      slots,
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.dictionary(fc.constantFrom(...LAYERS), fc.oneof(fc.integer({ min: -2, max: 20 }), fc.constant("3" as unknown as number))),
        fc.oneof(fc.constant(valid.idPrefixes), fc.array(fc.string(), { maxLength: 2 })),
        (bytes, counts, idPrefixes) => {
          try {
            decodeColumnarDelta({ seq: 1, counts, idPrefixes, columns: bytes }, slots);
          } catch (error) {
            expect(error).toBeInstanceOf(CorruptColumnsError);
          }
        },
      ),
    );
  });
});
