import { describe, expect, it } from "vitest";
import type { TTimelineEntry } from "@/lib/contracts/incidents";
import { dispatchTimes } from "./dispatch-times";
import { formatSeconds } from "./format-seconds";
import { incidentMilestones } from "./incident-milestones";

const CREATED = "2026-04-01T10:00:00.000Z";
let nextId = 1;
const at = (minutes: number, seconds = 0) => new Date(Date.parse(CREATED) + (minutes * 60 + seconds) * 1000).toISOString();
const entry = (kind: TTimelineEntry["kind"], time: string, data: Record<string, unknown> = {}): TTimelineEntry => ({
  id: String(nextId++),
  at: time,
  kind,
  actor: null,
  data,
});

describe("incident milestones from the timeline", () => {
  it("times acknowledgement, dispatch and resolution from creation, and arrival from the first dispatch", () => {
    const timeline = [
      entry("created", CREATED),
      entry("note", at(0, 30), { text: "caller on the line" }),
      entry("statusChanged", at(1, 30), { from: "new", to: "acknowledged" }),
      entry("unitDispatched", at(3), { unitId: "u1", callSign: "E-1" }),
      entry("statusChanged", at(3, 1), { from: "acknowledged", to: "dispatched" }),
      entry("unitDispatched", at(5), { unitId: "u2", callSign: "M-2" }),
      entry("unitStatusChanged", at(11), { unitId: "u1", from: "enRoute", to: "onScene" }),
      entry("statusChanged", at(12), { from: "dispatched", to: "onScene" }),
      entry("statusChanged", at(40), { from: "onScene", to: "resolved" }),
      entry("statusChanged", at(70), { from: "resolved", to: "closed" }),
    ];
    const m = incidentMilestones(CREATED, timeline);
    expect([m.acknowledged, m.dispatched, m.onScene, m.resolved, m.closed].map((x) => [x.at, x.seconds])).toEqual([
      [at(1, 30), 90],
      [at(3), 180],
      [at(11), 480],
      [at(40), 2400],
      [at(70), 4200],
    ]);
    expect(m.onScene.measuredFrom).toBe("dispatched");
  });

  it("forgets a resolution that was reopened, and keeps the last one after it", () => {
    const timeline = [
      entry("created", CREATED),
      entry("statusChanged", at(2), { from: "new", to: "acknowledged" }),
      entry("statusChanged", at(5), { from: "acknowledged", to: "resolved", reason: "prank" }),
      entry("statusChanged", at(9), { from: "resolved", to: "acknowledged", reason: "called back" }),
    ];
    expect(incidentMilestones(CREATED, timeline).resolved).toMatchObject({ at: null, seconds: null });
    const resolvedAgain = [...timeline, entry("statusChanged", at(20), { from: "acknowledged", to: "resolved" })];
    expect(incidentMilestones(CREATED, resolvedAgain).resolved).toMatchObject({ at: at(20), seconds: 1200 });
  });

  it("leaves steps never reached empty; no arrival time without a dispatch, and the earliest on-scene report counts", () => {
    const noDispatch = incidentMilestones(CREATED, [
      entry("created", CREATED),
      entry("statusChanged", at(1), { from: "new", to: "acknowledged" }),
    ]);
    expect(noDispatch.dispatched).toMatchObject({ at: null, seconds: null });
    expect(noDispatch.onScene).toMatchObject({ at: null, seconds: null });
    expect(noDispatch.closed.seconds).toBeNull();

    // A crew's report queued offline is recorded after a later arrival but carries when the crew tapped:
    // the earliest time counts, as in the database trigger (LEAST), whatever the insertion order.
    const queued = incidentMilestones(CREATED, [
      entry("unitDispatched", at(2), { unitId: "u1" }),
      entry("unitDispatched", at(3), { unitId: "u2" }),
      entry("unitStatusChanged", at(9), { unitId: "u2", to: "onScene" }),
      entry("statusChanged", at(9), { from: "dispatched", to: "onScene" }),
      entry("unitStatusChanged", at(7), { unitId: "u1", to: "onScene" }),
    ]);
    expect(queued.onScene).toMatchObject({ at: at(7), seconds: 300 });
    const lateDispatchRecord = incidentMilestones(CREATED, [entry("unitDispatched", at(4)), entry("unitDispatched", at(2))]);
    expect(lateDispatchRecord.dispatched.at).toBe(at(2));
  });
});

describe("a unit's times on an incident", () => {
  const base = { state: "cleared" as const, dispatchedAt: at(0), onSceneAt: at(8), clearedAt: at(38) };
  it("travel is dispatched → on scene and on-scene time is on scene → cleared", () => {
    expect(dispatchTimes(base, Date.parse(at(100)))).toEqual({ travelSeconds: 480, onSceneSeconds: 1800, onSceneOngoing: false });
  });
  it("counts a unit still on scene until now, and gives nothing for a unit that never arrived", () => {
    expect(dispatchTimes({ ...base, state: "active", clearedAt: null }, Date.parse(at(20)))).toEqual({
      travelSeconds: 480,
      onSceneSeconds: 720,
      onSceneOngoing: true,
    });
    expect(dispatchTimes({ ...base, state: "cancelled", onSceneAt: null, clearedAt: null }, Date.parse(at(20)))).toEqual({
      travelSeconds: null,
      onSceneSeconds: null,
      onSceneOngoing: false,
    });
  });
});

describe("response times in words", () => {
  it("reads at a glance", () => {
    expect([null, 0, 45.4, 60, 252, 3600, 3900, 49 * 3600, 72 * 3600].map(formatSeconds)).toEqual([
      "—",
      "0 s",
      "45 s",
      "1 min",
      "4 min 12 s",
      "1 h",
      "1 h 5 min",
      "2 d 1 h",
      "3 d",
    ]);
  });
});
