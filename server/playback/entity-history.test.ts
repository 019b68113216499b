import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCityEvent, TUnitPosition } from "@/lib/contracts/events";
import { energy, parking, traffic, waste } from "@/test/fixtures/test-events";
import { CityState } from "@/server/city/city-state";
import type { TDatabase } from "@/server/db/client";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startEntityHistoryRecorder, type TEntityHistoryRecorder } from "./entity-history-recorder";
import { listPartitions } from "./history-partitions";
import { readPlaybackFrame } from "./read-playback-frame";
import { readPlaybackRange } from "./read-playback-range";
import { ZPlaybackFrame } from "@/lib/contracts/history";

const NOW = new Date("2026-11-24T10:30:20Z");
const at = (iso: string) => new Date(iso);

const unit = (entityId: string, status: TUnitPosition["status"]): TCityEvent => ({
  id: `${entityId}@${status}`,
  entityId,
  observedAt: NOW.toISOString(),
  type: "UnitPosition",
  location: [-85.64, 41.94],
  heading: 90,
  speed: 30,
  status,
});

/** One entity on every layer: six entities in all. */
function cityWith(speed: number): CityState {
  const state = new CityState();
  for (const event of [
    traffic("seg-ab", 0, speed),
    traffic("seg-bc", 0, 40),
    parking("parking-1", 0, 30),
    waste("bin-1", 0, { fillingLevel: 0.5 }),
    energy("feeder-1", 0, { activePower: 1_500 }),
    unit("police-1", "available"),
  ])
    state.apply(event);
  return state;
}

async function countRows(db: TDatabase, minute: string): Promise<number> {
  const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "entity_history" WHERE "minute" = ${minute}::timestamptz`;
  return row.n;
}

const speedsOf = (frame: Awaited<ReturnType<typeof readPlaybackFrame>>) =>
  Object.fromEntries((frame.layers.traffic ?? []).map((event) => [event.entityId, event.averageVehicleSpeed]));

/** The playback recorder and reader against both databases: rows per minute, partitions, retention. */
describe.each(TEST_BACKENDS)("entity history ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  const recorders: TEntityHistoryRecorder[] = [];
  const start = (cityState: CityState, retentionDays = 7) => {
    const recorder = startEntityHistoryRecorder({ prisma: db.prisma, cityState, retentionDays, everyMs: 0, now: () => NOW });
    recorders.push(recorder);
    return recorder;
  };

  beforeAll(async () => {
    const opened = await backend.open();
    db = opened.db;
    cleanup = opened.cleanup;
  });
  afterAll(async () => {
    for (const recorder of recorders) await recorder.stop();
    await cleanup?.();
  });

  it("creates today's and tomorrow's partitions when it starts", async () => {
    const recorder = start(cityWith(50));
    await recorder.enforceRetention();
    expect(await listPartitions(db.prisma)).toEqual(expect.arrayContaining(["entity_history_20261124", "entity_history_20261125"]));
  });

  it("writes one row per entity for the minute, and a second run in that minute adds none", async () => {
    const recorder = start(cityWith(50));
    await recorder.recordNow(at("2026-11-24T09:00:05Z"));
    expect(await countRows(db, "2026-11-24T09:00:00Z")).toBe(6);
    await recorder.recordNow(at("2026-11-24T09:00:55Z"));
    expect(await countRows(db, "2026-11-24T09:00:00Z")).toBe(6);
    await recorder.recordNow(at("2026-11-24T09:01:00Z"));
    expect(await countRows(db, "2026-11-24T09:01:00Z")).toBe(6);
  });

  it("skips a run while the previous one is still writing", async () => {
    const recorder = start(cityWith(50));
    await Promise.all([recorder.recordNow(at("2026-11-24T08:00:00Z")), recorder.recordNow(at("2026-11-24T08:01:00Z"))]);
    expect(await countRows(db, "2026-11-24T08:00:00Z")).toBe(6);
    expect(await countRows(db, "2026-11-24T08:01:00Z")).toBe(0);
  });

  it("plays back exactly the state recorded at each minute", async () => {
    const city = cityWith(11);
    const recorder = start(city);
    await recorder.recordNow(at("2026-11-24T07:00:30Z"));
    city.apply(traffic("seg-ab", 60, 22));
    await recorder.recordNow(at("2026-11-24T07:03:10Z"));

    const all = ["traffic", "parking", "waste", "energy", "units"] as const;
    const atA = await readPlaybackFrame(db.prisma, at("2026-11-24T07:00:45Z"), all);
    expect(atA.at).toBe("2026-11-24T07:00:00.000Z");
    expect(speedsOf(atA)).toEqual({ "seg-ab": 11, "seg-bc": 40 });
    expect(atA.layers.units).toEqual([unit("police-1", "available")]);
    expect(atA.layers.parking?.map((e) => e.availableSpotNumber)).toEqual([30]);

    const atB = await readPlaybackFrame(db.prisma, at("2026-11-24T07:03:00Z"), all);
    expect(atB.at).toBe("2026-11-24T07:03:00.000Z");
    expect(speedsOf(atB)).toEqual({ "seg-ab": 22, "seg-bc": 40 });

    // Between the two recordings: the latest recorded minute before.
    const between = await readPlaybackFrame(db.prisma, at("2026-11-24T07:02:59Z"), all);
    expect(between.at).toBe("2026-11-24T07:00:00.000Z");
    expect(speedsOf(between)).toEqual({ "seg-ab": 11, "seg-bc": 40 });

    // More than five minutes after the last recording, and before the first: nothing.
    for (const iso of ["2026-11-24T07:09:00Z", "2026-11-24T06:59:59Z"]) {
      const empty = await readPlaybackFrame(db.prisma, at(iso), all);
      expect(empty).toEqual({
        at: new Date(`${iso.slice(0, 16)}:00Z`).toISOString(),
        layers: { traffic: [], parking: [], waste: [], energy: [], units: [] },
      });
    }

    const onlyWaste = await readPlaybackFrame(db.prisma, at("2026-11-24T07:03:00Z"), ["waste"]);
    expect(Object.keys(onlyWaste.layers)).toEqual(["waste"]);
    expect(onlyWaste.layers.waste?.map((e) => e.entityId)).toEqual(["bin-1"]);
  });

  it("records declared domains' sensors beside the built-in layers and plays them back in the frame's declared part", async () => {
    const city = cityWith(30);
    const reading = (entityId: string, pm25: number) => ({
      id: `${entityId}@${pm25}`,
      entityId,
      observedAt: NOW.toISOString(),
      type: "AirQualityObserved",
      pm25,
      pm10: 20,
      no2: 10,
      o3: 40,
    });
    city.applyDeclared("air-quality", reading("aq-2", 51.5));
    city.applyDeclared("air-quality", reading("aq-1", 12));
    city.applyDeclared("water-network", {
      id: "w",
      entityId: "wm-1",
      observedAt: NOW.toISOString(),
      type: "WaterObserved",
      pressure: 3.4,
      flow: 60,
    });
    const recorder = start(city);
    await recorder.recordNow(at("2026-11-24T05:00:10Z"));
    expect(await countRows(db, "2026-11-24T05:00:00Z")).toBe(9);

    const frame = await readPlaybackFrame(db.prisma, at("2026-11-24T05:00:30Z"), ["traffic", "air-quality", "street-lighting"]);
    expect(ZPlaybackFrame.parse(frame)).toEqual(frame);
    expect(Object.keys(frame.layers)).toEqual(["traffic"]);
    expect(frame.declared).toEqual({ "air-quality": [reading("aq-1", 12), reading("aq-2", 51.5)], "street-lighting": [] });
    const builtinOnly = await readPlaybackFrame(db.prisma, at("2026-11-24T05:00:30Z"), ["traffic"]);
    expect(builtinOnly.declared).toBeUndefined();
  });

  it("drops only the partitions entirely older than the retention, and keeps today's", async () => {
    const recorder = start(cityWith(33), 7);
    for (const iso of ["2026-11-14T12:00:00Z", "2026-11-16T23:59:00Z", "2026-11-17T00:00:00Z", "2026-11-24T06:00:00Z"]) {
      await recorder.recordNow(at(iso));
    }
    expect(await recorder.enforceRetention(NOW)).toBe(2);

    const partitions = await listPartitions(db.prisma);
    expect(partitions).not.toContain("entity_history_20261114");
    expect(partitions).not.toContain("entity_history_20261116");
    expect(partitions).toEqual(expect.arrayContaining(["entity_history_20261117", "entity_history_20261124", "entity_history_20261125"]));
    // The cut-off (7 × 24 h before now) falls inside 17 November: that day is kept whole.
    expect(await countRows(db, "2026-11-17T00:00:00Z")).toBe(6);
    expect(await countRows(db, "2026-11-16T23:59:00Z")).toBe(0);
    expect(await countRows(db, "2026-11-24T06:00:00Z")).toBe(6);
    expect(await recorder.enforceRetention(NOW)).toBe(0);

    // Recording into a day again after a drop recreates its partition.
    await recorder.recordNow(at("2026-11-16T12:00:00Z"));
    expect(await countRows(db, "2026-11-16T12:00:00Z")).toBe(6);
  });

  it("describes the recorded range: first and last recorded minute", async () => {
    const recorder = start(cityWith(33));
    await recorder.recordNow(at("2026-11-10T00:00:00Z"));
    await recorder.recordNow(at("2026-11-24T10:29:59Z"));
    expect(await readPlaybackRange(db.prisma, 7)).toEqual({
      from: "2026-11-10T00:00:00.000Z",
      to: "2026-11-24T10:29:00.000Z",
      retentionDays: 7,
    });
  });
});
