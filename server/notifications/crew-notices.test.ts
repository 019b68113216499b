import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncident } from "@/lib/contracts/incidents";
import { DISPATCH_CITY, DISPATCH_CITY_SCENE } from "@/test/fixtures/dispatch-city";
import { browserSubscription, startReceiver } from "@/test/fixtures/push-service";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import type { TPushPayload } from "./send-push";

/**
 * Field crews' phones: a new assignment and a backup request nearby are pushed to the crew's own push contact
 * point ("Notify me on this phone" on /field) through the notifier's queue, encrypted for their browser.
 */
describe.each(TEST_BACKENDS)("crew push notices ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let pushService: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    pushService = await startReceiver();
  });
  afterAll(async () => {
    await pushService?.close();
  });
  withAlertsTestApp(
    backend,
    (app) => {
      t = app;
    },
    { entities: DISPATCH_CITY },
  );

  const prisma = () => t.app.db.prisma;
  const post = (path: string, body: unknown, cookie = t.cookies.operator) => t.app.request(path, { body, cookie });
  const runNotifier = () => t.app.runtime.notifications!.notifier.runOnce();
  const pushServiceBase = () => pushService.url.replace("/hook", "");

  async function dispatchedIncident(type: TIncident["type"], unitIds: string[]): Promise<TIncident> {
    const created = await post(`/api/incidents`, {
      type,
      priority: "P1",
      location: DISPATCH_CITY_SCENE,
      address: "12 Main Street",
      description: `Smoke from a ${type}`,
    });
    expect(created.status, created.text).toBe(201);
    const dispatched = await post(`/api/incidents/${created.body.id}/dispatch`, { unitIds });
    expect(dispatched.status, dispatched.text).toBe(200);
    return created.body;
  }

  it("pushes a new assignment to its crew's phone, and a backup request to the crews nearby but not to the one asking", async () => {
    // Crew A on E-1 subscribes from the field page (the contact point API every role has).
    await prisma().user.update({ where: { id: t.ids.field }, data: { unitId: "unit-e1" } });
    const phoneA = browserSubscription(`${pushServiceBase()}/push/crew-a`);
    const added = await post(
      "/api/me/contact-points",
      { kind: "push", label: "This phone", minSeverity: "critical", subscription: phoneA.subscription },
      t.cookies.field,
    );
    expect(added.status, added.text).toBe(201);
    // Crew B on E-2, with a phone of its own.
    const phoneB = browserSubscription(`${pushServiceBase()}/push/crew-b`);
    const crewB = await prisma().user.create({
      data: { id: `crew-b-${randomUUID()}`, name: "Crew B", email: `crew-b-${randomUUID()}@city.test`, role: "field", unitId: "unit-e2" },
    });
    await prisma().contactPoint.create({
      data: { userId: crewB.id, kind: "push", label: "B's phone", target: JSON.stringify(phoneB.subscription), minSeverity: "critical" },
    });

    const incident = await dispatchedIncident("fire", ["unit-e1"]);
    pushService.received.length = 0;
    await runNotifier();
    expect(pushService.received).toHaveLength(1);
    const [assignment] = pushService.received;
    expect(assignment!.headers["content-encoding"]).toBe("aes128gcm");
    const shown = JSON.parse(phoneA.decrypt(assignment!.raw)) as TPushPayload;
    expect(shown).toEqual({
      title: `E-1: new assignment ${incident.number}`,
      body: "12 Main Street — Smoke from a fire",
      url: `${t.app.origin}/field`,
    });
    const dispatchId = (await prisma().dispatch.findFirstOrThrow({ where: { incidentId: incident.id } })).id;
    expect((await t.auditFor(dispatchId)).map((e) => [e.action, (e.after as { notice: string }).notice])).toEqual([
      ["notification.sent", "assignment"],
    ]);

    // Another round sends nothing again.
    await runNotifier();
    expect(pushService.received).toHaveLength(1);

    const backup = await post(`/api/units/unit-e1/actions`, { idempotencyKey: randomUUID(), action: "needBackup" }, t.cookies.field);
    expect(backup.status, backup.text).toBe(200);
    await runNotifier();
    expect(pushService.received).toHaveLength(2);
    const toB = pushService.received[1]!;
    expect(toB.url).toBe("/push/crew-b");
    expect(JSON.parse(phoneB.decrypt(toB.raw))).toEqual({
      title: `Backup requested: E-1 on ${incident.number}`,
      body: "E-1 needs backup at 12 Main Street",
      url: `${t.app.origin}/field`,
    });
  });

  it("a phone whose subscription ended fails for good, with the reason recorded", async () => {
    await prisma().user.update({ where: { id: t.ids.field }, data: { unitId: "unit-m2" } });
    pushService.script.push(410);
    pushService.received.length = 0;
    await dispatchedIncident("medical", ["unit-m2"]);
    await runNotifier();
    const notices = await prisma().crewNotice.findMany({ where: { kind: "assignment", status: { not: "sent" } } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("subscription has ended") });
  });
});
