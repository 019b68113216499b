import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { CityState } from "@/server/city/city-state";
import type { TDatabase } from "@/server/db/client";
import { recordDeadLetters } from "@/server/db/dead-letters";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createDeadLetterBuffer } from "./dead-letter-buffer";
import { DEAD_LETTER_PAYLOAD_MAX_BYTES, DEAD_LETTER_REASON_MAX_CHARS } from "./dead-letter-record";
import { buildEntityRegistry } from "./entity-registry";
import { IngestStats } from "./ingest-stats";
import { createIngestPipeline } from "./pipeline";
import type { TRawMessage } from "./types";

/**
 * Whatever arrives (random bytes, valid events mangled field by field or byte by byte, NUL, invalid
 * UTF-8, lone surrogates, huge or deeply nested payloads, odd keys), through the real pipeline into
 * real city state and real dead-letter storage: every message ends applied or stored as a dead letter,
 * nothing throws, and a valid event after the garbage is applied.
 */

const NOW = Date.parse("2026-12-02T10:00:00.000Z");
const RUNS_PER_BACKEND = 100;

const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 64 });
const oddText = fc.oneof(anyUtf16, fc.constantFrom("", "\u0000", "\ud800", "\udc00x", "😀", "__proto__", "constructor", "x".repeat(5000)));
const isoWithinADay = fc.integer({ min: NOW - 86_400_000, max: NOW - 1000 }).map((ms) => new Date(ms).toISOString());

// Valid events for bins, parking and segments only: the final event (feeder-1) must stay the newest for its entity.
const validWaste = fc.record({
  id: fc.uuid(),
  entityId: fc.constantFrom("bin-1", "bin-2"),
  observedAt: isoWithinADay,
  type: fc.constant("WasteContainer"),
  fillingLevel: fc.double({ min: 0, max: 1, noNaN: true }),
  status: fc.constantFrom("ok", "lidOpen", "burning", "vandalised"),
  temperature: fc.integer({ min: -60, max: 1000 }),
});
const validParking = fc.record({
  id: fc.uuid(),
  entityId: fc.constant("parking-1"),
  observedAt: isoWithinADay,
  type: fc.constant("OffStreetParking"),
  availableSpotNumber: fc.integer({ min: 0, max: 120 }),
  totalSpotNumber: fc.constant(120),
});
const validTraffic = fc.record({
  id: fc.uuid(),
  entityId: fc.constantFrom("seg-ab", "seg-bc", "seg-db", "seg-ca"),
  observedAt: isoWithinADay,
  type: fc.constant("TrafficFlowObserved"),
  intensity: fc.integer({ min: 0, max: 20_000 }),
  averageVehicleSpeed: fc.integer({ min: 0, max: 250 }),
  occupancy: fc.double({ min: 0, max: 1, noNaN: true }),
  congested: fc.boolean(),
});
const TOPIC_OF_TYPE: Record<string, string> = {
  WasteContainer: TOPIC_BY_LAYER.waste,
  OffStreetParking: TOPIC_BY_LAYER.parking,
  TrafficFlowObserved: TOPIC_BY_LAYER.traffic,
};
const validEvent = fc.oneof(validWaste, validParking, validTraffic) as fc.Arbitrary<Record<string, unknown>>;

type TDraft = { topic: string; key: string | null; value: Buffer | string | null };

/** Field-level damage: removed, retyped, odd keys, huge strings, deep nesting. */
const mangledEvent: fc.Arbitrary<TDraft> = fc
  .tuple(
    validEvent,
    fc.nat(),
    fc.oneof(fc.jsonValue(), oddText),
    oddText,
    fc.integer({ min: 0, max: 5 }),
    fc.integer({ min: 1, max: 70_000 }),
  )
  .map(([event, pick, value, oddKey, kind, size]) => {
    const keys = Object.keys(event);
    const field = keys[pick % keys.length];
    const copy: Record<string, unknown> = { ...event };
    let text: string;
    if (kind === 0) {
      delete copy[field];
      text = JSON.stringify(copy);
    } else if (kind === 1) {
      copy[field] = value;
      text = JSON.stringify(copy);
    } else if (kind === 2) {
      text = JSON.stringify({ ...copy, [oddKey]: value });
    } else if (kind === 3) {
      copy[field] = "x".repeat(size); // past 64 KB: "too large"; below: a schema error quoting nothing of it
      text = JSON.stringify(copy);
    } else if (kind === 4) {
      const depth = Math.min(size, 20_000);
      text = JSON.stringify({ ...copy, [field]: "@@" }).replace('"@@"', "[".repeat(depth) + "]".repeat(depth));
    } else {
      text = JSON.stringify(copy); // may still be valid (then applied) or sent to the wrong topic below
    }
    return { topic: TOPIC_OF_TYPE[event.type as string], key: String(event.entityId), value: text };
  });

const INVALID_UTF8 = [[0x00], [0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]];

/** Byte-level damage to a valid event: NUL and invalid UTF-8 inserted, a byte flipped, cut short. */
const corruptedBytes: fc.Arbitrary<TDraft> = fc
  .tuple(validEvent, fc.nat(), fc.constantFrom(...INVALID_UTF8), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }))
  .map(([event, pick, insert, kind, byte]) => {
    const bytes = Buffer.from(JSON.stringify(event));
    const at = pick % bytes.length;
    let value: Buffer;
    if (kind <= 1) value = Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at)]);
    else if (kind === 2) value = Buffer.from(bytes).fill(byte, at, at + 1);
    else value = bytes.subarray(0, at);
    return { topic: TOPIC_OF_TYPE[event.type as string], key: null, value };
  });

const randomBytes: fc.Arbitrary<TDraft> = fc
  .uint8Array({ maxLength: 512 })
  .map((bytes) => ({ topic: TOPIC_BY_LAYER.waste, key: null, value: Buffer.from(bytes) }));
const randomText: fc.Arbitrary<TDraft> = anyUtf16.map((text) => ({ topic: TOPIC_BY_LAYER.units, key: null, value: text }));
const emptyish: fc.Arbitrary<TDraft> = fc.constantFrom<TDraft>(
  { topic: TOPIC_BY_LAYER.energy, key: null, value: null },
  { topic: TOPIC_BY_LAYER.energy, key: null, value: "" },
  { topic: TOPIC_BY_LAYER.energy, key: null, value: Buffer.alloc(0) },
);

/** Any of the above, with a random key and sometimes a strange topic (MQTT topics are free text). */
const anyMessage: fc.Arbitrary<TDraft> = fc
  .tuple(
    fc.oneof(
      mangledEvent,
      corruptedBytes,
      randomBytes,
      randomText,
      emptyish,
      validEvent.map((e) => ({ topic: TOPIC_OF_TYPE[e.type as string], key: null, value: JSON.stringify(e) })),
    ),
    fc.option(oddText),
    fc.option(oddText, { freq: 8 }),
  )
  .map(([draft, key, topic]) => ({ ...draft, key: key ?? draft.key, topic: topic ?? draft.topic }));

const bytesOf = (value: TDraft["value"]) => (value === null ? null : typeof value === "string" ? Buffer.from(value, "utf8") : value);

describe.each(TEST_BACKENDS)("ingest pipeline under arbitrary input ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
  });
  afterAll(() => cleanup?.());

  it("applies or stores as a dead letter every message, and applies a valid event after the garbage", async () => {
    const registry = buildEntityRegistry(TINY_CITY);
    let nextOffset = 0;
    let runs = 0;
    let deadLettered = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(anyMessage, { minLength: 1, maxLength: 8 }), async (drafts) => {
        runs++;
        const cityState = new CityState();
        const stats = new IngestStats();
        const deadLetters = createDeadLetterBuffer({
          store: (letters) => recordDeadLetters(db.prisma, letters),
          isReachable: async () => (await db.ping.check(0)).ok,
        });
        const pipeline = createIngestPipeline({ registry, cityState, stats, deadLetters, now: () => NOW });
        const final = {
          id: `final-${runs}`,
          entityId: "feeder-1",
          observedAt: new Date(NOW).toISOString(),
          type: "EnergyMeasurement",
          assetKind: "feeder",
          activePower: 10,
          capacity: 3000,
          voltage: 13_200,
          frequency: 60,
        };
        const messages: TRawMessage[] = [...drafts, { topic: TOPIC_BY_LAYER.energy, key: "feeder-1", value: JSON.stringify(final) }].map(
          (draft) => ({ ...draft, partition: 0, offset: String(nextOffset++) }),
        );

        const outcome = await pipeline.ingestBatch(messages);

        const rejectedOffsets = outcome.rejected.map((l) => l.offset);
        expect(new Set(rejectedOffsets).size).toBe(rejectedOffsets.length);
        expect(outcome.accepted.length + outcome.rejected.length).toBe(messages.length);
        expect(stats.read("kafka", null)).toMatchObject({ totalEvents: outcome.accepted.length, deadLettered: outcome.rejected.length });
        expect(cityState.latest("energy", "feeder-1")?.id).toBe(final.id);

        await deadLetters.flush();
        expect(deadLetters.stats()).toEqual({
          waiting: 0,
          stored: outcome.rejected.length,
          storedMinimal: 0, // sanitising alone made every full record storable
          droppedAtBound: 0,
          unstorable: 0,
          unreachableSince: null,
        });
        const rows = await db.prisma.deadLetter.findMany({ where: { sourceOffset: { in: rejectedOffsets } } });
        expect(rows).toHaveLength(outcome.rejected.length);
        const byOffset = new Map(messages.map((m) => [m.offset, m]));
        for (const row of rows) {
          const original = bytesOf(byOffset.get(row.sourceOffset)!.value);
          expect(row.reason.length).toBeLessThanOrEqual(DEAD_LETTER_REASON_MAX_CHARS);
          expect(row.payloadSize).toBe(original?.length ?? null);
          expect(row.payloadBytes === null ? null : Buffer.from(row.payloadBytes)).toEqual(
            original === null ? null : original.subarray(0, DEAD_LETTER_PAYLOAD_MAX_BYTES),
          );
        }
        deadLettered += rows.length;
      }),
      { numRuns: RUNS_PER_BACKEND },
    );
    expect(deadLettered).toBeGreaterThan(RUNS_PER_BACKEND); // the generators do produce garbage
  });
});
