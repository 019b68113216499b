import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPlaybackFrame, TPlaybackRange } from "@/lib/contracts/history";
import { traffic, waste } from "@/test/fixtures/test-events";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import type { TEntityHistoryRecorder } from "@/server/playback/entity-history-recorder";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";

const MINUTE = "2026-11-24T13:05:00.000Z";

/** GET /api/playback and /api/playback/range through the real routes, with the recorder on the live city state. */
describe.each(TEST_BACKENDS)("playback routes ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let recorder: TEntityHistoryRecorder;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    t = await startAlertsTestApp(opened.db, { recorder: { retentionDays: 3, everyMs: 0 } });
    recorder = t.app.runtime.recorder!;
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
  });

  const get = (path: string, cookie = t.cookies.supervisor) => t.app.request(path, { cookie });

  it("refuses operators, field crews and admins on both routes, and signed-out visitors", async () => {
    for (const path of ["/api/playback/range", `/api/playback?at=${MINUTE}`]) {
      for (const role of ["operator", "field", "admin"] as const)
        expect((await get(path, t.cookies[role])).status, `${role} ${path}`).toBe(403);
      expect((await t.app.request(path)).status).toBe(401);
    }
  });

  it("describes an empty range before anything is recorded, with the recorder's retention", async () => {
    const response = await get("/api/playback/range");
    expect(response.status).toBe(200);
    expect(response.body as TPlaybackRange).toEqual({ from: null, to: null, retentionDays: 3 });
  });

  it("serves supervisors the layers recorded for a minute, narrowed to the layers asked for", async () => {
    t.app.city.cityState.apply(traffic("seg-ab", 0, 17));
    t.app.city.cityState.apply(waste("bin-2", 0, { status: "burning", temperature: 90 }));
    await recorder.recordNow(new Date("2026-11-24T13:05:42Z"));

    const range = await get("/api/playback/range");
    expect(range.body as TPlaybackRange).toEqual({ from: MINUTE, to: MINUTE, retentionDays: 3 });

    const frame = await get(`/api/playback?at=${encodeURIComponent("2026-11-24T14:05:30+01:00")}`);
    expect(frame.status, frame.text).toBe(200);
    const body = frame.body as TPlaybackFrame;
    expect(body.at).toBe(MINUTE);
    expect(body.layers.traffic).toEqual([traffic("seg-ab", 0, 17)]);
    expect(body.layers.waste).toEqual([waste("bin-2", 0, { status: "burning", temperature: 90 })]);
    expect(body.layers.units).toEqual([]);

    const narrowed = await get(`/api/playback?at=${MINUTE}&layers=waste`);
    expect(Object.keys((narrowed.body as TPlaybackFrame).layers)).toEqual(["waste"]);
  });

  it("rejects a missing or malformed time and unknown layers", async () => {
    for (const query of ["", "?at=yesterday", `?at=${MINUTE}&layers=weather`]) {
      expect((await get(`/api/playback${query}`)).status, query).toBe(400);
    }
  });
});
