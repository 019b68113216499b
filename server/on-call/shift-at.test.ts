import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextShiftAfter, shiftAt } from "./shift-at";
import { wallTimeToInstant } from "./wall-time";

const rotaArb = fc.record({
  memberIds: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 }),
  shiftMinutes: fc.integer({ min: 15, max: 28 * 24 * 60 }),
  anchorAt: fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true }),
});
const instantArb = fc.date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true });

describe("who is on call (shiftAt)", () => {
  it("names exactly one member at any instant, whose shift contains it", () => {
    fc.assert(
      fc.property(rotaArb, instantArb, (rota, at) => {
        const shift = shiftAt(rota, at)!;
        expect(rota.memberIds).toContain(shift.memberId);
        expect(shift.from.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(shift.to.getTime()).toBeGreaterThan(at.getTime());
        expect(shift.to.getTime() - shift.from.getTime()).toBe(rota.shiftMinutes * 60_000);
        // Every instant of the shift names the same member: one person per instant, no gaps, no overlaps.
        const inside = new Date(shift.from.getTime() + Math.floor((shift.to.getTime() - shift.from.getTime()) / 2));
        expect(shiftAt(rota, inside)!.memberId).toBe(shift.memberId);
        expect(shiftAt(rota, shift.from)!.from).toEqual(shift.from);
      }),
    );
  });

  it("hands over in turn order at the end of each shift, wrapping around", () => {
    fc.assert(
      fc.property(rotaArb, instantArb, (rota, at) => {
        const shift = shiftAt(rota, at)!;
        const next = nextShiftAfter(rota, at)!;
        expect(next.from).toEqual(shift.to);
        expect(next.index).toBe((shift.index + 1) % rota.memberIds.length);
        expect(next.memberId).toBe(rota.memberIds[next.index]);
      }),
    );
  });

  it("gives each member one shift in every cycle of n shifts", () => {
    fc.assert(
      fc.property(rotaArb, instantArb, (rota, at) => {
        const shiftMs = rota.shiftMinutes * 60_000;
        const seen = rota.memberIds.map((_, k) => shiftAt(rota, new Date(at.getTime() + k * shiftMs))!.memberId);
        expect(new Set(seen).size).toBe(rota.memberIds.length);
      }),
    );
  });

  it("starts with the first member at the anchor, also before it", () => {
    const rota = { memberIds: ["ana", "ben", "cleo"], shiftMinutes: 8 * 60, anchorAt: new Date("2026-12-01T06:00:00Z") };
    expect(shiftAt(rota, new Date("2026-12-01T06:00:00Z"))!.memberId).toBe("ana");
    expect(shiftAt(rota, new Date("2026-12-01T13:59:59Z"))!.memberId).toBe("ana");
    expect(shiftAt(rota, new Date("2026-12-01T14:00:00Z"))!.memberId).toBe("ben");
    expect(shiftAt(rota, new Date("2026-12-01T22:00:00Z"))!.memberId).toBe("cleo");
    expect(shiftAt(rota, new Date("2026-12-02T06:00:00Z"))!.memberId).toBe("ana");
    expect(shiftAt(rota, new Date("2026-12-01T05:59:59Z"))!.memberId).toBe("cleo");
  });

  it("names nobody on an empty rota", () => {
    expect(shiftAt({ memberIds: [], shiftMinutes: 60, anchorAt: new Date() }, new Date())).toBeNull();
  });
});

describe("wall-clock rota starts (wallTimeToInstant)", () => {
  it("reads a local time in the city's zone", () => {
    expect(wallTimeToInstant("2026-12-03T08:00", "Europe/Berlin").toISOString()).toBe("2026-12-03T07:00:00.000Z");
    expect(wallTimeToInstant("2026-07-03T08:00", "Europe/Berlin").toISOString()).toBe("2026-07-03T06:00:00.000Z");
    expect(wallTimeToInstant("2026-12-03T08:00", "UTC").toISOString()).toBe("2026-12-03T08:00:00.000Z");
    expect(wallTimeToInstant("2026-12-03T08:00", "America/New_York").toISOString()).toBe("2026-12-03T13:00:00.000Z");
  });

  it("moves a skipped time an hour on and takes the first of a repeated one", () => {
    expect(wallTimeToInstant("2026-03-29T02:30", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(wallTimeToInstant("2026-10-25T02:30", "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips every whole-minute wall time that exists", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"),
        (date, timeZone) => {
          const at = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat("en-CA", {
              timeZone,
              hourCycle: "h23",
              year: "numeric",
              month: "2-digit",
              day: "2-digit",
              hour: "2-digit",
              minute: "2-digit",
            })
              .formatToParts(at)
              .map((p) => [p.type, p.value]),
          );
          const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
          const back = wallTimeToInstant(local, timeZone);
          // A repeated wall time maps to its first occurrence: never later than the instant it came from.
          expect(back.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime() - back.getTime()).toBeLessThanOrEqual(60 * 60_000);
          if (back.getTime() !== at.getTime()) expect(wallTimeToInstant(local, timeZone)).toEqual(back);
        },
      ),
    );
  });
});
