import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ZIncidentType } from "@/lib/contracts/incidents";
import type { PrismaClient } from "@/server/db/generated/client";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import type { TRangePiece } from "./kpi-cells";
import { forgetCachedKpiCells, planRange } from "./kpi-range-cache";
import { computeKpiReport } from "./kpis";

type TIncidentType = z.infer<typeof ZIncidentType>;

const iso = (piece: TRangePiece) => [piece.from.toISOString(), piece.to.toISOString(), piece.cached];
const d = (text: string) => new Date(text);

describe("planRange", () => {
  it("cuts a year into live edges, whole finished days, and whole finished months", () => {
    const pieces = planRange(d("2025-11-25T10:30:00Z"), d("2026-11-25T09:00:00Z"), d("2026-11-25T09:00:00Z"));
    expect(pieces.slice(0, 3).map(iso)).toEqual([
      ["2025-11-25T10:30:00.000Z", "2025-11-26T00:00:00.000Z", null],
      ["2025-11-26T00:00:00.000Z", "2025-12-01T00:00:00.000Z", "days"],
      ["2025-12-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "month"],
    ]);
    expect(pieces.filter((p) => p.cached === "month").map((p) => p.from.toISOString().slice(0, 7))).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
    // November 2026 is not over: its finished days as one piece, then today read live.
    expect(pieces.slice(-2).map(iso)).toEqual([
      ["2026-11-01T00:00:00.000Z", "2026-11-25T00:00:00.000Z", "days"],
      ["2026-11-25T00:00:00.000Z", "2026-11-25T09:00:00.000Z", null],
    ]);
    // Back to back, from `from` to `to`.
    pieces.slice(1).forEach((piece, i) => expect(piece.from).toEqual(pieces[i].to));
    expect(pieces[0].from).toEqual(d("2025-11-25T10:30:00Z"));
  });

  it("caches a day only an hour after it ended, and never the future", () => {
    const justAfterMidnight = planRange(d("2026-11-20T00:00:00Z"), d("2026-11-26T00:00:00Z"), d("2026-11-25T00:30:00Z"));
    expect(justAfterMidnight.map(iso)).toEqual([
      ["2026-11-20T00:00:00.000Z", "2026-11-24T00:00:00.000Z", "days"],
      ["2026-11-24T00:00:00.000Z", "2026-11-26T00:00:00.000Z", null],
    ]);
    expect(planRange(d("2026-11-20T00:00:00Z"), d("2026-11-26T00:00:00Z"), d("2026-11-25T01:00:00Z")).map(iso)).toEqual([
      ["2026-11-20T00:00:00.000Z", "2026-11-25T00:00:00.000Z", "days"],
      ["2026-11-25T00:00:00.000Z", "2026-11-26T00:00:00.000Z", null],
    ]);
  });

  it("keeps days of two months apart, so each piece lies within one month", () => {
    expect(planRange(d("2026-10-20T00:00:00Z"), d("2026-11-10T00:00:00Z"), d("2026-11-25T09:00:00Z")).map(iso)).toEqual([
      ["2026-10-20T00:00:00.000Z", "2026-11-01T00:00:00.000Z", "days"],
      ["2026-11-01T00:00:00.000Z", "2026-11-10T00:00:00.000Z", "days"],
    ]);
  });

  it("reads a short or unfinished range live, and a long live stretch in two slices", () => {
    expect(planRange(d("2026-11-24T06:00:00Z"), d("2026-11-24T18:00:00Z"), d("2026-11-25T09:00:00Z")).map(iso)).toEqual([
      ["2026-11-24T06:00:00.000Z", "2026-11-24T18:00:00.000Z", null],
    ]);
    const future = planRange(d("2026-11-25T00:00:00Z"), d("2027-01-24T00:00:00Z"), d("2026-11-25T09:00:00Z"));
    expect(future.map(iso)).toEqual([
      ["2026-11-25T00:00:00.000Z", "2026-12-25T00:00:00.000Z", null],
      ["2026-12-25T00:00:00.000Z", "2027-01-24T00:00:00.000Z", null],
    ]);
  });
});

/** Incidents with set milestones; `now` is the real clock, so these past months are cached. */
const LONG = { from: "2026-01-15T00:00:00.000Z", to: "2026-05-10T00:00:00.000Z" };
const DETROIT = { timeZone: "America/Detroit" };

async function addIncident(prisma: PrismaClient, createdAt: Date, ackSeconds: number, type: TIncidentType = "fire") {
  return prisma.incident.create({
    data: {
      type,
      priority: "P2",
      status: "acknowledged",
      lon: -85.63,
      lat: 41.94,
      zone: "North",
      description: "KPI cache fixture",
      createdAt,
      acknowledgedAt: new Date(createdAt.getTime() + ackSeconds * 1000),
    },
  });
}

async function oracle(prisma: PrismaClient, type?: TIncidentType) {
  const [row] = await prisma.$queryRaw<{ n: number; mtta: number[] | null }[]>`
    SELECT count(*)::int AS n,
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', acknowledged_at - created_at)) AS mtta
    FROM incidents WHERE created_at >= ${new Date(LONG.from)} AND created_at < ${new Date(LONG.to)} AND (${type ?? null}::text IS NULL OR type = ${type ?? null})`;
  return { incidents: row.n, mtta: row.mtta ? row.mtta.map((v) => Math.round(v * 1e6) / 1e6) : [null, null] };
}

async function figures(prisma: PrismaClient, type?: TIncidentType) {
  const report = await computeKpiReport(prisma, { ...LONG, ...(type ? { type: [type] } : {}) }, DETROIT);
  const mtta = report.overall.find((f) => f.metric === "mtta")!;
  return {
    incidents: report.incidents,
    mtta: [mtta.p50Seconds, mtta.p90Seconds].map((v) => (v === null ? null : Math.round(v * 1e6) / 1e6)),
  };
}

describe.each(TEST_BACKENDS)("cached figures ($kind)", (backend) => {
  let prisma: PrismaClient;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await backend.open();
    prisma = opened.db.prisma;
    cleanup = opened.cleanup;
    // Spread over whole months, the finished days of January and of May (a piece each), all cached.
    const days = [
      "2026-01-15T05:00:00Z",
      "2026-01-20T12:00:00Z",
      "2026-02-03T08:00:00Z",
      "2026-02-28T23:59:00Z",
      "2026-03-01T00:00:00Z",
      "2026-03-17T16:00:00Z",
      "2026-04-30T23:00:00Z",
      "2026-05-09T23:59:59Z",
    ];
    for (const [i, at] of days.entries()) await addIncident(prisma, new Date(at), 60 * (i + 1), i % 2 ? "medical" : "fire");
    // Outside the range on both sides.
    await addIncident(prisma, new Date("2026-01-14T23:59:59Z"), 99_999);
    await addIncident(prisma, new Date("2026-05-10T00:00:00Z"), 99_999);
  });
  afterAll(async () => cleanup?.());

  it("gives the same figures from memory as read fresh, and as percentile_cont over the range", async () => {
    const fresh = await figures(prisma);
    expect(fresh).toEqual(await oracle(prisma));
    expect(fresh.incidents).toBe(8);
    const cached = await figures(prisma);
    expect(cached).toEqual(fresh);
    // Filters are applied to cached months too.
    expect(await figures(prisma, "medical")).toEqual(await oracle(prisma, "medical"));
  });

  it("re-reads a cached month when one of its incidents changes, through the timeline like the app does", async () => {
    await figures(prisma);
    const march = await addIncident(prisma, new Date("2026-03-10T10:00:00Z"), 30);
    expect(await figures(prisma)).toEqual(await oracle(prisma));
    expect((await figures(prisma)).incidents).toBe(9);

    // A late acknowledgement in the timeline sets the milestone by trigger; the month's counter moves with it.
    await prisma.incident.update({ where: { id: march.id }, data: { acknowledgedAt: null, status: "new" } });
    await prisma.incidentEvent.create({
      data: {
        incidentId: march.id,
        at: new Date("2026-03-10T12:00:00Z"),
        kind: "statusChanged",
        data: { from: "new", to: "acknowledged" },
      },
    });
    const [{ mtta }] = await prisma.$queryRaw<
      { mtta: number }[]
    >`SELECT date_part('epoch', acknowledged_at - created_at) AS mtta FROM incidents WHERE id = ${march.id}::uuid`;
    expect(mtta).toBe(7200);
    expect(await figures(prisma)).toEqual(await oracle(prisma));
  });

  it("counts changes per UTC day, and none for incidents created today (the hot path)", async () => {
    const version = async (day: string) =>
      (await prisma.$queryRaw<{ version: number }[]>`SELECT version::int AS version FROM kpi_day_versions WHERE day = ${day}::date`)[0]
        ?.version ?? 0;
    const before = await version("2026-02-03");
    await prisma.incident.updateMany({ where: { createdAt: new Date("2026-02-03T08:00:00Z") }, data: { notesText: "late note" } });
    expect(await version("2026-02-03")).toBe(before + 1);

    const today = new Date().toISOString().slice(0, 10);
    const now = await addIncident(prisma, new Date(), 10);
    await prisma.incident.update({ where: { id: now.id }, data: { status: "resolved" } });
    expect(await version(today)).toBe(0);
  });

  it("reads this month's days again once they grow by a day, though today's incidents count no change", async () => {
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 3));
    const range = { from: from.toISOString(), to: new Date(from.getTime() + 10 * 86_400_000).toISOString() };
    const before = await computeKpiReport(prisma, range, { ...DETROIT, now });
    await addIncident(prisma, now, 42);
    const today = await computeKpiReport(prisma, range, { ...DETROIT, now });
    expect(today.incidents).toBe(before.incidents + 1);
    // Tomorrow today is a finished day: the days piece now ends a day later, and must not be taken from memory.
    const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 2));
    expect((await computeKpiReport(prisma, range, { ...DETROIT, now: tomorrow })).incidents).toBe(today.incidents);
  });

  it("keeps the hour of day of each time zone apart", async () => {
    forgetCachedKpiCells(prisma);
    const detroit = await computeKpiReport(prisma, LONG, DETROIT);
    const utc = await computeKpiReport(prisma, LONG, { timeZone: "UTC" });
    const busy = (report: typeof utc) => report.byHour.filter((g) => g.incidents > 0).map((g) => g.key);
    // 10:00Z on 10 March (added above) is 06:00 in Detroit, on summer time since the 8th.
    expect(busy(utc)).toEqual(["0", "5", "8", "10", "12", "16", "23"]);
    expect(busy(detroit)).toEqual(["0", "3", "6", "7", "12", "18", "19"]);
  });
});
