import fc from "fast-check";
import { Decoder, Encoder, PacketType } from "socket.io-parser";
import { describe, expect, it } from "vitest";
import { LAYERS } from "@/lib/contracts/layers";
import type { TColumnarDelta, TLayerEvents } from "@/lib/contracts/realtime";
import { anyNumber, deltaOf, expectSameEvents, jsonNumber, slots } from "@/test/fixtures/wire-arbitraries";
import { CorruptColumnsError, decodeColumnarLayers, encodeColumnarDelta } from "./columnar-delta";

describe("columnar delta", () => {
  it("gives back every event it was given, exactly (NaN, -0, missing and extra fields, entities not in the pack)", () => {
    fc.assert(
      fc.property(deltaOf(anyNumber), (layers) => {
        expectSameEvents(decodeColumnarLayers(encodeColumnarDelta(7, layers, slots), slots), layers);
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
        expectSameEvents(decodeColumnarLayers(received as TColumnarDelta, slots), layers);
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
            decodeColumnarLayers({ counts, idPrefixes, columns: bytes }, slots);
          } catch (error) {
            expect(error).toBeInstanceOf(CorruptColumnsError);
          }
        },
      ),
    );
  });
});
