import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { DISPATCH_CITY, DISPATCH_CITY_SCENE } from "@/test/fixtures/dispatch-city";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { IDEMPOTENCY_HEADER, storeKey } from "./idempotent-replay";

/** A click sent twice (double-click, resend) acts once, whatever route it hits. */
describe.each(TEST_BACKENDS)("Idempotency-Key on state-changing routes ($kind)", (backend) => {
  let t: TAlertsTestApp;
  withAlertsTestApp(
    backend,
    (app) => {
      t = app;
    },
    { entities: DISPATCH_CITY },
  );

  const createIncident = (key: string | null, cookie = t.cookies.operator, description = "phoned-in fall") =>
    t.app.request("/api/incidents", {
      cookie,
      body: { type: "medical", priority: "P1", location: DISPATCH_CITY_SCENE, description },
      headers: key ? { [IDEMPOTENCY_HEADER]: key } : {},
    });
  const incidentsNamed = (description: string) => t.app.db.prisma.incident.count({ where: { description } });

  it("answers repeats of one key with the first answer, at once or later, and creates one incident", async () => {
    const key = randomUUID();
    const together = await Promise.all([createIncident(key, undefined, "twice at once"), createIncident(key, undefined, "twice at once")]);
    expect(together.map((r) => r.status)).toEqual([201, 201]);
    expect(together[1].body.id).toBe(together[0].body.id);
    const later = await createIncident(key, undefined, "twice at once");
    expect(later.status).toBe(201);
    expect(later.body).toEqual(together[0].body);
    expect(await incidentsNamed("twice at once")).toBe(1);
    expect(await t.app.db.prisma.auditLog.count({ where: { action: "incident.created", entityId: together[0].body.id } })).toBe(1);
  });

  it("acts again for a new key, no key, or the same key from another user", async () => {
    const key = randomUUID();
    expect((await createIncident(key, undefined, "separate clicks")).status).toBe(201);
    expect((await createIncident(randomUUID(), undefined, "separate clicks")).status).toBe(201);
    expect((await createIncident(null, undefined, "separate clicks")).status).toBe(201);
    expect((await createIncident(key, t.cookies.supervisor, "separate clicks")).status).toBe(201);
    expect(await incidentsNamed("separate clicks")).toBe(4);
  });

  it("does not keep a refusal: the same key runs again once the request is valid", async () => {
    const key = randomUUID();
    const refused = await t.app.request("/api/incidents", {
      body: { type: "medical" },
      headers: { [IDEMPOTENCY_HEADER]: key },
      cookie: t.cookies.operator,
    });
    expect(refused.status).toBe(400);
    expect((await createIncident(key, undefined, "after a refusal")).status).toBe(201);
    expect(await incidentsNamed("after a refusal")).toBe(1);
  });

  it("a repeat reaching this instance while another instance answers the first waits for that answer and acts not", async () => {
    const key = randomUUID();
    const id = storeKey(t.ids.operator, key, new Request("http://x/api/incidents", { method: "POST" }));
    // Another instance has claimed the click and is still answering it.
    await t.app.db.prisma.idempotentRequest.create({ data: { key: id, userId: t.ids.operator, status: 0, response: {} } });
    const repeat = createIncident(key, undefined, "answered elsewhere");
    const elsewhere = { id: "answered-by-the-other-instance" };
    await t.app.db.prisma.idempotentRequest.update({ where: { key: id }, data: { status: 201, response: elsewhere } });
    const answer = await repeat;
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual(elsewhere);
    expect(await incidentsNamed("answered elsewhere")).toBe(0);
  });

  it("a claim left by an instance that died mid-request is taken over once it is old", async () => {
    const key = randomUUID();
    const id = storeKey(t.ids.operator, key, new Request("http://x/api/incidents", { method: "POST" }));
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await t.app.db.prisma.idempotentRequest.create({ data: { key: id, userId: t.ids.operator, status: 0, response: {}, at: longAgo } });
    expect((await createIncident(key, undefined, "after a dead claim")).status).toBe(201);
    expect(await incidentsNamed("after a dead claim")).toBe(1);
  });
});
