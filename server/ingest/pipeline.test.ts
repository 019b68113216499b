import { describe, expect, it } from "vitest";
import { CityState } from "@/server/city/city-state";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { buildEntityRegistry } from "./entity-registry";
import { IngestStats } from "./ingest-stats";
import { createIngestPipeline, type TIngestPipelineDeps } from "./pipeline";
import type { TDeadLetter, TRawMessage } from "./types";

const NOW = Date.parse("2026-12-02T10:00:00.000Z");
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const bin = (id: string, observedAt: string): TRawMessage => ({
  topic: "city.waste",
  partition: 0,
  offset: id,
  value: JSON.stringify({ id, entityId: "bin-1", observedAt, type: "WasteContainer", fillingLevel: 0.5, status: "ok", temperature: 9 }),
});

function setup(overrides: Partial<TIngestPipelineDeps> = {}) {
  const cityState = new CityState();
  const stats = new IngestStats();
  const letters: TDeadLetter[] = [];
  const pipeline = createIngestPipeline({
    registry: buildEntityRegistry(TINY_CITY),
    cityState,
    stats,
    deadLetters: { enqueue: (batch) => void letters.push(...batch) },
    now: () => NOW,
    ...overrides,
  });
  return { cityState, stats, letters, pipeline };
}

describe("ingest pipeline", () => {
  it("dead-letters an event from a clock far ahead, so the real events after it still update the entity", async () => {
    const { cityState, letters, pipeline } = setup();
    await pipeline.ingestBatch([bin("e1", iso(-60_000)), bin("future", iso(365 * 86_400_000)), bin("e2", iso(-30_000))]);
    expect(cityState.latest("waste", "bin-1")?.id).toBe("e2");
    expect(letters.map((l) => [l.offset, l.reason])).toEqual([
      ["future", expect.stringMatching(/^observedAt in the future: .* \(limit 300 s\)$/)],
    ]);
  });

  it("uses 300 s ahead and 7 days old by default, and the limits it is given", async () => {
    const defaults = setup();
    const outcome = await defaults.pipeline.ingestBatch([
      bin("ahead-ok", iso(299_000)),
      bin("ahead-too-far", iso(301_000)),
      bin("old-ok", iso(-7 * 86_400_000 + 1000)),
      bin("too-old", iso(-7 * 86_400_000 - 1000)),
    ]);
    expect(outcome.rejected.map((l) => l.offset)).toEqual(["ahead-too-far", "too-old"]);

    const unlimited = setup({ timeLimits: { maxFutureSkewMs: Infinity, maxAgeMs: 0 } });
    const replay = await unlimited.pipeline.ingestBatch([bin("2030", "2030-01-01T00:00:00Z"), bin("2026", "2026-01-01T00:00:00Z")]);
    expect(replay.rejected).toEqual([]);
  });

  it("hands dead letters over without waiting, stamped with the pipeline's clock", async () => {
    const { letters, pipeline } = setup();
    const outcome = await pipeline.ingestBatch([{ topic: "city.waste", partition: 0, offset: "1", key: "k\u0000", value: "\u0000{}" }]);
    expect(outcome.rejected).toEqual(letters);
    expect(letters[0]).toMatchObject({
      key: "k\u2400",
      receivedAt: new Date(NOW),
      reason: expect.stringMatching(/^invalid JSON: .*\u2400/),
    });
  });

  it("dead-letters an event a state listener fails on instead of failing the batch", async () => {
    const { cityState, letters, pipeline } = setup();
    cityState.onChange((_layer, event) => {
      if (event.id === "breaks-a-rule") throw new Error("rule crashed");
    });
    const outcome = await pipeline.ingestBatch([bin("breaks-a-rule", iso(-2000)), bin("after", iso(-1000))]);
    expect(outcome.accepted.map((e) => e.id)).toEqual(["after"]);
    expect(letters.map((l) => l.reason)).toEqual(["failed while applying: rule crashed"]);
  });

  it("screens without applying: valid messages come back with their events, rejects are dead-lettered and counted", () => {
    const { cityState, stats, letters, pipeline } = setup();
    const outcome = pipeline.screenBatch([bin("e1", iso(-1000)), { ...bin("bad", iso(-1000)), value: "{" }]);
    expect(outcome.passed.map((p) => p.event.id)).toEqual(["e1"]);
    expect(outcome.rejected.map((l) => l.offset)).toEqual(["bad"]);
    expect(letters).toEqual(outcome.rejected);
    expect(cityState.latest("waste", "bin-1")).toBeUndefined();
    expect(stats.read("kafka", null)).toMatchObject({ totalEvents: 0, deadLettered: 1 });
  });

  it("tells a latency probe which events a chunk applied and when the chunk arrived, without the rejected ones", async () => {
    const seen: { ids: string[]; receivedAtMs: number }[] = [];
    const { pipeline } = setup({ probe: { applied: (events, receivedAtMs) => seen.push({ ids: events.map((e) => e.id), receivedAtMs }) } });
    await pipeline.ingestBatch([bin("e1", iso(-60_000)), bin("future", iso(365 * 86_400_000)), bin("e2", iso(-30_000))]);
    expect(seen).toEqual([{ ids: ["e1", "e2"], receivedAtMs: NOW }]);
  });
});
