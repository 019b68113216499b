import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LAYERS } from "@/lib/contracts/layers";
import type { TSilenceMatchers, TSilenceWindow } from "@/lib/contracts/silences";
import { isInForce, occurrenceEnd, silenceMatches, type TSilenceRule, type TSilenceSubject } from "./silence-matches";

const YEAR_2026 = { min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) - 1 };
const DST_ZONES = ["Europe/Berlin", "Europe/London", "America/New_York", "Australia/Sydney"] as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const iso = (ms: number) => new Date(ms).toISOString();
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const instant = fc.integer(YEAR_2026);
const clockMinute = fc.integer({ min: 0, max: 24 * 60 - 1 });
const weekdays = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 });
const FAR = iso(Date.UTC(2030, 0, 1));

const recurring = (window: Omit<Extract<TSilenceWindow, { kind: "recurring" }>, "kind" | "until">, until = FAR): TSilenceRule => ({
  matchers: { domain: "waste" },
  window: { kind: "recurring", until, ...window },
  endsAt: until,
  cancelledAt: null,
});
const once = (startsAt: number, endsAt: number, cancelledAt: string | null = null): TSilenceRule => ({
  matchers: { domain: "waste" },
  window: { kind: "once", startsAt: iso(startsAt), endsAt: iso(endsAt) },
  endsAt: iso(endsAt),
  cancelledAt,
});

/** Minutes in [from, to) that match, stepping `stepMinutes` at a time. */
function matchedMinutes(rule: TSilenceRule, from: number, to: number, stepMinutes = 5): number {
  let count = 0;
  for (let t = from; t < to; t += stepMinutes * MINUTE) if (isInForce(rule, new Date(t))) count += stepMinutes;
  return count;
}

describe("silence matchers", () => {
  const subject = fc.record({
    ruleId: fc.constantFrom("waste.bin-full", "traffic.jam", "energy.outage"),
    entityId: fc.constantFrom("bin-1", "seg-2", "feeder-3"),
    domain: fc.constantFrom(...LAYERS),
    zone: fc.constantFrom("Central", "North-West", "Old Town"),
  });
  const fields = fc.uniqueArray(fc.constantFrom("ruleId", "entityId", "domain", "zone") as fc.Arbitrary<keyof TSilenceSubject>, {
    minLength: 1,
  });
  const now = new Date(Date.UTC(2026, 5, 1, 12));
  const always = (matchers: TSilenceMatchers): TSilenceRule => ({ ...once(0, Date.UTC(2030, 0, 1)), matchers });

  it("match when every given field equals the alert's, whatever the others are", () => {
    fc.assert(
      fc.property(subject, subject, fields, (alert, other, given) => {
        const matchers = Object.fromEntries(given.map((f) => [f, alert[f]])) as TSilenceMatchers;
        expect(silenceMatches(always(matchers), alert, now)).toBe(true);
        const expected = given.every((f) => other[f] === alert[f]);
        expect(silenceMatches(always(matchers), other, now)).toBe(expected);
      }),
    );
  });

  it("never match with no matcher at all", () => {
    fc.assert(
      fc.property(subject, (alert) => {
        expect(silenceMatches(always({}), alert, now)).toBe(false);
      }),
    );
  });
});

describe("one-off windows", () => {
  it("include their start and exclude their end", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 * DAY }), instant, (start, length, t) => {
        expect(isInForce(once(start, start + length), new Date(t))).toBe(start <= t && t < start + length);
      }),
    );
    expect(isInForce(once(1000, 2000), new Date(1000))).toBe(true);
    expect(isInForce(once(1000, 2000), new Date(1999))).toBe(true);
    expect(isInForce(once(1000, 2000), new Date(2000))).toBe(false);
  });
});

describe("expired and cancelled silences", () => {
  const window = fc.oneof(
    fc.tuple(instant, fc.integer({ min: 1, max: 30 * DAY })).map(([start, length]) => once(start, start + length)),
    fc
      .record({ days: weekdays, from: clockMinute, to: clockMinute, timeZone: fc.constantFrom("UTC", ...DST_ZONES), until: instant })
      .filter((w) => w.from !== w.to)
      .map(({ until, from, to, ...w }) => recurring({ ...w, from: hhmm(from), to: hhmm(to) }, iso(until))),
  );

  it("never match at or after their expiry", () => {
    fc.assert(
      fc.property(window, fc.integer({ min: 0, max: 60 * DAY }), (rule, after) => {
        expect(isInForce(rule, new Date(Date.parse(rule.endsAt) + after))).toBe(false);
      }),
    );
  });

  it("never match from their cancellation on", () => {
    fc.assert(
      fc.property(window, instant, fc.integer({ min: 0, max: 60 * DAY }), (rule, cancelledAt, after) => {
        expect(isInForce({ ...rule, cancelledAt: iso(cancelledAt) }, new Date(cancelledAt + after))).toBe(false);
      }),
    );
  });
});

describe("recurring windows", () => {
  it("follow the UTC clock exactly in UTC (oracle: getUTCDay / getUTCHours)", () => {
    fc.assert(
      fc.property(weekdays, clockMinute, clockMinute, instant, (days, from, to, t) => {
        fc.pre(from !== to);
        const at = new Date(t);
        const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
        const day = at.getUTCDay();
        const expected =
          from < to
            ? days.includes(day) && from <= minute && minute < to
            : (days.includes(day) && minute >= from) || (days.includes((day + 6) % 7) && minute < to);
        expect(isInForce(recurring({ days, from: hhmm(from), to: hhmm(to), timeZone: "UTC" }), at)).toBe(expected);
      }),
    );
  });

  it("across midnight are the evening of a listed day plus the morning after it, in any zone", () => {
    fc.assert(
      fc.property(weekdays, clockMinute, clockMinute, fc.constantFrom(...DST_ZONES), instant, (days, from, to, timeZone, t) => {
        fc.pre(to < from);
        const at = new Date(t);
        const whole = recurring({ days, from: hhmm(from), to: hhmm(to), timeZone });
        const evening = recurring({ days, from: hhmm(from), to: "24:00", timeZone });
        const morning = recurring({ days: days.map((d) => (d + 1) % 7), from: "00:00", to: hhmm(to), timeZone });
        // A window ending at 00:00 has no morning part.
        expect(isInForce(whole, at)).toBe(isInForce(evening, at) || (to > 0 && isInForce(morning, at)));
      }),
    );
  });

  it("last as long on the wall clock on every day of the year, DST days included", () => {
    const daytime = fc.integer({ min: 4 * 12, max: 23 * 12 }).map((fiveMinutes) => fiveMinutes * 5);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), daytime, daytime, fc.constantFrom(...DST_ZONES), (dayOfYear, a, b, timeZone) => {
        fc.pre(a !== b);
        const [from, to] = a < b ? [a, b] : [b, a];
        const midnight = Date.UTC(2026, 0, 1) + dayOfYear * DAY;
        // Listing one weekday: the only occurrence within these three UTC days is on that local date.
        const weekday = new Date(midnight).getUTCDay();
        const rule = recurring({ days: [weekday], from: hhmm(from), to: hhmm(to), timeZone });
        expect(matchedMinutes(rule, midnight - DAY, midnight + 2 * DAY)).toBe(to - from);
      }),
      { numRuns: 40 },
    );
  });

  it("skip the hour that DST skips and cover the repeated hour twice (Europe/Berlin, 2026)", () => {
    const nightly = recurring({ days: [0, 1, 2, 3, 4, 5, 6], from: "02:00", to: "03:00", timeZone: "Europe/Berlin" });
    const springDay = Date.UTC(2026, 2, 28, 23); // 29 March 00:00 CET
    const autumnDay = Date.UTC(2026, 9, 24, 22); // 25 October 00:00 CEST
    expect(matchedMinutes(nightly, springDay, springDay + DAY - 60 * MINUTE, 1)).toBe(0);
    expect(matchedMinutes(nightly, autumnDay, autumnDay + DAY + 60 * MINUTE, 1)).toBe(120);

    const overnight = recurring({ days: [6], from: "22:00", to: "06:00", timeZone: "Europe/Berlin" });
    expect(matchedMinutes(overnight, springDay - DAY, springDay + DAY, 1)).toBe(7 * 60);
    const autumnOvernight = recurring({ days: [6], from: "22:00", to: "06:00", timeZone: "Europe/Berlin" });
    expect(matchedMinutes(autumnOvernight, autumnDay - DAY, autumnDay + DAY, 1)).toBe(9 * 60);

    const morning = recurring({ days: [0], from: "08:00", to: "09:00", timeZone: "Europe/Berlin" });
    expect(isInForce(morning, new Date("2026-03-29T06:30:00Z"))).toBe(true); // 08:30 CEST
    expect(isInForce(morning, new Date("2026-03-29T07:30:00Z"))).toBe(false); // 09:30 CEST
  });

  it("end their occurrence at the local end time, across a DST change and never after the expiry", () => {
    const overnight = recurring({ days: [6], from: "22:00", to: "06:00", timeZone: "Europe/Berlin" });
    expect(occurrenceEnd(overnight, new Date("2026-03-28T23:30:00Z")).toISOString()).toBe("2026-03-29T04:00:00.000Z");
    expect(occurrenceEnd(overnight, new Date("2026-10-24T23:30:00Z")).toISOString()).toBe("2026-10-25T05:00:00.000Z");
    const ending = recurring({ days: [6], from: "22:00", to: "06:00", timeZone: "Europe/Berlin" }, "2026-03-29T01:00:00.000Z");
    expect(occurrenceEnd(ending, new Date("2026-03-28T23:30:00Z")).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(occurrenceEnd(once(1000, 5000), new Date(2000)).toISOString()).toBe(iso(5000));
  });

  it("end each occurrence where matching stops (any zone, any window)", () => {
    fc.assert(
      fc.property(weekdays, clockMinute, clockMinute, fc.constantFrom("UTC", ...DST_ZONES), instant, (days, from, to, timeZone, t) => {
        fc.pre(from !== to);
        const rule = recurring({ days, from: hhmm(from), to: hhmm(to), timeZone });
        const at = new Date(t);
        fc.pre(isInForce(rule, at));
        const end = occurrenceEnd(rule, at).getTime();
        expect(end).toBeGreaterThan(t);
        expect(isInForce(rule, new Date(end - MINUTE))).toBe(true);
      }),
    );
  });
});
