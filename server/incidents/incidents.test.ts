import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident, TIncidentDetail } from "@/lib/contracts/incidents";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { socketOutcome } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";

const INCIDENT_NUMBER = new RegExp(`^INC-${new Date().getUTCFullYear()}-\\d{6}$`);

/** Incidents through the real routes: promotion from alerts, the status flow, the timeline, the audit trail. */
describe.each(TEST_BACKENDS)("incidents ($kind)", (backend) => {
  let t: TAlertsTestApp;

  withAlertsTestApp(backend, (app) => {
    t = app;
  });

  const post = (path: string, body: unknown, cookie = t.cookies.operator) => t.app.request(path, { body, cookie });
  const detail = async (id: string) =>
    (await t.app.request(`/api/incidents/${id}`, { cookie: t.cookies.operator })).body as TIncidentDetail;

  it("pushes a phoned-in incident to every operator and supervisor screen as it is created (incident:upsert)", async () => {
    const screens = [t.app.socket(t.cookies.operator), t.app.socket(t.cookies.supervisor)];
    const seen: TIncident[][] = [[], []];
    for (const [i, socket] of screens.entries()) {
      expect(await socketOutcome(socket)).toEqual({ connected: true });
      socket.on("incident:upsert", (incident) => seen[i]!.push(incident));
    }
    const created = await post("/api/incidents", { type: "medical", priority: "P1", location: [-85.636, 41.941], description: "pushed" });
    expect(created.status, created.text).toBe(201);
    await waitFor(
      () => seen.every((list) => list.some((incident) => incident.id === created.body.id)),
      "both screens told of the new incident",
    );
    for (const socket of screens) socket.disconnect();
  });

  it("promotes an alert into a new incident with a readable number, linking and acknowledging the alert", async () => {
    const alert = await t.seedAlert();
    const response = await post(`/api/alerts/${alert.id}/promote`, { version: 0 });
    expect(response.status, response.text).toBe(201);
    const { alert: linked, incident } = response.body as { alert: TAlert; incident: TIncident };
    expect(incident).toMatchObject({
      number: expect.stringMatching(INCIDENT_NUMBER),
      type: "wasteFire",
      priority: "P1",
      status: "new",
      location: alert.location,
      zone: alert.zone,
      address: null,
      description: `Rule waste.bin-burning: ${alert.message}`,
      alertIds: [alert.id],
      createdBy: { id: t.ids.operator, name: expect.any(String) },
      version: 0,
    });
    expect(linked).toMatchObject({ incidentId: incident.id, status: "acknowledged", version: 1, acknowledgedBy: { id: t.ids.operator } });

    const full = await detail(incident.id);
    expect(full.timeline.map((e) => e.kind)).toEqual(["created", "alertLinked"]);
    expect(full.timeline[0]).toMatchObject({
      actor: { id: t.ids.operator },
      data: { number: incident.number, source: "alert", alertId: alert.id },
    });
    expect(full.timeline[1].data).toMatchObject({ alertId: alert.id, ruleId: "waste.bin-burning" });
    expect(full.alerts.map((a) => a.id)).toEqual([alert.id]);

    expect((await t.auditFor(alert.id)).map((e) => e.action)).toEqual(["alert.raised", "alert.promoted"]);
    expect((await t.auditFor(incident.id)).map((e) => e.action)).toEqual(["incident.created", "incident.alert_linked"]);

    const twice = await post(`/api/alerts/${alert.id}/promote`, { version: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe("The alert already belongs to an incident");
  });

  it("attaches an alert to an existing incident, and refuses closed incidents and unknown ones", async () => {
    const first = await t.seedAlert();
    const { incident } = (
      await post(`/api/alerts/${first.id}/promote`, {
        version: 0,
        incident: { type: "fire", priority: "P2", address: "12 Main St", description: "Fire near the square" },
      })
    ).body;
    expect(incident).toMatchObject({ type: "fire", priority: "P2", address: "12 Main St", description: "Fire near the square" });
    const second = await t.seedAlert({ severity: "major", ruleId: "waste.temperature-spike", value: 80, worstValue: 80 });
    const attached = await post(`/api/alerts/${second.id}/promote`, { version: 0, incidentId: incident.id });
    expect(attached.status, attached.text).toBe(200);
    expect(attached.body.incident).toMatchObject({ id: incident.id, alertIds: [first.id, second.id], version: 1 });
    expect((await detail(incident.id)).timeline.map((e) => e.kind)).toEqual(["created", "alertLinked", "alertLinked"]);

    const third = await t.seedAlert();
    expect((await post(`/api/alerts/${third.id}/promote`, { version: 0, incidentId: randomUUID() })).status).toBe(404);
    const other = (await post(`/api/incidents`, { type: "hazard", priority: "P3", location: [-85.636, 41.94], description: "Debris" }))
      .body as TIncident;
    for (const [status, version] of [
      ["acknowledged", 0],
      ["resolved", 1],
    ] as const) {
      expect((await post(`/api/incidents/${other.id}/status`, { version, status })).status).toBe(200);
    }
    const refused = await post(`/api/alerts/${third.id}/promote`, { version: 0, incidentId: other.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/is resolved; alerts cannot be added/);
    // Nothing was half-done: the alert is unchanged and no incident was created for it.
    const unchanged = ((await t.app.request(`/api/alerts`, { cookie: t.cookies.operator })).body as TAlert[]).find(
      (a) => a.id === third.id,
    );
    expect(unchanged).toMatchObject({ version: 0, incidentId: null, status: "open" });
  });

  it("creates incidents by hand and walks the status flow, refusing skips and stale versions with 409", async () => {
    const created = await post(`/api/incidents`, {
      type: "trafficCollision",
      priority: "P2",
      location: [-85.635, 41.94],
      address: " Main St & Side St ",
      description: "Two cars",
    });
    expect(created.status, created.text).toBe(201);
    const incident = created.body as TIncident;
    expect(incident).toMatchObject({
      status: "new",
      version: 0,
      number: expect.stringMatching(INCIDENT_NUMBER),
      address: "Main St & Side St",
      zone: expect.any(String),
      alertIds: [],
    });

    const skip = await post(`/api/incidents/${incident.id}/status`, { version: 0, status: "onScene" });
    expect(skip.status).toBe(409);
    expect(skip.body).toEqual({
      error: "An incident cannot go from new to onScene (allowed next: acknowledged)",
      current: expect.objectContaining({ status: "new", version: 0 }),
    });

    const flow = ["acknowledged", "dispatched", "onScene", "resolved", "closed"] as const;
    for (const [version, status] of flow.entries()) {
      const step = await post(`/api/incidents/${incident.id}/status`, { version, status, reason: `step ${version}` });
      expect(step.status, step.text).toBe(200);
      expect(step.body).toMatchObject({ status, version: version + 1 });
      if (version === 0) {
        const stale = await post(`/api/incidents/${incident.id}/status`, { version: 0, status: "dispatched" });
        expect(stale.status).toBe(409);
        expect(stale.body.current).toMatchObject({ status: "acknowledged", version: 1 });
      }
    }
    const afterClosed = await post(`/api/incidents/${incident.id}/status`, { version: 5, status: "acknowledged" });
    expect(afterClosed.body.error).toBe("An incident cannot go from closed to acknowledged (closed is final)");
    expect((await post(`/api/incidents/${incident.id}/notes`, { text: "late note" })).status).toBe(409);

    const full = await detail(incident.id);
    expect(full.timeline.map((e) => e.kind)).toEqual(["created", ...flow.map(() => "statusChanged")]);
    expect(full.timeline[1].data).toEqual({ from: "new", to: "acknowledged", reason: "step 0" });
    const audit = await t.auditFor(incident.id);
    expect(audit.map((e) => e.action)).toEqual(["incident.created", ...flow.map(() => "incident.status_changed")]);
    expect(audit[1]).toMatchObject({
      actorId: t.ids.operator,
      before: { status: "new", version: 0 },
      after: { status: "acknowledged", version: 1, reason: "step 0" },
    });

    const listed = (await t.app.request(`/api/incidents`, { cookie: t.cookies.operator })).body as TIncident[];
    expect(listed.map((i) => i.id)).not.toContain(incident.id); // closed ones only on request
    const closed = (await t.app.request(`/api/incidents?status=closed`, { cookie: t.cookies.operator })).body as TIncident[];
    expect(closed.map((i) => i.id)).toContain(incident.id);
  });

  it("adds notes to the timeline, validates bodies and answers 404 for unknown incidents", async () => {
    const incident = (await post(`/api/incidents`, { type: "other", priority: "P4", location: [-85.635, 41.94], description: "Noise" }))
      .body as TIncident;
    const noted = await post(`/api/incidents/${incident.id}/notes`, { text: "Caller rang again" }, t.cookies.supervisor);
    expect(noted.status).toBe(201);
    expect(noted.body.timeline.at(-1)).toMatchObject({
      kind: "note",
      actor: { id: t.ids.supervisor },
      data: { text: "Caller rang again" },
    });
    expect((await t.auditFor(incident.id)).map((e) => e.action)).toEqual(["incident.created", "incident.note_added"]);

    const bad = await post(`/api/incidents`, { type: "alien", priority: "P9", location: [200, 0], description: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fieldErrors).sort()).toEqual(["description", "location", "priority", "type"]);
    expect((await post(`/api/incidents/${incident.id}/status`, { version: 0, status: "done" })).body.fieldErrors).toHaveProperty("status");
    expect((await t.app.request(`/api/incidents?status=nope`, { cookie: t.cookies.operator })).status).toBe(400);
    for (const id of [randomUUID(), "INC-2026-000001"]) {
      expect((await t.app.request(`/api/incidents/${id}`, { cookie: t.cookies.operator })).status).toBe(404);
      expect((await post(`/api/incidents/${id}/status`, { version: 0, status: "acknowledged" })).status).toBe(404);
      expect((await post(`/api/incidents/${id}/notes`, { text: "x" })).status).toBe(404);
    }
  });

  it("keeps the timeline append-only in the database itself", async () => {
    const incident = (await post(`/api/incidents`, { type: "other", priority: "P4", location: [-85.635, 41.94], description: "x" }))
      .body as TIncident;
    const prisma = t.app.db.prisma;
    await expect(prisma.$executeRawUnsafe(`UPDATE incident_events SET kind = 'note' WHERE incident_id = '${incident.id}'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.$executeRawUnsafe(`DELETE FROM incident_events WHERE incident_id = '${incident.id}'`)).rejects.toThrow(
      /append-only/,
    );
    expect((await detail(incident.id)).timeline.map((e) => e.kind)).toEqual(["created"]);
  });
});
