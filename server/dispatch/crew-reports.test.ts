import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BACKUP_ALERT_RULE_ID, type TAlert } from "@/lib/contracts/alerts";
import type { TIncident, TIncidentDetail } from "@/lib/contracts/incidents";
import type { TAssignmentNotice, TResponderUnit } from "@/lib/contracts/units";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { DISPATCH_CITY, DISPATCH_CITY_SCENE } from "@/test/fixtures/dispatch-city";
import { socketOutcome } from "@/test/fixtures/test-app";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";

/** What a crew's report means to the control room: backup as a critical alert, offline taps in their own time. */
describe.each(TEST_BACKENDS)("crew reports ($kind)", (backend) => {
  let t: TAlertsTestApp;
  withAlertsTestApp(
    backend,
    (app) => {
      t = app;
    },
    { entities: DISPATCH_CITY },
  );

  const post = (path: string, body: unknown, cookie = t.cookies.operator) => t.app.request(path, { body, cookie });
  const get = (path: string, cookie = t.cookies.operator) => t.app.request(path, { cookie });
  const act = (unitId: string, action: string, extra: Record<string, unknown> = {}) =>
    post(`/api/units/${unitId}/actions`, { idempotencyKey: randomUUID(), action, ...extra });

  async function dispatchedIncident(type: TIncident["type"], unitIds: string[]): Promise<TIncident> {
    const created = await post(`/api/incidents`, {
      type,
      priority: "P1",
      location: DISPATCH_CITY_SCENE,
      address: "12 Main Street",
      description: `test ${type}`,
    });
    expect(created.status, created.text).toBe(201);
    const dispatched = await post(`/api/incidents/${created.body.id}/dispatch`, { unitIds });
    expect(dispatched.status, dispatched.text).toBe(200);
    return created.body;
  }

  it("a crew's Need backup is a critical alert on its incident until someone acknowledges it; that answers the crew", async () => {
    const socket = t.app.socket(t.cookies.operator);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    const alerts: TAlert[] = [];
    const units: TResponderUnit[] = [];
    socket.on("alert:upsert", (alert) => alerts.push(alert));
    socket.on("unit:upsert", (unit) => units.push(unit));

    const incident = await dispatchedIncident("fire", ["unit-e1"]);
    expect((await act("unit-e1", "needBackup", { text: "second floor" })).status).toBe(200);
    await waitFor(() => alerts.some((a) => a.ruleId === BACKUP_ALERT_RULE_ID), "the backup alert on the operator's socket");
    const raised = alerts.find((a) => a.ruleId === BACKUP_ALERT_RULE_ID)!;
    expect(raised).toMatchObject({
      severity: "critical",
      status: "open",
      incidentId: incident.id,
      entityId: "unit-e1",
      location: DISPATCH_CITY_SCENE,
      message: `E-1 needs backup on ${incident.number} at 12 Main Street: “second floor”`,
    });
    const queue = (await get(`/api/alerts`)).body as TAlert[];
    expect(queue.map((a) => a.id)).toContain(raised.id);
    expect(((await get(`/api/incidents/${incident.id}`)).body as TIncidentDetail).alertIds).toContain(raised.id);

    // Asked again before anyone answered: the same alert, counted, not a second banner.
    expect((await act("unit-e1", "needBackup")).status).toBe(200);
    const openBackups = await t.app.db.prisma.alert.findMany({ where: { ruleId: BACKUP_ALERT_RULE_ID, entityId: "unit-e1" } });
    expect(openBackups.map((a) => a.count)).toEqual([2]);

    const acknowledged = await post(`/api/alerts/${raised.id}/acknowledge`, { version: raised.version });
    expect(acknowledged.status, acknowledged.text).toBe(200);
    await waitFor(
      () => units.some((u) => u.id === "unit-e1" && !u.needsBackup && u.incidentId === incident.id),
      "E-1 without its backup flag",
    );
    const detail = (await get(`/api/incidents/${incident.id}`)).body as TIncidentDetail;
    expect(detail.timeline.filter((e) => e.kind.startsWith("backup")).map((e) => [e.kind, e.actor?.id ?? null])).toEqual([
      ["backupRequested", t.ids.operator],
      ["backupRequested", t.ids.operator],
      ["backupAcknowledged", t.ids.operator],
    ]);
    socket.disconnect();
  });

  it("orders a timeline by when crews tapped, and takes the first arrival from the earliest tap, not the first to arrive", async () => {
    const incident = await dispatchedIncident("trafficCollision", ["unit-p11", "unit-p12"]);
    const dispatchedAt = Date.now();
    // P-12 tapped "on scene" offline; P-11 tapped later but online, so its report reaches the server first.
    const offlineTap = new Date(dispatchedAt + 1).toISOString();
    const p11 = await act("unit-p11", "onScene");
    expect(p11.status, p11.text).toBe(200);
    const p12 = await act("unit-p12", "onScene", { at: offlineTap });
    expect(p12.status, p12.text).toBe(200);

    const detail = (await get(`/api/incidents/${incident.id}`)).body as TIncidentDetail;
    const arrivals = detail.timeline.filter((e) => e.kind === "unitStatusChanged" && e.data.to === "onScene");
    expect(arrivals.map((e) => e.data.callSign)).toEqual(["P-12", "P-11"]);
    const ats = detail.timeline.map((e) => Date.parse(e.at));
    expect(ats).toEqual([...ats].sort((a, b) => a - b));

    const row = await t.app.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.firstOnSceneAt?.toISOString()).toBe(arrivals[0].at);
    expect(row.firstOnSceneAt!.getTime()).toBeLessThan(Date.parse(arrivals[1].at));
  });

  it("tells the crew in words when control answers their backup request and when it recalls them", async () => {
    const phone = t.app.socket(t.cookies.field);
    expect(await socketOutcome(phone)).toEqual({ connected: true });
    const notices: TAssignmentNotice[] = [];
    phone.on("assignment:changed", (notice) => notices.push(notice));

    const incident = await dispatchedIncident("medical", ["unit-m1"]);
    expect((await act("unit-m1", "needBackup")).status).toBe(200);
    const backup = await t.app.db.prisma.alert.findFirstOrThrow({
      where: { ruleId: BACKUP_ALERT_RULE_ID, entityId: "unit-m1", status: "open" },
    });
    expect((await post(`/api/alerts/${backup.id}/acknowledge`, { version: backup.version })).status).toBe(200);
    await waitFor(() => notices.some((n) => n.reason === "backupAcknowledged"), "the crew told their backup request was seen");
    expect(notices.find((n) => n.reason === "backupAcknowledged")?.message).toBe(
      `The control room has seen your backup request on ${incident.number}.`,
    );

    const current = (await get(`/api/incidents/${incident.id}`)).body as TIncidentDetail;
    expect((await post(`/api/incidents/${incident.id}/status`, { version: current.version, status: "resolved" })).status).toBe(200);
    await waitFor(() => notices.some((n) => n.reason === "recalled"), "the crew told they were recalled");
    expect(notices.find((n) => n.reason === "recalled")).toEqual({
      unitId: "unit-m1",
      incidentId: incident.id,
      reason: "recalled",
      message: `M-1 was recalled from ${incident.number}: the control room resolved the incident. Return to station.`,
    });
    const timeline = ((await get(`/api/incidents/${incident.id}`)).body as TIncidentDetail).timeline;
    expect(timeline.find((e) => e.data.action === "recalled")?.data).toMatchObject({
      callSign: "M-1",
      from: "dispatched",
      to: "returning",
    });
    phone.disconnect();
  });
});
