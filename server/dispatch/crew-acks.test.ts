import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CREW_ACK_ALERT_RULE_ID, type TAlert } from "@/lib/contracts/alerts";
import type { TIncident, TIncidentDetail } from "@/lib/contracts/incidents";
import { hubPublisher } from "@/server/realtime/publisher";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { DISPATCH_CITY, DISPATCH_CITY_SCENE } from "@/test/fixtures/dispatch-city";
import { socketOutcome } from "@/test/fixtures/test-app";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";
import { createCrewAckWatch } from "./crew-ack-watch";
import { DEFAULT_ACK_WITHIN_SECONDS, runCardFor } from "./run-cards";

/**
 * A crew that does not acknowledge its assignment within the run card's time is chased by the control room:
 * an alert, a timeline entry and an audit row, once per dispatch. The check's clock is the test's: it is moved,
 * never waited for.
 */
describe.each(TEST_BACKENDS)("crew acknowledgement escalation ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let nowMs = Date.now();
  const clock = () => new Date(nowMs);
  withAlertsTestApp(
    backend,
    (app) => {
      t = app;
    },
    { entities: DISPATCH_CITY, crewAcksNow: clock },
  );

  const prisma = () => t.app.db.prisma;
  const post = (path: string, body: unknown, cookie = t.cookies.operator) => t.app.request(path, { body, cookie });
  const check = () => t.app.runtime.crewAcks!.runOnce();
  const crewAckAlerts = (incidentId: string) => prisma().alert.findMany({ where: { ruleId: CREW_ACK_ALERT_RULE_ID, incidentId } });

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

  it("run cards say how long a crew has to acknowledge", () => {
    expect(runCardFor("fire").ackWithinSeconds).toBe(60);
    expect(runCardFor("parkingViolation").ackWithinSeconds).toBe(DEFAULT_ACK_WITHIN_SECONDS);
  });

  it("a crew silent past the run card's time is escalated once: alert on the operator's socket, timeline, audit", async () => {
    await prisma().user.update({ where: { id: t.ids.field }, data: { unitId: "unit-e1" } });
    const socket = t.app.socket(t.cookies.operator);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    const alerts: TAlert[] = [];
    socket.on("alert:upsert", (alert) => alerts.push(alert));

    const incident = await dispatchedIncident("fire", ["unit-e1"]);
    // The check's clock from the moment of dispatch: the run card gives a fire's crew 60 s.
    const dispatchedAt = (await prisma().dispatch.findFirstOrThrow({ where: { incidentId: incident.id } })).dispatchedAt.getTime();
    nowMs = dispatchedAt;
    expect((await check()).alerts).toEqual([]);
    nowMs = dispatchedAt + 59_999;
    expect((await check()).alerts).toEqual([]);
    nowMs = dispatchedAt + 60_000;
    const [escalated] = (await check()).alerts;
    expect(escalated).toMatchObject({
      ruleId: CREW_ACK_ALERT_RULE_ID,
      severity: "major",
      status: "open",
      entityId: "unit-e1",
      incidentId: incident.id,
      message: `E-1 has not acknowledged ${incident.number} at 12 Main Street`,
    });
    await waitFor(() => alerts.some((a) => a.id === escalated!.id), "the escalation on the operator's socket");

    // Later rounds, and a second runner racing this one, add nothing.
    nowMs = dispatchedAt + 600_000;
    const other = createCrewAckWatch({ prisma: prisma(), publish: hubPublisher(t.app.city.hub), now: clock, everyMs: 0 });
    const [again, racing] = await Promise.all([check(), other.runOnce()]);
    expect([...again.alerts, ...racing.alerts]).toEqual([]);
    expect(await crewAckAlerts(incident.id)).toHaveLength(1);

    const detail = (await t.app.request(`/api/incidents/${incident.id}`, { cookie: t.cookies.operator })).body as TIncidentDetail;
    expect(detail.timeline.filter((e) => e.kind === "crewAckOverdue").map((e) => e.data)).toEqual([
      expect.objectContaining({ unitId: "unit-e1", callSign: "E-1", ackWithinSeconds: 60 }),
    ]);
    expect(detail.alertIds).toContain(escalated!.id);
    const audit = await t.auditFor(incident.id);
    expect(audit.filter((e) => e.action === "incident.crew_ack_overdue").map((e) => e.actorId)).toEqual([null]);
  });

  it("no escalation for a crew that acknowledged in time, a crew that went en route, or a unit without a crew", async () => {
    await prisma().user.update({ where: { id: t.ids.field }, data: { unitId: "unit-m1" } });
    const acknowledged = await dispatchedIncident("medical", ["unit-m1"]);
    const ack = await post(`/api/units/unit-m1/actions`, { idempotencyKey: randomUUID(), action: "acknowledge" }, t.cookies.field);
    expect(ack.status, ack.text).toBe(200);

    const crewB = await prisma().user.create({
      data: { id: `crew-${randomUUID()}`, name: "Crew P", email: `crew-${randomUUID()}@city.test`, role: "field", unitId: "unit-p11" },
    });
    const enRoute = await dispatchedIncident("trafficJam", ["unit-p11"]);
    await prisma().dispatch.updateMany({ where: { unitId: crewB.unitId!, state: "active" }, data: { enRouteAt: new Date() } });
    const crewless = await dispatchedIncident("trafficJam", ["unit-p13"]);

    nowMs = Date.now() + 3_600_000;
    await check();
    for (const incident of [acknowledged, enRoute, crewless]) expect(await crewAckAlerts(incident.id), incident.number).toEqual([]);
  });

  it("a crew that answers late clears its alert: resolved if nobody took it on, left to the operator who did", async () => {
    await prisma().user.update({ where: { id: t.ids.field }, data: { unitId: "unit-e2" } });
    await prisma().user.create({
      data: { id: `crew-${randomUUID()}`, name: "Crew M", email: `crew-${randomUUID()}@city.test`, role: "field", unitId: "unit-m2" },
    });
    const unanswered = await dispatchedIncident("fire", ["unit-e2"]);
    const taken = await dispatchedIncident("medical", ["unit-m2"]);
    nowMs = Date.now() + 3_600_000;
    const escalated = (await check()).alerts;
    const alertOn = (incident: TIncident) => escalated.find((a) => a.incidentId === incident.id)!;
    const acked = await post(`/api/alerts/${alertOn(taken).id}/acknowledge`, { version: alertOn(taken).version });
    expect(acked.status, acked.text).toBe(200);
    const socket = t.app.socket(t.cookies.operator);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    const pushed: TAlert[] = [];
    socket.on("alert:upsert", (alert) => pushed.push(alert));

    // E-2's crew acknowledges late; M-2 goes en route (an operator reporting it), which answers too.
    const ack = await post(`/api/units/unit-e2/actions`, { idempotencyKey: randomUUID(), action: "acknowledge" }, t.cookies.field);
    expect(ack.status, ack.text).toBe(200);
    const enRoute = await post(`/api/units/unit-m2/actions`, { idempotencyKey: randomUUID(), action: "enRoute" });
    expect(enRoute.status, enRoute.text).toBe(200);

    const [resolved] = await crewAckAlerts(unanswered.id);
    expect(resolved).toMatchObject({ status: "resolved", resolution: "Crew acknowledged (auto-resolved)" });
    expect(resolved!.conditionClearedAt).not.toBeNull();
    const [kept] = await crewAckAlerts(taken.id);
    expect(kept).toMatchObject({ status: "acknowledged" });
    expect(kept!.conditionClearedAt).not.toBeNull();
    await waitFor(
      () => pushed.some((a) => a.id === resolved!.id && a.status === "resolved"),
      "the resolved alert on the operator's socket",
    );
    const audit = await t.auditFor(resolved!.id);
    expect(audit.filter((e) => e.action === "alert.auto_resolved").map((e) => e.actorId)).toEqual([null]);
    expect((await check()).alerts).toEqual([]);
  });
});
