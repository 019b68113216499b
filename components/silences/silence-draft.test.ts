import { describe, expect, it } from "vitest";
import { draftToRequest, emptyDraft, toLocalInput } from "./silence-draft";

const now = Date.parse("2026-12-03T10:00:00Z");

describe("the silence form's draft", () => {
  it("becomes a one-off request on this browser's clock, with only the matchers given", () => {
    const draft = { ...emptyDraft(now, "Europe/Berlin"), zone: " Old Town ", reason: "Street festival" };
    const result = draftToRequest(draft);
    expect(result).toEqual({
      request: {
        matchers: { zone: "Old Town" },
        window: { kind: "once", startsAt: new Date(now - (now % 60_000)).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() },
        reason: "Street festival",
      },
    });
    expect(toLocalInput(now)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
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
