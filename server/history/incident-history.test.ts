import { describe, expect, it } from "vitest";
import type { TIncidentHistoryPage, TIncidentHistoryRow } from "@/lib/contracts/history";
import type { TIncident } from "@/lib/contracts/incidents";
import { Prisma } from "@/server/db/generated/client";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import {
  byNewest,
  byOldest,
  byPriority,
  insertHistoryIncidents,
  walkPages,
  type THistoryIncident,
} from "@/test/fixtures/history-incidents";
import { incidentHistoryConditions } from "./incident-history-filter";

const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;

/** /api/history/incidents through the real route: keyset paging under concurrent inserts, every filter, roles. */
describe.each(TEST_BACKENDS)("incident history ($kind)", (backend) => {
  let t: TAlertsTestApp;

  withAlertsTestApp(backend, (app) => {
    t = app;
  });

  const prisma = () => t.app.db.prisma;
  const page = async (query: string, cookie = t.cookies.supervisor) => {
    const response = await t.app.request(`/api/history/incidents?${query}`, { cookie });
    expect(response.status, response.text).toBe(200);
    return response.body as TIncidentHistoryPage;
  };
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const view = (i: THistoryIncident) => ({ id: i.id, createdAt: i.createdAt.toISOString(), priority: i.priority });

  it.each(["newest", "oldest", "priority"] as const)(
    "walks every page sorted %s: each row exactly once, in order, while new incidents keep arriving",
    async (sort) => {
      const zone = `Paging-${sort}`;
      // 230 incidents on 60 timestamps: most timestamps are shared, so ties must be broken by id.
      const base = Date.parse("2024-03-01T08:00:00.000Z");
      const original = await insertHistoryIncidents(
        prisma(),
        Array.from({ length: 230 }, (_, i) => ({ zone, createdAt: new Date(base + (i % 60) * 60_000), priority: PRIORITIES[(i * 7) % 4] })),
      );
      const order = { newest: byNewest, oldest: byOldest, priority: byPriority }[sort];
      const expected = original
        .map(view)
        .sort(order)
        .map((r) => r.id);

      const arrived: THistoryIncident[] = [];
      const { rows, pages } = await walkPages(
        async (cursor) => page(`zone=${zone}&sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ""}`),
        async (index) => {
          // A new call (newer than everything) and a late-logged one sharing a timestamp already on the list.
          arrived.push(
            ...(await insertHistoryIncidents(prisma(), [
              { zone, createdAt: new Date(), priority: PRIORITIES[index % 4] },
              { zone, createdAt: new Date(base + ((index * 13) % 60) * 60_000), priority: PRIORITIES[(index + 2) % 4] },
            ])),
          );
        },
      );
      expect(pages).toBeGreaterThanOrEqual(33);
      const seen = ids(rows);
      expect(new Set(seen).size, "no row repeated").toBe(seen.length);
      const originalIds = new Set(expected);
      expect(
        seen.filter((id) => originalIds.has(id)),
        "every original row, in order",
      ).toEqual(expected);
      const arrivedIds = new Set(ids(arrived));
      expect(seen.every((id) => originalIds.has(id) || arrivedIds.has(id))).toBe(true);
      // Whatever was seen is in the sort's order, arrivals included.
      expect(
        rows
          .map((r) => ({ id: r.id, createdAt: r.createdAt, priority: r.priority }))
          .sort(order)
          .map((r) => r.id),
      ).toEqual(seen);
      if (sort === "newest") {
        // Calls that arrive while paging are newer than the first page: they never push a row onto the next one.
        const fresh = new Set(ids(arrived.filter((a) => a.createdAt.getTime() > base + 86_400_000)));
        expect(seen.filter((id) => fresh.has(id))).toEqual([]);
      }
    },
  );

  it("filters by range, type, priority, status, zone, unit, operator and free text", async () => {
    const zone = "Filters";
    const at = (minute: number) => new Date(Date.parse("2023-06-01T10:00:00.000Z") + minute * 60_000);
    const [fire, medical, collision, noise] = await insertHistoryIncidents(prisma(), [
      {
        zone,
        createdAt: at(0),
        type: "fire",
        priority: "P1",
        status: "closed",
        address: "12 Main Street",
        description: "Smoke from a garage roof",
      },
      {
        zone,
        createdAt: at(1),
        type: "medical",
        priority: "P2",
        status: "resolved",
        description: "Fall at home",
        createdById: t.ids.supervisor,
      },
      {
        zone,
        createdAt: at(2),
        type: "trafficCollision",
        priority: "P3",
        status: "closed",
        description: "Two cars",
        createdById: t.ids.operator,
      },
      { zone, createdAt: at(3), type: "publicDisturbance", priority: "P4", status: "new", description: "Loud party" },
    ]);
    // The operator acts on `noise` through the real route: a timeline entry by them, and a note to search.
    const noted = await t.app.request(`/api/incidents/${noise.id}/notes`, {
      body: { text: "Neighbours mention a ladder" },
      cookie: t.cookies.operator,
    });
    expect(noted.status, noted.text).toBe(201);
    // Two units sent to the fire (one of them twice): the unit filter and the units column.
    await prisma().unit.createMany({
      data: [
        { id: "hist-e-1", callSign: "HE-1", type: "fire", stationId: "station-fire" },
        { id: "hist-m-1", callSign: "HM-1", type: "ems", stationId: "station-ems" },
      ],
    });
    const dispatch = (unitId: string, incidentId: string, minute: number, state: string) => ({
      incidentId,
      unitId,
      state,
      dispatchedAt: at(minute),
      etaSeconds: 120,
      distanceM: 900,
      route: [],
    });
    await prisma().dispatch.createMany({
      data: [
        dispatch("hist-e-1", fire.id, 1, "cleared"),
        dispatch("hist-m-1", fire.id, 2, "cleared"),
        dispatch("hist-e-1", fire.id, 3, "cleared"),
        dispatch("hist-m-1", medical.id, 4, "cleared"),
      ],
    });

    const found = async (query: string) => ids((await page(`zone=${zone}&sort=oldest&${query}`)).rows);
    expect(await found("")).toEqual(ids([fire, medical, collision, noise]));
    expect(await found(`from=${at(1).toISOString()}&to=${at(3).toISOString()}`)).toEqual(ids([medical, collision]));
    expect(await found("type=fire,medical")).toEqual(ids([fire, medical]));
    expect(await found("priority=P1,P3")).toEqual(ids([fire, collision]));
    expect(await found("status=new,resolved")).toEqual(ids([medical, noise]));
    expect(await found("unit=hist-e-1")).toEqual(ids([fire]));
    expect(await found("unit=hist-m-1")).toEqual(ids([fire, medical]));
    expect(await found(`operator=${t.ids.operator}`)).toEqual(ids([collision, noise]));
    expect(await found(`operator=${t.ids.supervisor}`)).toEqual(ids([medical]));
    // A busy operator is matched by probing the timeline row by row instead: same incidents either way.
    for (const busyOperatorEntries of [1, 1_000_000]) {
      const conditions = await incidentHistoryConditions(prisma(), { zone, operator: t.ids.operator }, { busyOperatorEntries });
      const rows = await prisma().$queryRaw<{ id: string }[]>`
        SELECT t.id::text AS id FROM incidents t WHERE ${Prisma.join(conditions, " AND ")} ORDER BY t.created_at`;
      expect(ids(rows), `busy after ${busyOperatorEntries}`).toEqual(ids([collision, noise]));
    }
    expect(await found("q=garage")).toEqual(ids([fire]));
    expect(await found("q=main%20street")).toEqual(ids([fire]));
    expect(await found("q=ladder")).toEqual(ids([noise]));
    expect(await found("q=smoke%20-garage")).toEqual([]);
    expect(await found("type=fire&priority=P2")).toEqual([]);
    expect(await page(`zone=Nowhere`)).toEqual({ rows: [], nextCursor: null });

    const [row] = (await page(`zone=${zone}&type=fire`)).rows;
    expect(row).toEqual<TIncidentHistoryRow>({
      id: fire.id,
      number: expect.stringMatching(/^INC-\d{4}-\d{6}$/),
      type: "fire",
      priority: "P1",
      status: "closed",
      zone,
      address: "12 Main Street",
      description: "Smoke from a garage roof",
      location: [fire.lon, fire.lat],
      createdAt: at(0).toISOString(),
      acknowledgedAt: null,
      firstDispatchedAt: null,
      firstOnSceneAt: null,
      resolvedAt: null,
      units: ["HE-1", "HM-1"],
    });
  });

  it("reports the response milestones the timeline recorded", async () => {
    const created = (
      await t.app.request(`/api/incidents`, {
        body: { type: "hazard", priority: "P2", location: [-85.635, 41.94], description: "Milestones" },
        cookie: t.cookies.operator,
      })
    ).body as TIncident;
    for (const [version, status] of (["acknowledged", "resolved"] as const).entries()) {
      expect(
        (await t.app.request(`/api/incidents/${created.id}/status`, { body: { version, status }, cookie: t.cookies.operator })).status,
      ).toBe(200);
    }
    const [row] = (await page(`q=${created.number}`)).rows;
    expect(row).toMatchObject({
      id: created.id,
      status: "resolved",
      acknowledgedAt: expect.any(String),
      resolvedAt: expect.any(String),
      units: [],
    });
    expect(Date.parse(row.resolvedAt!)).toBeGreaterThanOrEqual(Date.parse(row.acknowledgedAt!));
  });

  it("refuses cursors from another sort or made up, and bad filters, with 400", async () => {
    await insertHistoryIncidents(prisma(), [
      { zone: "Cursors", createdAt: new Date("2022-01-01T00:00:00Z") },
      { zone: "Cursors", createdAt: new Date("2022-01-02T00:00:00Z") },
    ]);
    const first = await page("zone=Cursors&limit=1");
    expect(first.nextCursor).toEqual(expect.any(String));
    const status = async (query: string) =>
      (await t.app.request(`/api/history/incidents?${query}`, { cookie: t.cookies.supervisor })).status;
    expect(await status(`zone=Cursors&limit=1&sort=priority&cursor=${first.nextCursor}`)).toBe(400);
    expect(await status(`zone=Cursors&cursor=${Buffer.from('["incidents:newest","yesterday","x"]').toString("base64url")}`)).toBe(400);
    expect(await status("cursor=not-a-cursor")).toBe(400);
    expect(await status("type=fire,alien")).toBe(400);
    expect(await status("limit=500")).toBe(400);
    expect(await status("from=yesterday")).toBe(400);
  });

  it("is for supervisors only", async () => {
    for (const path of ["/api/history/incidents", "/api/history/alerts", "/api/history/points", "/api/history/incidents/export"]) {
      expect((await t.app.request(path)).status, `${path} signed out`).toBe(401);
      for (const role of ["operator", "field", "admin"] as const) {
        expect((await t.app.request(path, { cookie: t.cookies[role] })).status, `${path} as ${role}`).toBe(403);
      }
      expect((await t.app.request(path, { cookie: t.cookies.supervisor })).status, `${path} as supervisor`).toBe(200);
    }
  });
});
