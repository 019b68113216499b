import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { CityState } from "@/server/city/city-state";
import type { TDatabase } from "@/server/db/client";
import { recordDeadLetters } from "@/server/db/dead-letters";
import { createDeadLetterBuffer, type TDeadLetterBuffer } from "@/server/ingest/dead-letter-buffer";
import { buildEntityRegistry } from "@/server/ingest/entity-registry";
import { IngestStats } from "@/server/ingest/ingest-stats";
import { createIngestPipeline } from "@/server/ingest/pipeline";
import type { TIngestSink } from "@/server/ingest/types";
import { createManualSource } from "@/test/fixtures/manual-source";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { toDeadLetterView } from "./dead-letter-view";
import { replayDeadLetters } from "./replay-dead-letters";

const RUNS_PER_BACKEND = 40;
const ACTOR = { id: "u-sup", email: "supervisor@citynerve.local", role: "supervisor" };

// Bytes of any kind (UTF-8 text or not, NUL included), and near-misses of valid JSON events.
const anyBytes = fc.uint8Array({ maxLength: 600 });
const nearJson = fc
  .record({ entityId: fc.string({ maxLength: 20 }), type: fc.constantFrom("WasteContainer", "Nope"), fillingLevel: fc.anything() })
  .map((o) => new TextEncoder().encode(JSON.stringify(o)));
const payload = fc.oneof(anyBytes, nearJson);

/**
 * Whatever a rejected message held, replaying it (in-process, as without Kafka) any number of times leaves exactly
 * one letter, whose replays are counted and whose bytes are the ones received; the page shows those bytes exactly
 * (as text when they are UTF-8, else as hex).
 */
describe.each(TEST_BACKENDS)("dead-letter identity on replay ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  let buffer: TDeadLetterBuffer;
  let sink: TIngestSink;
  const source = createManualSource();

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    buffer = createDeadLetterBuffer({
      store: (letters) => recordDeadLetters(db.prisma, letters, "simulator"),
      isReachable: async () => true,
    });
    const stats = new IngestStats();
    sink = createIngestPipeline({ registry: buildEntityRegistry(TINY_CITY), cityState: new CityState(), stats, deadLetters: buffer });
    await source.start(sink);
  });
  afterAll(async () => {
    await buffer?.stop();
    await cleanup?.();
  });

  it("keeps one letter per rejected message however often it is replayed", async () => {
    await fc.assert(
      fc.asyncProperty(
        payload,
        fc.option(fc.string({ maxLength: 30 }), { nil: null }),
        fc.constantFrom(...Object.values(TOPIC_BY_LAYER)),
        fc.integer({ min: 1, max: 3 }),
        async (bytes, key, topic, replays) => {
          await db.prisma.deadLetter.deleteMany();
          const keyBytes = key === null ? null : Buffer.from(key);
          await sink.ingestBatch([{ topic, partition: 0, offset: "0", key, keyBytes, value: Buffer.from(bytes) }]);
          await buffer.flush();
          const [letter] = await db.prisma.deadLetter.findMany();
          fc.pre(letter !== undefined); // a random payload that happens to be a valid event is not a dead letter

          for (let i = 0; i < replays; i++) {
            await replayDeadLetters({ prisma: db.prisma, actor: ACTOR, actorName: "Sam", ip: null, source }, [letter.id]);
            await buffer.flush();
          }
          const rows = await db.prisma.deadLetter.findMany();
          expect(rows.map((r) => r.id)).toEqual([letter.id]);
          expect(rows[0]).toMatchObject({ replayCount: replays, replayOutcome: "failed" });
          expect(Buffer.from(rows[0].payloadBytes ?? [])).toEqual(Buffer.from(bytes));

          const shown = toDeadLetterView(rows[0]).payload;
          const shownBytes = shown.text !== null ? Buffer.from(shown.text, "utf8") : Buffer.from(shown.hex ?? "", "hex");
          expect(shownBytes).toEqual(Buffer.from(bytes));
        },
      ),
      { numRuns: RUNS_PER_BACKEND },
    );
  });
});
