import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { THandover, THandoverSummary } from "@/lib/contracts/history";
import { ZHandover, ZHandoverDraft, ZPendingHandover } from "@/lib/contracts/history";
import type { TIncident } from "@/lib/contracts/incidents";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";

const HOUR = 3_600_000;

/** Shift handover through the real routes: the pre-filled summary, writing, the pending notice and its confirmation. */
describe.each(TEST_BACKENDS)("shift handover ($kind)", (backend) => {
  let t: TAlertsTestApp;

  withAlertsTestApp(backend, (app) => {
    t = app;
  });

  const get = (path: string, cookie = t.cookies.operator) => t.app.request(path, { cookie });
  const post = (path: string, body: unknown, cookie = t.cookies.operator) => t.app.request(path, { body, cookie });
  const draftOf = async (cookie = t.cookies.operator) => {
    const response = await get("/api/handover/draft", cookie);
    expect(response.status, response.text).toBe(200);
    return ZHandoverDraft.parse(response.body);
  };
  const confirmAs = (id: string, cookie: string) => t.app.request(`/api/handover/${id}/confirm`, { method: "POST", cookie });
  const pendingFor = async (cookie: string) => ZPendingHandover.parse((await get("/api/handover/pending", cookie)).body).handover;
  const write = async (note: string, summary: THandoverSummary, cookie = t.cookies.operator) => {
    const response = await post("/api/handover", { note, summary }, cookie);
    expect(response.status, response.text).toBe(201);
    return ZHandover.parse(response.body);
  };

  // Written by the first test, read by the later ones (tests in a file run in order).
  let operatorHandover: THandover;

  it("summarises what is open and what changed during the shift, and pre-fills the note from it", async () => {
    const prisma = t.app.db.prisma;
    const open = (
      await post("/api/incidents", {
        type: "fire",
        priority: "P1",
        location: [-85.636, 41.94],
        address: "12 Main St",
        description: "Smoke from a shop",
      })
    ).body as TIncident;
    const done = (await post("/api/incidents", { type: "other", priority: "P4", location: [-85.636, 41.94], description: "Loose dog" }))
      .body as TIncident;
    for (const [version, status] of [
      [0, "acknowledged"],
      [1, "resolved"],
    ] as const) {
      expect((await post(`/api/incidents/${done.id}/status`, { version, status })).status).toBe(200);
    }
    // Opened before this shift: still open (listed), but not "created during the shift".
    const old = await prisma.incident.create({
      data: {
        type: "hazard",
        priority: "P3",
        lon: -85.63,
        lat: 41.94,
        zone: "Central",
        description: "Pothole",
        createdAt: new Date(Date.now() - 9 * HOUR),
      },
    });
    const unacknowledged = await t.seedAlert();
    const acknowledged = await t.seedAlert({ severity: "major", ruleId: "waste.temperature-spike", value: 80, worstValue: 80 });
    expect((await post(`/api/alerts/${acknowledged.id}/acknowledge`, { version: 0 })).status).toBe(200);
    await prisma.unit.createMany({
      data: [
        {
          id: "ho-e9",
          callSign: "E-9",
          type: "fire",
          stationId: "station-fire",
          status: "outOfService",
          outOfServiceReason: "Pump failure",
        },
        { id: "ho-p9", callSign: "P-9", type: "police", stationId: "station-police", status: "available" },
      ],
    });
    await prisma.dispatch.create({ data: { incidentId: open.id, unitId: "ho-p9", etaSeconds: 120, distanceM: 900, route: [] } });
    await prisma.dispatch.create({
      data: {
        incidentId: old.id,
        unitId: "ho-p9",
        state: "cleared",
        etaSeconds: 60,
        distanceM: 400,
        route: [],
        dispatchedAt: new Date(Date.now() - 9 * HOUR),
      },
    });

    const before = Date.now();
    const { summary, note } = await draftOf();
    expect(Date.parse(summary.shiftTo) - Date.parse(summary.shiftFrom)).toBe(8 * HOUR);
    expect(Date.parse(summary.shiftTo)).toBeGreaterThanOrEqual(before - 1_000);
    expect(summary.openIncidents).toEqual([
      { id: open.id, label: `${open.number} · Smoke from a shop (12 Main St)`, priority: "P1", status: "new" },
      { id: old.id, label: `${old.number} · Pothole`, priority: "P3", status: "new" },
    ]);
    expect(summary.unacknowledgedAlerts).toEqual([
      { id: unacknowledged.id, label: `Rule waste.bin-burning: Bin reports burning — ${unacknowledged.zone}`, severity: "critical" },
    ]);
    expect(summary.unitsOutOfService).toEqual([{ id: "ho-e9", label: "E-9", reason: "Pump failure" }]);
    expect(summary.changes).toEqual({ incidentsCreated: 2, incidentsResolved: 1, alertsRaised: 2, dispatches: 1 });

    expect(note).toContain("Handover for the last 8 h.");
    expect(note).toContain(`- P1 ${open.number} · Smoke from a shop (12 Main St) [new]`);
    expect(note).toContain("Unacknowledged alerts (1):");
    expect(note).toContain("- E-9: Pump failure");
    expect(note).toContain("During the shift: 2 incidents created, 1 resolved, 2 alerts raised, 1 dispatch.");
    expect(note).not.toContain(done.number);

    operatorHandover = await write(`${note}Watch the fire on Main St.`, summary);
    expect(operatorHandover).toMatchObject({
      author: { id: t.ids.operator },
      note: expect.stringContaining("Watch the fire"),
      summary,
      readBy: [],
    });
    expect((await t.auditFor(operatorHandover.id)).map((e) => [e.action, e.actorId])).toEqual([["handover.written", t.ids.operator]]);
  });

  it("starts the next summary's shift at the author's previous handover", async () => {
    const { summary } = await draftOf();
    expect(summary.shiftFrom).toBe(operatorHandover.createdAt);
    expect(summary.changes).toEqual({ incidentsCreated: 0, incidentsResolved: 0, alertsRaised: 0, dispatches: 0 });
    // Someone else's shift still covers the last 8 h.
    const other = await draftOf(t.cookies.supervisor);
    expect(other.summary.changes.incidentsCreated).toBe(2);
  });

  it("keeps a colleague's handover pending for me until I confirm it, audits the first confirmation only, and never my own", async () => {
    expect(await pendingFor(t.cookies.operator)).toBeNull();
    expect((await pendingFor(t.cookies.supervisor))?.id).toBe(operatorHandover.id);

    const confirm = () => confirmAs(operatorHandover.id, t.cookies.supervisor);
    const first = await confirm();
    expect(first.status, first.text).toBe(200);
    expect(first.body.readBy).toEqual([{ id: t.ids.supervisor, name: expect.any(String), at: expect.any(String) }]);
    const again = await confirm();
    expect(again.status).toBe(200);
    expect(again.body.readBy).toEqual(first.body.readBy);
    expect((await t.auditFor(operatorHandover.id)).map((e) => [e.action, e.actorId])).toEqual([
      ["handover.written", t.ids.operator],
      ["handover.read", t.ids.supervisor],
    ]);
    expect(await pendingFor(t.cookies.supervisor)).toBeNull();

    const own = await confirmAs(operatorHandover.id, t.cookies.operator);
    expect(own.status).toBe(403);
    for (const id of [randomUUID(), "not-a-uuid"]) {
      expect((await confirmAs(id, t.cookies.supervisor)).status).toBe(404);
    }
  });

  it("shows the newest colleague's handover written after my own, and lists recent handovers with their readers", async () => {
    const supervisorHandover = await write("Quiet evening.", (await draftOf(t.cookies.supervisor)).summary, t.cookies.supervisor);
    expect((await pendingFor(t.cookies.operator))?.id).toBe(supervisorHandover.id);
    // The supervisor wrote after the operator's handover: that one is no longer theirs to take over.
    expect(await pendingFor(t.cookies.supervisor)).toBeNull();

    const list = await get("/api/handover?limit=5");
    expect(list.status).toBe(200);
    expect((list.body as THandover[]).map((h) => [h.id, h.readBy.map((r) => r.id)])).toEqual([
      [supervisorHandover.id, []],
      [operatorHandover.id, [t.ids.supervisor]],
    ]);
    expect((await get("/api/handover?limit=1")).body).toHaveLength(1);
    expect((await get("/api/handover?limit=0")).status).toBe(400);
  });

  it("refuses bodies that are not a handover", async () => {
    const { summary } = await draftOf();
    const blank = await post("/api/handover", { note: "   ", summary });
    expect(blank.status).toBe(400);
    expect(blank.body.fieldErrors).toHaveProperty("note");
    expect((await post("/api/handover", { note: "x", summary: { ...summary, changes: {} } })).status).toBe(400);
  });

  it("is for operators and supervisors only", async () => {
    const probes = [
      { path: "/api/handover/draft" },
      { path: "/api/handover/pending" },
      { path: "/api/handover" },
      { path: "/api/handover", body: {} },
      { path: `/api/handover/${operatorHandover.id}/confirm`, body: {} },
    ];
    for (const role of ["field", "admin"] as const) {
      for (const probe of probes) {
        const response = await t.app.request(probe.path, { cookie: t.cookies[role], body: probe.body });
        expect(response.status, `${role} ${probe.body ? "POST" : "GET"} ${probe.path}`).toBe(403);
      }
    }
    for (const probe of probes) expect((await t.app.request(probe.path, { body: probe.body })).status).toBe(401);
    // Nobody else's confirmation was recorded on the way.
    expect((await get("/api/handover?limit=5")).body[1].readBy).toHaveLength(1);
  });
});
