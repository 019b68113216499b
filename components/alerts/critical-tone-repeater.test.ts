import { describe, expect, it } from "vitest";
import { createCriticalToneRepeater } from "./critical-tone-repeater";

const REPEAT = 30_000;

function repeater() {
  const played: number[] = [];
  let now = 0;
  const tone = createCriticalToneRepeater(() => played.push(now), REPEAT);
  return {
    played,
    update(state: { hasFresh: boolean; hasWaiting: boolean; isMuted?: boolean }, at: number) {
      now = at;
      tone.update({ isMuted: false, ...state }, at);
    },
    /** Ticks every second from `from` to `to`, as the page's timer does. */
    run(from: number, to: number) {
      for (let t = from; t <= to; t += 1000) {
        now = t;
        tone.tick(t);
      }
    },
  };
}

describe("the critical-alert tone", () => {
  it("sounds at once for a new critical alert and again every 30 s while it waits unacknowledged", () => {
    const r = repeater();
    r.update({ hasFresh: true, hasWaiting: true }, 0);
    r.run(1000, 95_000);
    expect(r.played).toEqual([0, 30_000, 60_000, 90_000]);
  });

  it("stops repeating once nothing waits, and starts over with the next critical alert", () => {
    const r = repeater();
    r.update({ hasFresh: true, hasWaiting: true }, 0);
    r.run(1000, 40_000);
    r.update({ hasFresh: false, hasWaiting: false }, 41_000);
    r.run(42_000, 120_000);
    r.update({ hasFresh: true, hasWaiting: true }, 121_000);
    r.run(122_000, 152_000);
    expect(r.played).toEqual([0, 30_000, 121_000, 151_000]);
  });

  it("a second critical alert sounds at once and the repeat counts from it", () => {
    const r = repeater();
    r.update({ hasFresh: true, hasWaiting: true }, 0);
    r.run(1000, 20_000);
    r.update({ hasFresh: true, hasWaiting: true }, 20_500);
    r.run(21_000, 55_000);
    expect(r.played).toEqual([0, 20_500, 51_000]);
  });

  it("muted, it never sounds; unmuted, it resumes at the next repeat, not at once", () => {
    const r = repeater();
    r.update({ hasFresh: true, hasWaiting: true, isMuted: true }, 0);
    r.run(1000, 45_000);
    expect(r.played).toEqual([]);
    r.update({ hasFresh: false, hasWaiting: true, isMuted: false }, 45_500);
    expect(r.played).toEqual([]);
    r.run(46_000, 46_000);
    // The last tone was "due" at 30 s (muted): unmuted past that, the next tick sounds.
    expect(r.played).toEqual([46_000]);
  });

  it("sounds once for a storm of new critical alerts, not once per alert", () => {
    const r = repeater();
    for (let at = 0; at <= 12_000; at += 100) r.update({ hasFresh: true, hasWaiting: true }, at);
    // One tone per 5 s of arrivals; the repeat counts from the last tone.
    expect(r.played).toEqual([0, 5_000, 10_000]);
    r.run(13_000, 41_000);
    expect(r.played).toEqual([0, 5_000, 10_000, 40_000]);
  });
});
