import { describe, expect, it } from "vitest";
import { silenceState } from "./silences";

const at = (iso: string) => Date.parse(iso);
const silence = { startsAt: "2026-12-03T06:00:00.000Z", endsAt: "2026-12-03T07:00:00.000Z", cancelledAt: null };

describe("silenceState", () => {
  it("is upcoming before its start, active until its end, ended from its end", () => {
    expect(silenceState(silence, at("2026-12-03T05:59:00Z"))).toBe("upcoming");
    expect(silenceState(silence, at("2026-12-03T06:00:00Z"))).toBe("active");
    expect(silenceState(silence, at("2026-12-03T07:00:00Z"))).toBe("ended");
  });

  it("is ended once cancelled, even on a clock that still reads a moment before the cancel (a page's minute tick)", () => {
    const cancelled = { ...silence, cancelledAt: "2026-12-03T06:30:20.000Z" };
    expect(silenceState(cancelled, at("2026-12-03T06:30:00Z"))).toBe("ended");
  });
});
