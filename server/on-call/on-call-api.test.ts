import { LOCAL_RECEIVER } from "@/test/fixtures/local-receiver";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TAckLinkOutcome, TAlertEscalation, TOnCallOverview, TPolicy, TRota } from "@/lib/contracts/on-call";
import type { TWebhookPayload } from "@/lib/contracts/notifications";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { ZONE_NAMES } from "@/lib/zones";

/**
 * Rotas, policies and escalation chains end to end on both backends: real routes and sign-ins, the real notifier
 * and chain runner over the database, a real HTTP receiver for each person's webhook. The clock is the test's:
 * a chain moves because the test moves the clock, never because it waits.
 */
type TReceived = { path: string; payload: TWebhookPayload };

async function startReceiver(): Promise<{ url: string; received: TReceived[]; close(): Promise<void> }> {
  const received: TReceived[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", payload: JSON.parse(Buffer.concat(chunks).toString("utf8")) as TWebhookPayload });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const MINUTE_MS = 60_000;

describe.each(TEST_BACKENDS)("on-call rotas and escalation ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let cleanup: () => Promise<void>;
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  let nowMs = Date.now();
  const clock = () => new Date(nowMs);

  beforeAll(async () => {
    hook = await startReceiver();
    const opened = await backend.open();
    cleanup = opened.cleanup;
    t = await startAlertsTestApp(opened.db, { notifications: { now: clock, webhookAllow: LOCAL_RECEIVER } });
    // Each person's pager: a webhook whose path says whose it is.
    for (const role of ["operator", "supervisor"] as const) {
      await t.app.db.prisma.contactPoint.create({
        data: {
          userId: t.ids[role],
          kind: "webhook",
          label: `${role} pager`,
          target: `${hook.url}/${role}`,
          secret: "whsec_test",
          minSeverity: "warning",
        },
      });
    }
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
    await hook?.close();
  });
  beforeEach(async () => {
    nowMs = Date.now();
    hook.received.length = 0;
    // No chain or delivery of an earlier case carries on into this one.
    await t.app.db.prisma.alertEscalation.deleteMany();
    await t.app.db.prisma.notificationDelivery.deleteMany({ where: { status: "pending" } });
    await t.app.db.prisma.escalationPolicy.deleteMany();
    await t.app.db.prisma.onCallRota.deleteMany();
  });

  const prisma = () => t.app.db.prisma;
  const notifications = () => t.app.runtime.notifications!;
  /** One round of the leader's work: fan out, run due chain steps, deliver. */
  const round = async () => {
    await notifications().notifier.runOnce();
    await notifications().escalations.runOnce();
    await notifications().notifier.runOnce();
  };
  const who = () => hook.received.map((r) => r.path.slice(1));
  const post = (path: string, body: unknown, cookie = t.cookies.supervisor) => t.app.request(path, { body, cookie });
  const overview = async () => (await t.app.request("/api/on-call", { cookie: t.cookies.supervisor })).body as TOnCallOverview;

  const createRota = async (memberIds: string[], startsAt = "2026-12-01T06:00") => {
    const created = await post("/api/on-call/rotas", {
      name: `Rota ${Math.random().toString(36).slice(2, 8)}`,
      memberIds,
      shiftMinutes: 480,
      startsAt,
    });
    expect(created.status, created.text).toBe(201);
    return created.body as TRota;
  };
  const createPolicy = async (body: Record<string, unknown>) => {
    const created = await post("/api/on-call/policies", { name: `Policy ${Math.random().toString(36).slice(2, 8)}`, ...body });
    expect(created.status, created.text).toBe(201);
    return created.body as TPolicy;
  };
  /** On-call operator rota (5 min), then every supervisor (10 min): the shape most cities start from. */
  const operatorThenSupervisor = async (matchers: Record<string, string> = { severity: "critical", domain: "waste" }) => {
    const rota = await createRota([t.ids.operator]);
    return createPolicy({
      matchers,
      steps: [
        { target: { kind: "rota", rotaId: rota.id }, waitMinutes: 5 },
        { target: { kind: "role", role: "supervisor" }, waitMinutes: 10 },
      ],
    });
  };
  const stepsOf = async (alertId: string) => (await t.auditFor(alertId)).filter((e) => e.action.startsWith("alert.escalation"));

  it("supervisors manage rotas and policies (audited), see who is on call now and next; operators cannot", async () => {
    const rota = await createRota([t.ids.operator, t.ids.supervisor], "2026-01-01T00:00");
    expect(rota.members.map((m) => m.name).sort()).toEqual(["Olivia Operator", "Sam Supervisor"].sort());
    expect(rota.now).not.toBeNull();
    expect(rota.next!.person.id).not.toBe(rota.now!.person.id);
    expect(rota.next!.from).toBe(rota.now!.to);

    const policy = await createPolicy({
      matchers: { zone: "Central" },
      steps: [{ target: { kind: "rota", rotaId: rota.id }, waitMinutes: 3 }],
    });
    expect(policy.steps[0]!.targetName).toBe(`On call: ${rota.name}`);
    const state = await overview();
    expect(state.rotas.map((r) => r.name)).toEqual([rota.name]);
    expect(state.policies.map((p) => p.name)).toEqual([policy.name]);
    expect(state.people.map((p) => p.name)).toContain("Olivia Operator");

    expect(
      (await post("/api/on-call/rotas", { name: "x", memberIds: [t.ids.field], shiftMinutes: 60, startsAt: "2026-12-01T06:00" })).status,
    ).toBe(400);
    expect(
      (
        await post(
          "/api/on-call/rotas",
          { name: "x", memberIds: [t.ids.operator], shiftMinutes: 60, startsAt: "2026-12-01T06:00" },
          t.cookies.operator,
        )
      ).status,
    ).toBe(403);
    const inUse = await post(`/api/on-call/rotas/${rota.id}/remove`, {});
    expect(inUse.status).toBe(409);
    expect(inUse.text).toContain(policy.name);
    expect((await post(`/api/on-call/policies/${policy.id}/remove`, {})).status).toBe(200);
    expect((await post(`/api/on-call/rotas/${rota.id}/remove`, {})).status).toBe(200);
    expect(await overview()).toMatchObject({ rotas: [], policies: [] });

    const audit = (await t.app.request("/api/audit?limit=50", { cookie: t.cookies.supervisor })).body as { entries: { action: string }[] };
    const actions = audit.entries.map((e) => e.action);
    for (const action of ["on_call_rota.created", "escalation_policy.created", "escalation_policy.removed", "on_call_rota.removed"]) {
      expect(actions).toContain(action);
    }
  });

  it("runs the chain as the clock moves: the on-call operator, then after 5 minutes every supervisor, then gives up", async () => {
    const policy = await operatorThenSupervisor();
    const alert = await t.seedAlert({ severity: "critical", domain: "waste" });
    await round();
    expect(who()).toEqual(["operator"]);
    expect(hook.received[0]!.payload).toMatchObject({ type: "alert.raised", alert: { id: alert.id } });

    nowMs += 5 * MINUTE_MS - 1_000;
    await round();
    expect(who()).toEqual(["operator"]);
    nowMs += 1_000;
    await round();
    expect(who()).toEqual(["operator", "supervisor"]);
    expect(hook.received[1]!.payload.type).toBe("alert.escalated");

    nowMs += 10 * MINUTE_MS;
    await round();
    expect(who()).toEqual(["operator", "supervisor"]);
    const steps = await stepsOf(alert.id);
    expect(steps.map((e) => e.action)).toEqual(["alert.escalation_step", "alert.escalation_step", "alert.escalation_ended"]);
    expect(steps[0]!.after).toMatchObject({ policy: policy.name, step: 1, of: 2, notified: ["Olivia Operator"] });
    expect(steps[1]!.after).toMatchObject({ step: 2, target: "every supervisor", notified: ["Sam Supervisor"] });
    expect(steps[2]!.after).toMatchObject({ reason: "exhausted" });

    const timeline = (await t.app.request(`/api/alerts/${alert.id}/escalation`, { cookie: t.cookies.operator })).body as TAlertEscalation;
    expect(timeline.events.map((e) => e.kind)).toEqual(["step", "step", "ended"]);
    expect(timeline.events[0]).toMatchObject({ step: 1, notified: ["Olivia Operator"] });
  });

  it("stops the chain when someone acknowledges the alert, and never starts one for a silenced alert", async () => {
    await operatorThenSupervisor();
    const alert = await t.seedAlert({ severity: "critical", domain: "waste" });
    await round();
    const acked = await post(`/api/alerts/${alert.id}/acknowledge`, { version: alert.version }, t.cookies.operator);
    expect(acked.status, acked.text).toBe(200);
    nowMs += 30 * MINUTE_MS;
    await round();
    expect(who()).toEqual(["operator"]);
    const steps = await stepsOf(alert.id);
    expect(steps.at(-1)!.after).toMatchObject({ reason: "acknowledged", by: "Olivia Operator" });

    const silenced = await t.seedAlert({ severity: "critical", domain: "waste" });
    await prisma().alert.update({
      where: { id: silenced.id },
      data: { silencedBy: { id: "00000000-0000-4000-8000-000000000000", reason: "Bin swap", endsAt: clock().toISOString() } },
    });
    await round();
    expect(await prisma().alertEscalation.findUnique({ where: { alertId: silenced.id } })).toBeNull();
    expect(who()).toEqual(["operator"]);
  });

  it.each([
    ["domain", { domain: "air-qualty" }, /^Unknown domain "air-qualty": choose one of Traffic, Parking, Waste, Energy grid, Units$/],
    ["zone", { zone: "Riverside" }, /^Unknown zone "Riverside": choose one of .*Central.*, No zone$/],
  ])("refuses a policy for a %s this city does not have (400, naming it; nothing stored)", async (_, matchers, message) => {
    const refused = await post("/api/on-call/policies", {
      name: "Unknown matcher",
      matchers,
      steps: [{ target: { kind: "role", role: "supervisor" }, waitMinutes: 5 }],
    });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error).toMatch(message);
    expect(await prisma().escalationPolicy.count()).toBe(0);
  });

  it("alerts no policy covers still go to every operator and supervisor, as before", async () => {
    const binZone = t.app.city.zones!.zoneOf(TINY_CITY.bins.find((b) => b.id === "bin-1")!.position);
    await operatorThenSupervisor({ domain: "waste", zone: ZONE_NAMES.find((zone) => zone !== binZone)! });
    const alert = await t.seedAlert({ severity: "critical", domain: "waste" });
    await round();
    expect(who().sort()).toEqual(["operator", "supervisor"]);
    expect(await prisma().alertEscalation.findUnique({ where: { alertId: alert.id } })).toBeNull();
  });

  it("a one-tap acknowledge link works once, for its recipient, signed in, until it expires", async () => {
    await operatorThenSupervisor();
    const alert = await t.seedAlert({ severity: "critical", domain: "waste" });
    await round();
    const link = hook.received[0]!.payload.acknowledgeLink!;
    expect(link).toMatch(new RegExp(`^${t.app.origin}/ack/[\\w-]{43}$`));
    const token = link.split("/").at(-1)!;
    // Only the hash is stored.
    expect(await prisma().ackLink.count({ where: { tokenHash: token } })).toBe(0);
    const open = (cookie?: string) => t.app.request(`/api/ack-links/${token}`, { method: "POST", body: {}, cookie });

    expect((await open()).status).toBe(401);
    const wrong = await open(t.cookies.supervisor);
    expect(wrong.status).toBe(403);
    const first = await open(t.cookies.operator);
    expect(first.status, first.text).toBe(200);
    expect(first.body as TAckLinkOutcome).toEqual({
      outcome: "acknowledged",
      alerts: [{ id: alert.id, title: expect.any(String), result: "acknowledged", by: null }],
    });
    const acknowledged = (await t.auditFor(alert.id)).find((e) => e.action === "alert.acknowledged");
    expect(acknowledged?.actorEmail).toBe("operator@citynerve.local");
    const again = await open(t.cookies.operator);
    expect(again.body as TAckLinkOutcome).toMatchObject({
      outcome: "used",
      alerts: [{ result: "already_acknowledged", by: "Olivia Operator" }],
    });
    expect((await t.app.request("/api/ack-links/not-a-token", { method: "POST", body: {}, cookie: t.cookies.operator })).status).toBe(404);

    // Expired: sent (by the notifier's clock) half an hour before it is opened (the route's clock is the real one).
    const later = await t.seedAlert({ severity: "critical", domain: "waste" });
    nowMs = Date.now() - 30 * MINUTE_MS;
    await round();
    const lateToken = hook.received.at(-1)!.payload.acknowledgeLink!.split("/").at(-1)!;
    const expired = await t.app.request(`/api/ack-links/${lateToken}`, { method: "POST", body: {}, cookie: t.cookies.operator });
    expect(expired.body as TAckLinkOutcome).toMatchObject({ outcome: "expired", alerts: [{ id: later.id, result: "open" }] });
    expect((await prisma().alert.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("open");
  });

  it("a link is deleted a day after it expired, used or not, when the next one is issued", async () => {
    const HOUR_MS = 60 * MINUTE_MS;
    const link = (expiredHoursAgo: number, isUsed: boolean) => ({
      tokenHash: randomUUID(),
      userId: t.ids.operator,
      alerts: [],
      createdAt: new Date(nowMs - expiredHoursAgo * HOUR_MS - 30 * MINUTE_MS),
      expiresAt: new Date(nowMs - expiredHoursAgo * HOUR_MS),
      usedAt: isUsed ? new Date(nowMs - expiredHoursAgo * HOUR_MS - 20 * MINUTE_MS) : null,
    });
    const stale = [link(25, true), link(72, false)];
    const kept = [link(23, true), link(2, false)];
    await prisma().ackLink.createMany({ data: [...stale, ...kept] });
    await operatorThenSupervisor();
    await t.seedAlert({ severity: "critical", domain: "waste" });
    await round();
    expect(hook.received).toHaveLength(1);
    const left = new Set((await prisma().ackLink.findMany({ select: { tokenHash: true } })).map((l) => l.tokenHash));
    expect(stale.filter((l) => left.has(l.tokenHash))).toEqual([]);
    expect(kept.filter((l) => !left.has(l.tokenHash))).toEqual([]);
  });

  it("a link to an alert someone else acknowledged meanwhile says who did", async () => {
    await operatorThenSupervisor();
    const alert = await t.seedAlert({ severity: "critical", domain: "waste" });
    await round();
    const token = hook.received[0]!.payload.acknowledgeLink!.split("/").at(-1)!;
    expect((await post(`/api/alerts/${alert.id}/acknowledge`, { version: alert.version }, t.cookies.supervisor)).status).toBe(200);
    const opened = await t.app.request(`/api/ack-links/${token}`, { method: "POST", body: {}, cookie: t.cookies.operator });
    expect(opened.body as TAckLinkOutcome).toMatchObject({
      outcome: "nothing",
      alerts: [{ id: alert.id, result: "already_acknowledged", by: "Sam Supervisor" }],
    });
  });
});
