import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncident, TIncidentDetail } from "@/lib/contracts/incidents";
import type {
  TDispatch,
  TDispatchResponse,
  TFieldAssignment,
  TRecommendation,
  TResponderUnit,
  TUnitActionResponse,
  TUnitList,
} from "@/lib/contracts/units";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { DISPATCH_CITY, DISPATCH_CITY_SCENE } from "@/test/fixtures/dispatch-city";
import { socketOutcome, type TTestSocket } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";
import { forgetOldAnswers, IDEMPOTENCY_KEEP_MS } from "./idempotency";

const EMS_STATION = DISPATCH_CITY.stations.find((s) => s.id === "station-ems")!.position;
const PASSWORD = "correct-horse-battery";

/** Units, dispatch, the crew's status flow and the field API through the real routes, sessions, sockets and database. */
describe.each(TEST_BACKENDS)("dispatch ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let cleanup: () => Promise<void>;
  let secondOperator: string;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    t = await startAlertsTestApp(opened.db, { entities: DISPATCH_CITY });
    await createUser("oscar@citynerve.local", "operator");
    secondOperator = await t.app.signIn("oscar@citynerve.local", PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
  });

  const post = (path: string, body: unknown, cookie = t.cookies.operator) => t.app.request(path, { body, cookie });
  const get = (path: string, cookie = t.cookies.operator) => t.app.request(path, { cookie });
  const detail = async (id: string) => (await get(`/api/incidents/${id}`)).body as TIncidentDetail;
  const unitNow = async (id: string) => ((await get(`/api/units`)).body as TUnitList).units.find((u) => u.id === id)!;
  const auditActions = async (entityId: string) =>
    (await t.app.db.prisma.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } })).map((e) => e.action);
  const act = (unitId: string, action: string, cookie: string, extra: Record<string, unknown> = {}) =>
    post(`/api/units/${unitId}/actions`, { idempotencyKey: randomUUID(), action, ...extra }, cookie);

  async function createUser(email: string, role: string): Promise<string> {
    const response = await post("/api/admin/users", { name: email.split("@")[0], email, password: PASSWORD, role }, t.cookies.admin);
    expect(response.status, response.text).toBe(201);
    return response.body.id;
  }

  async function openIncident(type: TIncident["type"], location = DISPATCH_CITY_SCENE): Promise<TIncident> {
    const response = await post(`/api/incidents`, { type, priority: "P2", location, description: `test ${type}` });
    expect(response.status, response.text).toBe(201);
    return response.body;
  }

  async function connected(cookie: string): Promise<TTestSocket> {
    const socket = t.app.socket(cookie);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    return socket;
  }

  /** A round trip on the socket: whatever the server emitted to it before has arrived by now. */
  const settle = (socket: TTestSocket) => socket.emitWithAck("city:subscribe", { layers: [] });

  it("recommends the run card's units and dispatches one: incident, unit, dispatch, timeline, audit, sockets", async () => {
    const operatorSocket = await connected(t.cookies.operator);
    const fieldSocket = await connected(t.cookies.field);
    const seen = {
      operator: { units: [] as TResponderUnit[], notices: [] as unknown[] },
      field: { units: [] as TResponderUnit[], notices: [] as unknown[] },
    };
    for (const [who, socket] of [
      ["operator", operatorSocket],
      ["field", fieldSocket],
    ] as const) {
      socket.on("unit:upsert", (unit) => seen[who].units.push(unit));
      socket.on("assignment:changed", (notice) => seen[who].notices.push(notice));
    }

    const incident = await openIncident("medical");
    const recommendation = (await get(`/api/incidents/${incident.id}/recommendation`)).body as TRecommendation;
    expect(recommendation.runCard).toEqual({ incidentType: "medical", units: { ems: 1 }, ackWithinSeconds: 60 });
    expect(recommendation.units.map((u) => [u.callSign, u.suggested])).toEqual([
      ["M-1", true],
      ["M-2", false],
    ]);
    expect(recommendation.units[0].route[0]).toEqual(EMS_STATION);
    expect(recommendation.units[0].route.at(-1)).toEqual(DISPATCH_CITY_SCENE);
    expect(recommendation.shortfall).toEqual({});

    const response = await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: ["unit-m1"] });
    expect(response.status, response.text).toBe(200);
    const { incident: dispatchedIncident, dispatches, units } = response.body as TDispatchResponse;
    expect(dispatchedIncident).toMatchObject({ id: incident.id, status: "dispatched", version: 1 });
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0]).toMatchObject({
      incidentId: incident.id,
      unitId: "unit-m1",
      callSign: "M-1",
      unitType: "ems",
      state: "active",
      dispatchedBy: { id: t.ids.operator },
      acknowledgedAt: null,
      clearedAt: null,
      etaSeconds: recommendation.units[0].etaSeconds,
      distanceM: recommendation.units[0].distanceM,
      route: recommendation.units[0].route,
    });
    expect(units).toEqual([
      expect.objectContaining({
        id: "unit-m1",
        status: "dispatched",
        incidentId: incident.id,
        crew: [{ id: t.ids.field, name: expect.any(String) }],
      }),
    ]);

    const full = await detail(incident.id);
    expect(full.timeline.map((e) => e.kind)).toEqual(["created", "statusChanged", "unitDispatched"]);
    expect(full.timeline[1]).toMatchObject({ actor: { id: t.ids.operator }, data: { from: "new", to: "dispatched" } });
    expect(full.timeline[2]).toMatchObject({
      actor: { id: t.ids.operator },
      data: { unitId: "unit-m1", callSign: "M-1", etaSeconds: dispatches[0].etaSeconds, distanceM: dispatches[0].distanceM },
    });
    // The first row: the demo field user joined M-1's crew at start.
    expect(await auditActions("unit-m1")).toEqual(["unit.updated", "unit.dispatched"]);
    expect(await auditActions(incident.id)).toEqual(["incident.created", "incident.status_changed"]);
    expect(((await get(`/api/incidents/${incident.id}/dispatches`)).body as { dispatches: TDispatch[] }).dispatches).toEqual(dispatches);
    expect(await unitNow("unit-m1")).toMatchObject({ status: "dispatched", incidentId: incident.id });
    // No longer on offer for the next call.
    const next = (await get(`/api/incidents/${(await openIncident("medical")).id}/recommendation`)).body as TRecommendation;
    expect(next.units.map((u) => u.callSign)).toEqual(["M-2"]);

    await waitFor(() => seen.operator.units.some((u) => u.id === "unit-m1" && u.status === "dispatched"), "unit:upsert to the operator");
    await waitFor(() => seen.field.notices.length > 0, "assignment:changed to the crew");
    await settle(operatorSocket);
    await settle(fieldSocket);
    expect(seen.field.notices).toEqual([{ unitId: "unit-m1", incidentId: incident.id, reason: "dispatched" }]);
    expect(seen.field.units).toEqual([]);
    expect(seen.operator.notices).toEqual([]);

    const field = (await get(`/api/field/assignment`, t.cookies.field)).body as TFieldAssignment;
    expect(field.unit).toMatchObject({ id: "unit-m1", status: "dispatched" });
    expect(field.assignment).toMatchObject({
      incident: { id: incident.id, status: "dispatched" },
      dispatch: { id: dispatches[0].id },
      notes: [],
    });
    operatorSocket.disconnect();
    fieldSocket.disconnect();
  });

  it("dispatches several units at once (the incident's version moves once), and refuses a unit already assigned", async () => {
    const fire = await openIncident("fire");
    const response = await post(`/api/incidents/${fire.id}/dispatch`, { unitIds: ["unit-e1", "unit-e2", "unit-m2"] }, t.cookies.supervisor);
    expect(response.status, response.text).toBe(200);
    const body = response.body as TDispatchResponse;
    expect(body.incident).toMatchObject({ status: "dispatched", version: 1 });
    expect(body.units.map((u) => [u.callSign, u.status])).toEqual([
      ["E-1", "dispatched"],
      ["E-2", "dispatched"],
      ["M-2", "dispatched"],
    ]);
    const timeline = (await detail(fire.id)).timeline;
    expect(timeline.map((e) => e.kind)).toEqual(["created", "statusChanged", "unitDispatched", "unitDispatched", "unitDispatched"]);
    expect(timeline.slice(2).map((e) => e.data.callSign)).toEqual(["E-1", "E-2", "M-2"]);
    for (const id of ["unit-e1", "unit-e2", "unit-m2"]) expect(await auditActions(id)).toEqual(["unit.dispatched"]);

    // A second wave to the same incident: the status stays, the version moves once more.
    const wave = await post(`/api/incidents/${fire.id}/dispatch`, { unitIds: ["unit-p13"] });
    expect(wave.status, wave.text).toBe(200);
    expect(wave.body.incident).toMatchObject({ status: "dispatched", version: 2 });
    expect((await detail(fire.id)).timeline.map((e) => e.kind).slice(-2)).toEqual(["unitDispatched", "unitDispatched"]);

    const again = await openIncident("hazard");
    const taken = await post(`/api/incidents/${again.id}/dispatch`, { unitIds: ["unit-p12", "unit-e1"] });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe(`E-1 is already dispatched to ${fire.number}`);
    expect(taken.body.current).toEqual([
      expect.objectContaining({ id: "unit-e1", status: "dispatched", incidentId: fire.id }),
      expect.objectContaining({ id: "unit-p12", status: "available" }),
    ]);
    // All or nothing: P-12 was not sent either.
    expect(await unitNow("unit-p12")).toMatchObject({ status: "available", incidentId: null });
    expect((await detail(again.id)).timeline.map((e) => e.kind)).toEqual(["created"]);
  });

  it("20 concurrent dispatches of the same unit by two operators: exactly one wins, the rest get 409 naming it", async () => {
    const incidents = [await openIncident("trafficJam"), await openIncident("parkingViolation")];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(`/api/incidents/${incidents[i % 2].id}/dispatch`, { unitIds: ["unit-p11"] }, i % 2 ? secondOperator : t.cookies.operator),
      ),
    );
    const winners = responses.filter((r) => r.status === 200);
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    const won = winners[0].body as TDispatchResponse;
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(loser.body.error).toBe(`P-11 is already dispatched to ${won.incident.number}`);
      expect(loser.body.current).toEqual([expect.objectContaining({ id: "unit-p11", status: "dispatched", incidentId: won.incident.id })]);
    }
    expect(await t.app.db.prisma.dispatch.count({ where: { unitId: "unit-p11" } })).toBe(1);
    const dispatchedEntries = await Promise.all(
      incidents.map(async (i) => (await detail(i.id)).timeline.filter((e) => e.kind === "unitDispatched").length),
    );
    expect(dispatchedEntries.sort()).toEqual([0, 1]);
    expect(await auditActions("unit-p11")).toEqual(["unit.dispatched"]);
  });

  it("refuses an out-of-service unit with 409, and brings it back into service", async () => {
    const noReason = await act("unit-p12", "outOfService", t.cookies.operator);
    expect(noReason.status).toBe(400);
    const out = await act("unit-p12", "outOfService", t.cookies.operator, { text: "flat tyre" });
    expect(out.status, out.text).toBe(200);
    expect((out.body as TUnitActionResponse).unit).toMatchObject({
      status: "outOfService",
      outOfServiceReason: "flat tyre",
      incidentId: null,
    });
    expect((out.body as TUnitActionResponse).incident).toBeNull();

    const incident = await openIncident("publicDisturbance");
    const refused = await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: ["unit-p12"] });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: "P-12 is out of service",
      current: [expect.objectContaining({ id: "unit-p12", status: "outOfService" })],
    });
    const recommendation = (await get(`/api/incidents/${incident.id}/recommendation`)).body as TRecommendation;
    expect(recommendation.units.map((u) => u.callSign)).not.toContain("P-12");
    expect(recommendation.shortfall.police).toBeGreaterThan(0);

    const back = await act("unit-p12", "available", t.cookies.supervisor);
    expect(back.status, back.text).toBe(200);
    expect(back.body.unit).toMatchObject({ status: "available", outOfServiceReason: null });
    expect(await auditActions("unit-p12")).toEqual(["unit.status_changed", "unit.status_changed"]);
  });

  it("the crew's flow en route → on scene → cleared drives the incident dispatched → on scene → resolved", async () => {
    // M-1 is still on the medical call from the first test.
    const { assignment } = (await get(`/api/field/assignment`, t.cookies.field)).body as TFieldAssignment;
    const incidentId = assignment!.incident.id;
    const dispatchedAt = assignment!.dispatch.dispatchedAt;

    const ack = await act("unit-m1", "acknowledge", t.cookies.field);
    expect(ack.status, ack.text).toBe(200);
    // Tapped "en route" while offline long ago: recorded, but never before the dispatch.
    const enRoute = await act("unit-m1", "enRoute", t.cookies.field, { at: new Date(Date.parse(dispatchedAt) - 600_000).toISOString() });
    expect(enRoute.status, enRoute.text).toBe(200);
    expect(enRoute.body.unit).toMatchObject({ status: "enRoute", statusSince: dispatchedAt });
    const backup = await act("unit-m1", "needBackup", t.cookies.field, { text: "two patients" });
    expect(backup.body.unit).toMatchObject({ status: "enRoute", needsBackup: true });
    const note = await act("unit-m1", "note", t.cookies.field, { text: "gate code 1234" });
    expect(note.status, note.text).toBe(200);

    const onScene = await act("unit-m1", "onScene", t.cookies.field);
    expect(onScene.status, onScene.text).toBe(200);
    expect(onScene.body).toMatchObject({
      unit: { status: "onScene", needsBackup: false },
      incident: { id: incidentId, status: "onScene" },
    });
    const twice = await act("unit-m1", "onScene", t.cookies.field);
    expect(twice.status).toBe(409);
    expect(twice.body).toEqual({
      error: "M-1 is on scene and cannot report on scene (only from dispatched or en route)",
      current: expect.objectContaining({ status: "onScene" }),
    });

    const cleared = await act("unit-m1", "cleared", t.cookies.field);
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).toMatchObject({
      unit: { status: "returning", incidentId: null },
      incident: { id: incidentId, status: "resolved" },
    });
    expect((await get(`/api/field/assignment`, t.cookies.field)).body).toMatchObject({
      unit: { id: "unit-m1", status: "returning" },
      assignment: null,
    });
    const available = await act("unit-m1", "available", t.cookies.field);
    expect(available.body).toMatchObject({ unit: { status: "available" }, incident: null });

    const [dispatch] = ((await get(`/api/incidents/${incidentId}/dispatches`)).body as { dispatches: TDispatch[] }).dispatches;
    expect(dispatch).toMatchObject({
      state: "cleared",
      enRouteAt: dispatchedAt,
      acknowledgedAt: expect.any(String),
      onSceneAt: expect.any(String),
      clearedAt: expect.any(String),
    });
    const timeline = (await detail(incidentId)).timeline;
    expect(timeline.map((e) => [e.kind, e.data.to ?? e.data.text ?? null])).toEqual([
      ["created", null],
      ["statusChanged", "dispatched"],
      ["unitDispatched", null],
      // Tapped en route (offline, stamped at the dispatch) before the acknowledgement was sent: in tap order.
      ["unitStatusChanged", "enRoute"],
      ["unitStatusChanged", "dispatched"],
      ["backupRequested", "two patients"],
      ["note", "gate code 1234"],
      ["unitStatusChanged", "onScene"],
      ["statusChanged", "onScene"],
      ["unitStatusChanged", "returning"],
      ["statusChanged", "resolved"],
    ]);
    expect(
      timeline
        .filter((e) => e.kind !== "created" && e.kind !== "unitDispatched" && e.kind !== "statusChanged")
        .every((e) => e.actor?.id === t.ids.field),
    ).toBe(true);
    expect(timeline[3].data).toEqual({ unitId: "unit-m1", callSign: "M-1", from: "dispatched", to: "enRoute", action: "enRoute" });
    expect(timeline[6].data).toEqual({ text: "gate code 1234", unitId: "unit-m1", callSign: "M-1" });
    expect(timeline[8]).toMatchObject({ actor: { id: t.ids.field }, data: { from: "dispatched", to: "onScene" } });
    expect(await auditActions("unit-m1")).toEqual([
      "unit.updated",
      "unit.dispatched",
      "unit.acknowledged",
      "unit.status_changed",
      "unit.backup_requested",
      "unit.note_added",
      "unit.status_changed",
      "unit.status_changed",
      "unit.status_changed",
    ]);
    expect(await auditActions(incidentId)).toEqual([
      "incident.created",
      "incident.status_changed",
      "incident.status_changed",
      "incident.status_changed",
    ]);
  });

  it("answers a repeated idempotency key with the first answer and acts once; another user's key is refused", async () => {
    const incident = await openIncident("trafficCollision");
    expect((await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: ["unit-m1"] })).status).toBe(200);
    const request = { idempotencyKey: randomUUID(), action: "note", text: "patient conscious" };
    const first = await post(`/api/units/unit-m1/actions`, request, t.cookies.field);
    const repeat = await post(`/api/units/unit-m1/actions`, request, t.cookies.field);
    expect(first.status, first.text).toBe(200);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);

    // A retry racing the original.
    const racing = { idempotencyKey: randomUUID(), action: "enRoute" };
    const both = await Promise.all([0, 1].map(() => post(`/api/units/unit-m1/actions`, racing, t.cookies.field)));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both[1].body).toEqual(both[0].body);

    const timeline = (await detail(incident.id)).timeline;
    expect(timeline.filter((e) => e.kind === "note")).toHaveLength(1);
    expect(timeline.filter((e) => e.kind === "unitStatusChanged")).toHaveLength(1);
    const stolen = await post(`/api/units/unit-m1/actions`, request, t.cookies.operator);
    expect(stolen.status).toBe(409);
    expect(stolen.body.error).toBe("This request key was already used by someone else");
  });

  it("lets field users act only for the unit they crew, and keeps dispatch and unit management to their roles", async () => {
    const other = await act("unit-e1", "checkIn", t.cookies.field);
    expect(other.status).toBe(403);
    expect(other.body.error).toBe("You can only report for the unit you crew");
    expect((await act("unit-e1", "checkIn", t.cookies.admin)).status).toBe(403);
    const onBehalf = await act("unit-e1", "checkIn", t.cookies.operator);
    expect(onBehalf.status, onBehalf.text).toBe(200);
    expect(Date.parse(onBehalf.body.unit.lastContactAt)).toBeGreaterThan(Date.parse((await auditLogTime("unit-e1", "unit.dispatched"))!));

    const incident = await openIncident("other");
    for (const cookie of [t.cookies.field, t.cookies.admin]) {
      expect((await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: ["unit-p12"] }, cookie)).status).toBe(403);
    }
    const unit = { id: "unit-p99", callSign: "P-99", type: "police", stationId: "station-police" };
    expect((await post(`/api/units`, unit, t.cookies.operator)).status).toBe(403);
    expect((await get(`/api/field/assignment`, t.cookies.operator)).status).toBe(403);
    expect(await unitNow("unit-p12")).toMatchObject({ status: "available" });
  });

  async function auditLogTime(entityId: string, action: string): Promise<string | undefined> {
    return (await t.app.db.prisma.auditLog.findFirst({ where: { entityId, action } }))?.at.toISOString();
  }

  it("puts a crew's phone position into the live city through the event source", async () => {
    const response = await post(
      `/api/field/position`,
      { location: [-85.6345, 41.9402], heading: null, speedMps: 10, accuracyM: 8 },
      t.cookies.field,
    );
    expect(response.status, response.text).toBe(204);
    const event = await waitFor(() => t.app.city.cityState.latest("units", "unit-m1"), "the position in city state");
    const m1 = await unitNow("unit-m1");
    expect(event).toMatchObject({
      type: "UnitPosition",
      entityId: "unit-m1",
      location: [-85.6345, 41.9402],
      heading: 0,
      speed: 36,
      status: m1.status,
    });
    expect(Date.parse(m1.lastContactAt)).toBeGreaterThanOrEqual(Date.parse(event.observedAt));

    // Routing now starts from there rather than from the station.
    expect(t.app.city.dispatch!.positions("unit-m1")).toEqual([-85.6345, 41.9402]);
    expect(t.app.city.dispatch!.positions("unit-m2")).toEqual(EMS_STATION);

    await createUser("lone@citynerve.local", "field");
    const lone = await t.app.signIn("lone@citynerve.local", PASSWORD);
    expect((await post(`/api/field/position`, { location: [-85.6345, 41.9402] }, lone)).status).toBe(400);
    expect((await get(`/api/field/assignment`, lone)).body).toEqual({ unit: null, assignment: null });
    expect((await act("unit-m1", "checkIn", lone)).status).toBe(403);
  });

  it("lets supervisors and admins create and change units and their crews, version-checked and audited", async () => {
    const crewId = await createUser("crew@citynerve.local", "field");
    const crewCookie = await t.app.signIn("crew@citynerve.local", PASSWORD);
    const notField = await post(
      `/api/units`,
      { id: "unit-p99", callSign: "P-99", type: "police", stationId: "station-police", crewUserIds: [t.ids.operator] },
      t.cookies.supervisor,
    );
    expect(notField.status).toBe(400);
    expect(notField.body.fieldErrors.crewUserIds).toEqual([expect.stringContaining("is not a field user")]);
    const noStation = await post(
      `/api/units`,
      { id: "unit-p99", callSign: "P-99", type: "police", stationId: "station-moon" },
      t.cookies.supervisor,
    );
    expect(noStation.status).toBe(400);

    const created = await post(
      `/api/units`,
      { id: "unit-p99", callSign: "P-99", type: "police", stationId: "station-police", capabilities: ["k9"], crewUserIds: [crewId] },
      t.cookies.supervisor,
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ id: "unit-p99", status: "available", capabilities: ["k9"], crew: [{ id: crewId }], version: 0 });
    expect(
      (await post(`/api/units`, { id: "unit-p99", callSign: "P-98", type: "police", stationId: "station-police" }, t.cookies.admin)).status,
    ).toBe(409);
    expect(
      (await post(`/api/units`, { id: "unit-p98", callSign: "P-99", type: "police", stationId: "station-police" }, t.cookies.admin)).status,
    ).toBe(409);

    // Its crew's phone positions reach the live city although the city pack does not list the unit.
    const shared = await post(`/api/field/position`, { location: [-85.636, 41.941] }, crewCookie);
    expect(shared.status, shared.text).toBe(204);
    await waitFor(() => t.app.city.cityState.latest("units", "unit-p99"), "the new unit's position in city state");

    // The new unit is offered from where it is.
    const recommendation = (await get(`/api/incidents/${(await openIncident("trafficJam")).id}/recommendation`)).body as TRecommendation;
    expect(recommendation.units.map((u) => u.callSign)).toContain("P-99");

    const changed = await t.app.request(`/api/units/unit-p99`, {
      method: "PATCH",
      cookie: t.cookies.admin,
      body: { version: 0, callSign: "K-9", crewUserIds: [] },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ callSign: "K-9", crew: [], version: 1 });
    const stale = await t.app.request(`/api/units/unit-p99`, {
      method: "PATCH",
      cookie: t.cookies.supervisor,
      body: { version: 0, callSign: "P-100" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ callSign: "K-9", version: 1 });
    expect((await get(`/api/field/assignment`, crewCookie)).body).toEqual({ unit: null, assignment: null });

    const list = (await get(`/api/units`, t.cookies.admin)).body as TUnitList;
    expect(list.checkInSeconds).toBe(600);
    expect(list.units.map((u) => u.callSign)).toContain("K-9");
    expect(await auditActions("unit-p99")).toEqual(["unit.created", "unit.updated"]);
    const [createdAudit] = await t.app.db.prisma.auditLog.findMany({ where: { entityId: "unit-p99", action: "unit.created" } });
    expect(createdAudit).toMatchObject({ actorRole: "supervisor", after: expect.objectContaining({ callSign: "P-99", crew: [crewId] }) });
  });

  it("resolving an incident by hand recalls its units: dispatch cancelled, unit returning, on the timeline and in the audit log", async () => {
    const incident = await openIncident("trafficCollision");
    const recommendation = (await get(`/api/incidents/${incident.id}/recommendation`)).body as TRecommendation;
    const unitId = recommendation.units[0]?.unitId;
    expect(unitId, "an available unit to dispatch").toBeDefined();
    const sent = await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: [unitId] });
    expect(sent.status, sent.text).toBe(200);

    const resolved = await post(`/api/incidents/${incident.id}/status`, {
      version: sent.body.incident.version,
      status: "resolved",
      reason: "handled by phone",
    });
    expect(resolved.status, resolved.text).toBe(200);
    expect(await unitNow(unitId!)).toMatchObject({ status: "returning", incidentId: null });
    const dispatches = (await get(`/api/incidents/${incident.id}/dispatches`)).body.dispatches as TDispatch[];
    expect(dispatches.map((d) => d.state)).toEqual(["cancelled"]);
    const last = (await detail(incident.id)).timeline.filter((e) => e.kind === "unitStatusChanged").at(-1);
    expect(last?.data).toMatchObject({ unitId, to: "returning", action: "recalled" });
    expect((await auditActions(unitId!)).at(-1)).toBe("unit.status_changed");
  });
  it("forgets idempotency answers a week old, keeps the recent ones", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - IDEMPOTENCY_KEEP_MS - 60_000);
    const keys = { old: randomUUID(), recent: randomUUID() };
    await t.app.db.prisma.idempotentRequest.createMany({
      data: [
        { key: keys.old, userId: t.ids.field, at: old, status: 200, response: {} },
        { key: keys.recent, userId: t.ids.field, at: now, status: 200, response: {} },
      ],
    });
    expect(await forgetOldAnswers(t.app.db.prisma, now)).toBeGreaterThanOrEqual(1);
    const left = await t.app.db.prisma.idempotentRequest.findMany({ where: { key: { in: [keys.old, keys.recent] } } });
    expect(left.map((r) => r.key)).toEqual([keys.recent]);
  });
});
