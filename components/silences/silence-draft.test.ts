import { describe, expect, it } from "vitest";
import { fromWallClockInput, toWallClockInput } from "@/components/format/date-time";
import { draftToRequest, emptyDraft } from "./silence-draft";

const now = Date.parse("2026-12-03T10:00:00Z");

describe("the silence form's draft", () => {
  it("becomes a one-off request on the city's clock, with only the matchers given", () => {
    const draft = { ...emptyDraft(now, "Europe/Berlin"), zone: " Old Town ", reason: "Street festival" };
    const result = draftToRequest(draft);
    expect(result).toEqual({
      request: {
        matchers: { zone: "Old Town" },
        window: { kind: "once", startsAt: new Date(now - (now % 60_000)).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() },
        reason: "Street festival",
      },
    });
    // 10:00 UTC is 11:00 in Berlin, whatever zone the browser running this is in.
    expect(draft.startsAt).toBe("2026-12-03T11:00");
  });

  it("reads typed times on the city's wall clock", () => {
    const draft = {
      ...emptyDraft(now, "America/Detroit"),
      zone: "Central",
      reason: "Works",
      startsAt: "2026-12-24T08:00",
      endsAt: "2026-12-24T17:30",
    };
    expect(draftToRequest(draft)).toMatchObject({
      request: { window: { kind: "once", startsAt: "2026-12-24T13:00:00.000Z", endsAt: "2026-12-24T22:30:00.000Z" } },
    });
  });
});

describe("wall-clock inputs in a time zone", () => {
  it("round-trip every wall-clock minute, across clock changes (a repeated time reads as its first instant)", () => {
    for (const timeZone of ["Europe/Berlin", "America/Detroit", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]) {
      for (let ms = Date.parse("2026-01-01T00:00:00Z"); ms < Date.parse("2027-01-01T00:00:00Z"); ms += 7 * 60 * 60_000 + 60_000) {
        const wall = toWallClockInput(ms, timeZone);
        const read = fromWallClockInput(wall, timeZone);
        expect(toWallClockInput(read, timeZone), `${timeZone} ${new Date(ms).toISOString()}`).toBe(wall);
        expect(read).toBeLessThanOrEqual(ms);
        expect(ms - read === 0 || ms - read === 60 * 60_000 || ms - read === 30 * 60_000, `${timeZone} ${wall}`).toBe(true);
      }
    }
  });

  it("a time skipped by the spring clock change lands after it; one that happens twice takes the first", () => {
    expect(new Date(fromWallClockInput("2026-03-08T02:30", "America/Detroit")).toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(new Date(fromWallClockInput("2026-11-01T01:30", "America/Detroit")).toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(fromWallClockInput("not a time", "UTC")).toBeNaN();
  });

  it("becomes a recurring request with its days, times and time zone", () => {
    const draft = { ...emptyDraft(now, "Europe/Berlin"), kind: "recurring" as const, domain: "waste" as const, reason: "Night collection" };
    const result = draftToRequest(draft);
    expect(result).toMatchObject({
      request: {
        matchers: { domain: "waste" },
        window: { kind: "recurring", days: [1, 2, 3, 4, 5], from: "22:00", to: "06:00", timeZone: "Europe/Berlin" },
      },
    });
  });

  it("says what is missing", () => {
    expect(draftToRequest({ ...emptyDraft(now, "UTC"), reason: "x" })).toEqual({ error: expect.stringMatching(/^Matchers: /) });
    expect(draftToRequest({ ...emptyDraft(now, "UTC"), zone: "Central" })).toEqual({ error: "Reason: say why" });
    expect(draftToRequest({ ...emptyDraft(now, "UTC"), zone: "Central", reason: "x", kind: "recurring", days: [] })).toEqual({
      error: expect.stringMatching(/^Window: /),
    });
  });
});
