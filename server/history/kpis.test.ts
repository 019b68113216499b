import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TKpiFigure, TKpiGroup, TKpiMetric, TKpiReport } from "@/lib/contracts/history";
import type { TAuditPage } from "@/lib/contracts/auth";
import type { PrismaClient } from "@/server/db/generated/client";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { computeKpiReport } from "./kpis";

const DETROIT = { timeZone: "America/Detroit" };
const RANGE = { from: "2026-03-01T00:00:00.000Z", to: "2026-03-02T00:00:00.000Z" };
const at = (iso: string, plusSeconds: number) => new Date(Date.parse(iso) + plusSeconds * 1000);

type TFixture = {
  type: string;
  zone: string;
  createdAt: string;
  /** Seconds after creation; omitted: the incident never got there. */
  ack?: number;
  dispatched?: number;
  onScene?: number;
  resolved?: number;
};

/**
 * Milestones set directly, so every expected figure below can be worked out by hand.
 * Early March: Detroit is on EST (UTC−5). percentile_cont interpolates: p at (n−1)·p between sorted values.
 */
const FIXTURE: Record<string, TFixture> = {
  A: { type: "fire", zone: "North", createdAt: "2026-03-01T03:30:00.000Z", ack: 60, dispatched: 120, onScene: 420, resolved: 3600 }, // 22h local
  B: { type: "fire", zone: "North", createdAt: "2026-03-01T03:45:00.000Z", ack: 120, dispatched: 240, onScene: 840, resolved: 7200 }, // 22h
  C: { type: "fire", zone: "Central", createdAt: "2026-03-01T14:00:00.000Z", ack: 180, dispatched: 300, onScene: 1200 }, // 9h, unresolved
  D: { type: "medical", zone: "Central", createdAt: "2026-03-01T14:20:00.000Z", ack: 30, dispatched: 60, onScene: 360, resolved: 1800 }, // 9h
  // On scene by a status change without a unit dispatch: no time to arrive.
  E: { type: "medical", zone: "South", createdAt: "2026-03-01T15:05:00.000Z", ack: 90, onScene: 600, resolved: 2400 }, // 10h
  F: { type: "medical", zone: "South", createdAt: "2026-03-01T23:59:59.999Z" }, // 18h, nothing happened yet; last instant in range
  G: { type: "hazard", zone: "Central", createdAt: "2026-03-01T00:00:00.000Z", ack: 300 }, // 19h the day before; from is inclusive
  // Outside [from, to): to is exclusive. Their milestones would change every figure if they leaked in.
  H: { type: "fire", zone: "North", createdAt: "2026-03-02T00:00:00.000Z", ack: 1, dispatched: 2, onScene: 3, resolved: 4 },
  I: {
    type: "fire",
    zone: "North",
    createdAt: "2026-02-28T23:59:59.999Z",
    ack: 99_999,
    dispatched: 99_999,
    onScene: 99_999,
    resolved: 99_999,
  },
};

const TARGETS: Partial<Record<TKpiMetric, number>> = { mtta: 100, timeToArrive: 600, mttr: 3600 };

async function seedFixture(prisma: PrismaClient): Promise<void> {
  await prisma.kpiTarget.deleteMany();
  await prisma.kpiTarget.createMany({ data: Object.entries(TARGETS).map(([metric, targetSeconds]) => ({ metric, targetSeconds })) });
  for (const [name, f] of Object.entries(FIXTURE)) {
    const milestone = (seconds: number | undefined) => (seconds === undefined ? null : at(f.createdAt, seconds));
    await prisma.incident.create({
      data: {
        type: f.type,
        priority: "P2",
        status: "new",
        lon: -85.63,
        lat: 41.94,
        zone: f.zone,
        description: `KPI fixture ${name}`,
        createdAt: new Date(f.createdAt),
        acknowledgedAt: milestone(f.ack),
        firstDispatchedAt: milestone(f.dispatched),
        firstOnSceneAt: milestone(f.onScene),
        resolvedAt: milestone(f.resolved),
      },
    });
  }
}

/** [count, p50, p90, withinTarget] per metric, in KPI_METRICS order. */
type TExpected = Record<TKpiMetric, [number, number | null, number | null, number | null]>;

function figuresOf(figures: TKpiFigure[]): TExpected {
  const round = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);
  return Object.fromEntries(
    figures.map((f) => [f.metric, [f.count, round(f.p50Seconds), round(f.p90Seconds), round(f.withinTarget)]]),
  ) as TExpected;
}

const groupOf = (groups: TKpiGroup[], key: string) => {
  const group = groups.find((g) => g.key === key);
  if (!group) throw new Error(`no group ${key} in ${groups.map((g) => g.key).join(", ")}`);
  return { incidents: group.incidents, figures: figuresOf(group.figures) };
};

const third = Math.round((1 / 3) * 1e6) / 1e6;
const twoThirds = Math.round((2 / 3) * 1e6) / 1e6;

describe.each(TEST_BACKENDS)("response-time figures ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let cleanup: () => Promise<void>;
  let prisma: PrismaClient;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    prisma = opened.db.prisma;
    t = await startAlertsTestApp(opened.db);
    await seedFixture(prisma);
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
  });

  it("works out counts, medians, 90th percentiles and within-target shares over the whole range", async () => {
    const report = await computeKpiReport(prisma, RANGE, DETROIT);
    expect(report).toMatchObject({ from: RANGE.from, to: RANGE.to, incidents: 7, resolved: 4 });
    expect(figuresOf(report.overall)).toEqual({
      mtta: [6, 105, 240, 0.5], // 30 60 90 120 180 300; ≤ 100 s: three of six
      timeToDispatch: [4, 180, 282, null], // 60 120 240 300; no target
      timeToArrive: [4, 450, 810, 0.75], // 300 300 600 900 (E was never dispatched)
      mttr: [4, 3000, 6120, 0.75], // 1800 2400 3600 7200 (C, F, G unresolved)
    });
    expect(report.overall.map((f) => f.targetSeconds)).toEqual([100, null, 600, 3600]);
  });

  it("reads a long range in slices and still gives PostgreSQL's own percentile_cont over the whole range", async () => {
    // Sixty days around the fixture (H and I fall inside now): split at mid-February, both halves hold incidents.
    const long = { from: "2026-01-31T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z" };
    await prisma.incident.create({
      data: {
        type: "fire",
        priority: "P2",
        status: "resolved",
        lon: -85.63,
        lat: 41.94,
        zone: "North",
        description: "KPI fixture early",
        createdAt: new Date("2026-02-01T03:30:00.000Z"),
        acknowledgedAt: new Date("2026-02-01T03:31:40.000Z"),
        resolvedAt: new Date("2026-02-01T05:00:00.000Z"),
      },
    });
    const report = await computeKpiReport(prisma, long, DETROIT);
    const [oracle] = await prisma.$queryRaw<{ n: number; mtta: number[]; mttr: number[] }[]>`
      SELECT count(*)::int AS n,
        percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', acknowledged_at - created_at)) AS mtta,
        percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', resolved_at - created_at)) AS mttr
      FROM incidents WHERE created_at >= ${new Date(long.from)} AND created_at < ${new Date(long.to)}`;
    expect(report.incidents).toBe(oracle.n);
    const overall = figuresOf(report.overall);
    const round = (values: number[]) => values.map((v) => Math.round(v * 1e6) / 1e6);
    expect(overall.mtta.slice(1, 3)).toEqual(round(oracle.mtta));
    expect(overall.mttr.slice(1, 3)).toEqual(round(oracle.mttr));
  });

  it("breaks the figures down by type and by zone, busiest first", async () => {
    const report = await computeKpiReport(prisma, RANGE, DETROIT);
    expect(report.byType.map((g) => [g.key, g.incidents])).toEqual([
      ["fire", 3],
      ["medical", 3],
      ["hazard", 1],
    ]);
    expect(groupOf(report.byType, "fire").figures).toEqual({
      mtta: [3, 120, 168, third],
      timeToDispatch: [3, 240, 288, null],
      timeToArrive: [3, 600, 840, twoThirds],
      mttr: [2, 5400, 6840, 0.5],
    });
    expect(groupOf(report.byType, "medical").figures).toEqual({
      mtta: [2, 60, 84, 1],
      timeToDispatch: [1, 60, 60, null],
      timeToArrive: [1, 300, 300, 1],
      mttr: [2, 2100, 2340, 1],
    });
    // Reached one step only: the others have no figures and no share (nothing to divide by).
    expect(groupOf(report.byType, "hazard").figures).toEqual({
      mtta: [1, 300, 300, 0],
      timeToDispatch: [0, null, null, null],
      timeToArrive: [0, null, null, null],
      mttr: [0, null, null, null],
    });

    expect(report.byZone.map((g) => [g.key, g.incidents])).toEqual([
      ["Central", 3],
      ["North", 2],
      ["South", 2],
    ]);
    expect(groupOf(report.byZone, "Central").figures).toEqual({
      mtta: [3, 180, 276, third],
      timeToDispatch: [2, 180, 276, null],
      timeToArrive: [2, 600, 840, 0.5],
      mttr: [1, 1800, 1800, 1],
    });
    expect(groupOf(report.byZone, "North").figures).toEqual({
      mtta: [2, 90, 114, 0.5],
      timeToDispatch: [2, 180, 228, null],
      timeToArrive: [2, 450, 570, 1],
      mttr: [2, 5400, 6840, 0.5],
    });
    expect(groupOf(report.byZone, "South").figures).toEqual({
      mtta: [1, 90, 90, 1],
      timeToDispatch: [0, null, null, null],
      timeToArrive: [0, null, null, null],
      mttr: [1, 2400, 2400, 1],
    });
  });

  it("reads the hour of day on the city's clock and lists all 24 hours", async () => {
    const report = await computeKpiReport(prisma, RANGE, DETROIT);
    expect(report.byHour.map((g) => g.key)).toEqual(Array.from({ length: 24 }, (_, h) => String(h)));
    const busy = report.byHour.filter((g) => g.incidents > 0).map((g) => [g.key, g.incidents]);
    expect(busy).toEqual([
      ["9", 2],
      ["10", 1],
      ["18", 1],
      ["19", 1],
      ["22", 2],
    ]);
    expect(groupOf(report.byHour, "9").figures).toEqual({
      mtta: [2, 105, 165, 0.5],
      timeToDispatch: [2, 180, 276, null],
      timeToArrive: [2, 600, 840, 0.5],
      mttr: [1, 1800, 1800, 1],
    });
    expect(groupOf(report.byHour, "22").figures).toEqual(groupOf(report.byZone, "North").figures);
    expect(groupOf(report.byHour, "0")).toEqual({
      incidents: 0,
      figures: {
        mtta: [0, null, null, null],
        timeToDispatch: [0, null, null, null],
        timeToArrive: [0, null, null, null],
        mttr: [0, null, null, null],
      },
    });
    expect(report.byHour[0].figures.map((f) => f.targetSeconds)).toEqual([100, null, 600, 3600]);

    const utc = await computeKpiReport(prisma, RANGE, { timeZone: "UTC" });
    expect(utc.byHour.filter((g) => g.incidents > 0).map((g) => [g.key, g.incidents])).toEqual([
      ["0", 1],
      ["3", 2],
      ["14", 2],
      ["15", 1],
      ["23", 1],
    ]);
  });

  it("narrows to types and a zone", async () => {
    const fireAndHazard = await computeKpiReport(prisma, { ...RANGE, type: ["fire", "hazard"] }, DETROIT);
    expect(fireAndHazard.incidents).toBe(4);
    expect(fireAndHazard.byType.map((g) => g.key)).toEqual(["fire", "hazard"]);
    expect(figuresOf(fireAndHazard.overall).mtta).toEqual([4, 150, 264, 0.25]); // 60 120 180 300

    const south = await computeKpiReport(prisma, { ...RANGE, zone: "South" }, DETROIT);
    expect(south).toMatchObject({ incidents: 2, resolved: 1 });
    expect(south.byZone.map((g) => g.key)).toEqual(["South"]);

    const none = await computeKpiReport(prisma, { ...RANGE, zone: "Nowhere" }, DETROIT);
    expect(none).toMatchObject({ incidents: 0, resolved: 0, byType: [], byZone: [] });
    expect(none.overall.map((f) => [f.count, f.p50Seconds, f.withinTarget, f.targetSeconds])).toEqual([
      [0, null, null, 100],
      [0, null, null, null],
      [0, null, null, 600],
      [0, null, null, 3600],
    ]);
  });

  it("serves the report to supervisors only and refuses empty, backwards and over-long ranges", async () => {
    const kpis = (query: string, cookie = t.cookies.supervisor) => t.app.request(`/api/history/kpis?${query}`, { cookie });
    const ok = await kpis(`from=${RANGE.from}&to=${RANGE.to}&type=fire,medical&zone=North`);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body as TKpiReport).toMatchObject({ incidents: 2, resolved: 2, byType: [{ key: "fire", incidents: 2 }] });

    expect((await kpis(`from=${RANGE.from}&to=${RANGE.to}`, t.cookies.operator)).status).toBe(403);
    const same = await kpis(`from=${RANGE.from}&to=${RANGE.from}`);
    expect(same.status).toBe(400);
    expect(same.body.fieldErrors).toEqual({ to: ["must be after from"] });
    expect((await kpis(`from=${RANGE.to}&to=${RANGE.from}`)).status).toBe(400);
    expect((await kpis(`from=2023-03-01T00:00:00Z&to=2026-03-02T00:00:00Z`)).status).toBe(200); // three years and a day
    const tooLong = await kpis(`from=2023-03-01T00:00:00Z&to=2026-03-02T00:00:00.001Z`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fieldErrors).toHaveProperty("to");
    expect((await kpis(`from=${RANGE.from}&to=${RANGE.to}&type=fire,alien`)).body.fieldErrors).toHaveProperty("type");
    expect((await kpis(`from=yesterday&to=${RANGE.to}`)).body.fieldErrors).toHaveProperty("from");
  });

  it("lets supervisors set and remove targets, audited, and the report follows", async () => {
    const path = "/api/history/kpi-targets";
    const put = (targets: unknown, cookie = t.cookies.supervisor) => t.app.request(path, { method: "PUT", body: { targets }, cookie });
    const before = (await t.app.request(path, { cookie: t.cookies.supervisor })).body;
    expect(before).toEqual({ targets: { mtta: 100, timeToDispatch: null, timeToArrive: 600, mttr: 3600 } });

    const saved = await put({ mtta: 90, timeToDispatch: 240, mttr: null });
    expect(saved.status, saved.text).toBe(200);
    const expected = { targets: { mtta: 90, timeToDispatch: 240, timeToArrive: 600, mttr: null } };
    expect(saved.body).toEqual(expected);
    expect((await t.app.request(path, { cookie: t.cookies.supervisor })).body).toEqual(expected);

    const audit = (await t.app.request(`/api/audit?action=kpi.targets_updated`, { cookie: t.cookies.supervisor })).body as TAuditPage;
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      actorId: t.ids.supervisor,
      entityType: "kpi_targets",
      before: before.targets,
      after: expected.targets,
    });

    const report = (await t.app.request(`/api/history/kpis?from=${RANGE.from}&to=${RANGE.to}`, { cookie: t.cookies.supervisor }))
      .body as TKpiReport;
    expect(figuresOf(report.overall)).toMatchObject({
      mtta: [6, 105, 240, 0.5],
      timeToDispatch: [4, 180, 282, 0.75],
      mttr: [4, 3000, 6120, null],
    });

    for (const role of ["operator", "field", "admin"] as const) {
      expect((await put({ mtta: 1 }, t.cookies[role])).status).toBe(403);
      expect((await t.app.request(path, { cookie: t.cookies[role] })).status).toBe(403);
    }
    expect((await put({ mtta: 0 })).status).toBe(400);
    expect((await put({ mtta: 7 * 86_400 + 1 })).status).toBe(400);
    expect((await put({ mtta: 1.5 })).status).toBe(400);
    expect((await t.app.request(path, { cookie: t.cookies.supervisor })).body).toEqual(expected);
  });
});
