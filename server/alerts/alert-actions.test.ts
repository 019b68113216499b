import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { socketOutcome } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";
import { xmlProblem } from "@/test/xml-well-formed";

/** Alert actions through the real routes, sessions and database: versioned, audited, pushed. */
describe.each(TEST_BACKENDS)("alert actions ($kind)", (backend) => {
  let t: TAlertsTestApp;

  withAlertsTestApp(backend, (app) => {
    t = app;
  });

  const post = (path: string, body: unknown, cookie = t.cookies.operator) => t.app.request(path, { body, cookie });

  it("100 concurrent acknowledgements: exactly one wins, 99 get 409 with the winning state", async () => {
    const alert = await t.seedAlert();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(`/api/alerts/${alert.id}/acknowledge`, { version: 0 }, i % 2 ? t.cookies.operator : t.cookies.supervisor),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const winner = responses.find((r) => r.status === 200)!.body as TAlert;
    expect(winner).toMatchObject({ status: "acknowledged", version: 1 });
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(loser.body.error).toEqual(expect.any(String));
      expect(loser.body.current).toMatchObject({ id: alert.id, status: "acknowledged", version: 1, acknowledgedBy: winner.acknowledgedBy });
    }
    const audit = await t.auditFor(alert.id);
    expect(audit.filter((e) => e.action === "alert.acknowledged")).toHaveLength(1);
  });

  it("refuses a stale version and an action not allowed in the current status, with the current state", async () => {
    const alert = await t.seedAlert();
    const ok = await post(`/api/alerts/${alert.id}/acknowledge`, { version: 0 });
    expect(ok.status, ok.text).toBe(200);
    const stale = await post(`/api/alerts/${alert.id}/resolve`, { version: 0, reason: "fixed" });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      error: expect.stringContaining("changed by someone else"),
      current: expect.objectContaining({ version: 1 }),
    });
    const again = await post(`/api/alerts/${alert.id}/acknowledge`, { version: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("The alert is already acknowledged");
    expect(again.body.current).toMatchObject({ status: "acknowledged", version: 1 });
  });

  it("validates bodies (400 with field errors) and answers 404 for unknown ids", async () => {
    const alert = await t.seedAlert();
    const badVersion = await post(`/api/alerts/${alert.id}/acknowledge`, { version: "one" });
    expect(badVersion.status).toBe(400);
    expect(Object.keys(badVersion.body.fieldErrors)).toEqual(["version"]);
    const emptyNote = await post(`/api/alerts/${alert.id}/notes`, { text: "   " });
    expect(emptyNote.status).toBe(400);
    expect(Object.keys(emptyNote.body.fieldErrors)).toEqual(["text"]);
    const noReason = await post(`/api/alerts/${alert.id}/resolve`, { version: 0 });
    expect(Object.keys(noReason.body.fieldErrors)).toEqual(["reason"]);
    const both = await post(`/api/alerts/${alert.id}/promote`, {
      version: 0,
      incidentId: randomUUID(),
      incident: { type: "fire", priority: "P1" },
    });
    expect(both.status).toBe(400);
    expect(both.body.error).toContain("either incidentId or incident");
    expect((await t.app.request(`/api/alerts?severity=apocalyptic`, { cookie: t.cookies.operator })).status).toBe(400);
    expect((await t.app.request(`/api/alerts?status=open,gone`, { cookie: t.cookies.operator })).status).toBe(400);

    for (const id of [randomUUID(), "not-a-uuid"]) {
      const missing = await post(`/api/alerts/${id}/acknowledge`, { version: 0 });
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error: "No such alert" });
      expect((await post(`/api/alerts/${id}/notes`, { text: "hello" })).status).toBe(404);
      expect((await t.app.request(`/api/alerts/${id}/cap`, { cookie: t.cookies.operator })).status).toBe(404);
    }
  });

  it("assigns to active operators and supervisors only, takes notes, resolves, and audits each step", async () => {
    const alert = await t.seedAlert({ severity: "major", ruleId: "waste.temperature-spike", value: 70, worstValue: 74 });
    const toField = await post(`/api/alerts/${alert.id}/assign`, { version: 0, userId: t.ids.field });
    expect(toField.status).toBe(400);
    expect(toField.body.fieldErrors).toEqual({ userId: ["not an active operator or supervisor"] });
    expect((await post(`/api/alerts/${alert.id}/assign`, { version: 0, userId: "nobody" })).status).toBe(400);

    const assigned = await post(`/api/alerts/${alert.id}/assign`, { version: 0, userId: t.ids.supervisor });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({ assignedTo: { id: t.ids.supervisor, name: expect.any(String) }, version: 1, status: "open" });

    const noted = await post(`/api/alerts/${alert.id}/notes`, { text: "Crew on the way <b>&</b>" });
    expect(noted.status).toBe(201);
    expect(noted.body.notes).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        author: { id: t.ids.operator, name: expect.any(String) },
        text: "Crew on the way <b>&</b>",
      },
    ]);
    expect(noted.body.version).toBe(1); // notes do not conflict with anything

    const resolved = await post(`/api/alerts/${alert.id}/resolve`, { version: 1, reason: "Sensor fault, replaced" });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: "resolved",
      resolution: "Sensor fault, replaced",
      version: 2,
      resolvedAt: expect.any(String),
    });
    expect((await post(`/api/alerts/${alert.id}/resolve`, { version: 2, reason: "again" })).body.error).toBe(
      "The alert is already resolved",
    );
    expect((await post(`/api/alerts/${alert.id}/assign`, { version: 2, userId: t.ids.operator })).status).toBe(409);

    const queue = (await t.app.request(`/api/alerts`, { cookie: t.cookies.operator })).body as TAlert[];
    expect(queue.map((a) => a.id)).not.toContain(alert.id);
    const resolvedList = (await t.app.request(`/api/alerts?status=resolved&domain=waste`, { cookie: t.cookies.operator })).body as TAlert[];
    expect(resolvedList.map((a) => a.id)).toContain(alert.id);

    const audit = await t.auditFor(alert.id);
    expect(audit.map((e) => e.action)).toEqual(["alert.raised", "alert.assigned", "alert.note_added", "alert.resolved"]);
    expect(audit[0].actorId).toBeNull();
    expect(audit[1]).toMatchObject({
      actorId: t.ids.operator,
      before: { assignedTo: null, version: 0 },
      after: { assignedTo: t.ids.supervisor, version: 1 },
    });
    expect(audit[3]).toMatchObject({ before: { status: "open" }, after: { status: "resolved", resolution: "Sensor fault, replaced" } });
  });

  it("lists the queue most severe first, then newest first, with filters", async () => {
    const now = Date.now();
    const iso = (agoS: number) => new Date(now - agoS * 1000).toISOString();
    const warning = await t.seedAlert({
      severity: "warning",
      ruleId: "waste.bin-full",
      entityId: "bin-2",
      startedAt: iso(5),
      lastSeenAt: iso(1),
    });
    const criticalOld = await t.seedAlert({ severity: "critical", startedAt: iso(50), lastSeenAt: iso(40) });
    const criticalNew = await t.seedAlert({ severity: "critical", startedAt: iso(30), lastSeenAt: iso(2) });
    const major = await t.seedAlert({
      severity: "major",
      domain: "energy",
      entityId: "feeder-1",
      ruleId: "energy.feeder-overload",
      startedAt: iso(9),
      lastSeenAt: iso(3),
    });
    const queue = ((await t.app.request(`/api/alerts`, { cookie: t.cookies.operator })).body as TAlert[]).map((a) => a.id);
    const mine = [warning.id, criticalOld.id, criticalNew.id, major.id];
    expect(queue.filter((id) => mine.includes(id))).toEqual([criticalNew.id, criticalOld.id, major.id, warning.id]);
    const energy = (await t.app.request(`/api/alerts?domain=energy&severity=major`, { cookie: t.cookies.operator })).body as TAlert[];
    expect(energy.map((a) => a.id)).toEqual([major.id]);
    const zone = (await t.app.request(`/api/alerts?zone=${encodeURIComponent(major.zone)}`, { cookie: t.cookies.operator }))
      .body as TAlert[];
    expect(zone.every((a) => a.zone === major.zone)).toBe(true);
  });

  it("serves a well-formed CAP 1.2 message with the alert's text escaped", async () => {
    const alert = await t.seedAlert({ message: `Bin <burning> & "smoking" > 3 min` });
    const response = await t.app.request(`/api/alerts/${alert.id}/cap`, { cookie: t.cookies.operator });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/cap+xml; charset=utf-8");
    expect(xmlProblem(response.text)).toBeNull();
    expect(response.text).toContain("<description>Bin &lt;burning&gt; &amp; &quot;smoking&quot; &gt; 3 min</description>");
    expect(response.text).toContain(`<identifier>citynerve-alert-${alert.id}</identifier>`);
    expect(response.text).toContain("<sender>citynerve@127.0.0.1</sender>");
  });

  it("escalates unacknowledged critical alerts past the escalation time, as an audited system action", async () => {
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    const due = await t.seedAlert({ startedAt: old, lastSeenAt: old });
    const recent = await t.seedAlert();
    const major = await t.seedAlert({ severity: "major", startedAt: old, lastSeenAt: old });
    const handled = await t.seedAlert({ startedAt: old, lastSeenAt: old });
    expect((await post(`/api/alerts/${handled.id}/acknowledge`, { version: 0 })).status).toBe(200);

    await t.app.city.alerts!.escalate(new Date());
    const all = (await t.app.request(`/api/alerts`, { cookie: t.cookies.operator })).body as TAlert[];
    const escalated = (id: string) => all.find((a) => a.id === id)?.escalated;
    expect([escalated(due.id), escalated(recent.id), escalated(major.id), escalated(handled.id)]).toEqual([true, false, false, false]);
    const audit = (await t.auditFor(due.id)).filter((e) => e.action === "alert.escalated");
    expect(audit).toMatchObject([{ actorId: null, before: { escalated: false }, after: { escalated: true, escalationSeconds: 120 } }]);

    await t.app.city.alerts!.escalate(new Date()); // idempotent
    expect((await t.auditFor(due.id)).filter((e) => e.action === "alert.escalated")).toHaveLength(1);
  });

  it("pushes alert:upsert to operator and supervisor sockets after an acknowledge, never to field or admin", async () => {
    const alert = await t.seedAlert();
    const received: Record<string, TAlert[]> = { operator: [], supervisor: [], field: [], admin: [] };
    const sockets = {} as Record<"operator" | "supervisor" | "field" | "admin", ReturnType<typeof t.app.socket>>;
    for (const role of ["operator", "supervisor", "field", "admin"] as const) {
      const socket = t.app.socket(t.cookies[role]);
      expect(await socketOutcome(socket)).toEqual({ connected: true });
      socket.on("alert:upsert", (a) => received[role].push(a));
      sockets[role] = socket;
    }
    const response = await post(`/api/alerts/${alert.id}/acknowledge`, { version: 0 });
    expect(response.status).toBe(200);
    await waitFor(
      () => received.operator.some((a) => a.id === alert.id) && received.supervisor.some((a) => a.id === alert.id),
      "operators receive the alert",
    );
    expect(received.operator.find((a) => a.id === alert.id)).toEqual(response.body);
    // A round trip on the same connection: anything emitted before it has arrived by now.
    for (const socket of [sockets.field, sockets.admin]) await socket.emitWithAck("city:subscribe", { layers: [] });
    expect(received.field).toEqual([]);
    expect(received.admin).toEqual([]);
    for (const socket of Object.values(sockets)) socket.disconnect();
  });
});
