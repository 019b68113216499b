import fc from "fast-check";
import { Decoder, Encoder, PacketType } from "socket.io-parser";
import { describe, expect, it } from "vitest";
import type { TCitySnapshot, TColumnarSnapshot, TLayerEvents } from "@/lib/contracts/realtime";
import { anyNumber, expectSameEvents, jsonNumber, slots, snapshotLayersOf } from "@/test/fixtures/wire-arbitraries";
import { CorruptColumnsError } from "./columnar-delta";
import { decodeColumnarSnapshot, encodeColumnarSnapshot, isColumnarSnapshot } from "./columnar-snapshot";

/** A snapshot as the hub may answer: any events, and the fields beside them in their every form. */
const snapshotOf = (number: fc.Arbitrary<number>) =>
  fc
    .record(
      {
        seq: fc.nat(),
        at: fc.constant("2026-12-04T03:00:00.000Z"),
        layers: snapshotLayersOf(number),
        declared: fc.dictionary(
          fc.constantFrom("water-network", "air-quality"),
          fc.array(
            fc.record({ id: fc.string(), entityId: fc.string(), observedAt: fc.constant("2026-12-04T03:00:00Z"), pressure: jsonNumber }),
            { maxLength: 3 },
          ),
        ),
        view: fc.constantFrom({ mode: "city" }, { mode: "overview" }, { mode: "tiles", tiles: ["4370/6062", "4371/6062"] }),
        epoch: fc.uuid(),
        partial: fc.constant(true),
        summaries: fc.constant({ at: "2026-12-04T03:00:00.000Z", tiles: [{ tile: "4370/6062", layers: { waste: [3, 1, 1, 0, 1] } }] }),
      },
      { requiredKeys: ["seq", "at", "layers"] },
    )
    .map((snapshot) => snapshot as unknown as TCitySnapshot);

/** Everything but the events is carried as it is; the events per layer, in any order. */
function expectSameSnapshot(actual: TCitySnapshot, expected: TCitySnapshot) {
  const { layers: actualLayers, ...actualRest } = actual;
  const { layers: expectedLayers, ...expectedRest } = expected;
  expect(actualRest).toEqual(expectedRest);
  expectSameEvents(actualLayers, expectedLayers);
}

/** Through socket.io's parser as an acknowledgement, its attachment reaching Node as a Buffer at an odd offset. */
function throughSocketIo(snapshot: TColumnarSnapshot): TColumnarSnapshot {
  const frames = new Encoder().encode({ type: PacketType.ACK, nsp: "/", id: 3, data: [{ ok: true, data: snapshot }] });
  expect(frames.length).toBe(2); // the header and the columns as a binary attachment
  let received: TColumnarSnapshot | undefined;
  const decoder = new Decoder();
  decoder.on("decoded", (packet) => {
    received = (packet.data as [{ data: TColumnarSnapshot }])[0].data;
  });
  for (const frame of frames)
    decoder.add(typeof frame === "string" ? frame : Buffer.concat([Buffer.from([1]), Buffer.from(frame as ArrayBuffer)]).subarray(1));
  return received as TColumnarSnapshot;
}

describe("columnar snapshot", () => {
  it("gives back the snapshot it was given: every event exactly, and view, declared domains and summaries as they were", () => {
    fc.assert(
      fc.property(snapshotOf(anyNumber), (snapshot) => {
        const encoded = encodeColumnarSnapshot(snapshot, slots);
        expect(isColumnarSnapshot(encoded)).toBe(true);
        expectSameSnapshot(decodeColumnarSnapshot(encoded, slots), snapshot);
      }),
      { numRuns: 300 },
    );
  });

  it("survives socket.io's parser as the answer to a subscription or a viewport change", () => {
    fc.assert(
      fc.property(snapshotOf(jsonNumber), (snapshot) => {
        expectSameSnapshot(decodeColumnarSnapshot(throughSocketIo(encodeColumnarSnapshot(snapshot, slots)), slots), snapshot);
      }),
      { numRuns: 100 },
    );
  });

  it("tells a JSON snapshot from a columnar one, and carries only what the columns cannot as JSON", () => {
    const fits = {
      id: "sim-1-42",
      entityId: "bin-8",
      observedAt: "2026-12-03T15:50:36.123Z",
      type: "WasteContainer",
      fillingLevel: 0.5,
      status: "ok",
      temperature: 20,
    };
    const stranger = { ...fits, entityId: "bin-99" };
    const snapshot: TCitySnapshot = { seq: 4, at: "", layers: { waste: [fits, stranger] } as TLayerEvents };
    const encoded = encodeColumnarSnapshot(snapshot, slots);
    expect(isColumnarSnapshot(snapshot)).toBe(false);
    expect(encoded).toMatchObject({ seq: 4, at: "", counts: { waste: 1 }, layers: { waste: [stranger] } });
    expect(() => decodeColumnarSnapshot({ ...encoded, counts: { waste: 9 } }, slots)).toThrow(CorruptColumnsError);
  });
});
