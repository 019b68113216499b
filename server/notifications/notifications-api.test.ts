import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LOCAL_RECEIVER } from "@/test/fixtures/local-receiver";
import { browserSubscription, startReceiver } from "@/test/fixtures/push-service";
import type { TContactPoint, TNotificationHealth, TWebhookPayload } from "@/lib/contracts/notifications";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";
import { createNotificationChannels } from "./channels";
import { fanOutRaisedAlerts } from "./fan-out-alerts";
import { createNotifier } from "./notifier";
import { isValidWebhookSignature, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from "./send-webhook";
import { EMAIL_NOT_CONFIGURED } from "./send-email";
import { TEST_SENDS_PER_MINUTE } from "./start-notifications";
import { resolveVapidKeys } from "./vapid-keys";

/**
 * Contact points end to end, on both backends: real routes and sign-ins, the real notifier over the deliveries
 * table, a real HTTP receiver that checks the webhook signature, a real SMTP server whose mail is parsed, and a
 * local push service that records what Web Push sends. The notifier's clock is the test's: retries are shown by
 * moving it, never by waiting.
 */
async function startSmtp(): Promise<{ url: string; mails: ParsedMail[]; close(): Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(TEST_BACKENDS)("notifications ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let cleanup: () => Promise<void>;
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  let pushService: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let nowMs = Date.now();
  const clock = () => new Date(nowMs);

  beforeAll(async () => {
    hook = await startReceiver();
    pushService = await startReceiver();
    smtp = await startSmtp();
    const opened = await backend.open();
    cleanup = opened.cleanup;
    t = await startAlertsTestApp(opened.db, {
      notifications: { now: clock, webhookAllow: LOCAL_RECEIVER, smtp: { url: smtp.url, from: "CityNerve <alerts@city.test>" } },
    });
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
    await hook?.close();
    await pushService?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    // Each case starts from no contact points, nothing received, and the clock at the real time (alerts are stamped by the database).
    nowMs = Date.now();
    await t.app.db.prisma.contactPoint.deleteMany();
    hook.received.length = 0;
    hook.script.length = 0;
    pushService.received.length = 0;
    smtp.mails.length = 0;
  });

  const prisma = () => t.app.db.prisma;
  const runOnce = () => t.app.runtime.notifications!.notifier.runOnce();
  const add = (cookie: string, body: unknown) => t.app.request("/api/me/contact-points", { body, cookie });
  const addWebhook = async (cookie: string, minSeverity = "major") => {
    const created = await add(cookie, { kind: "webhook", label: "Pager bridge", minSeverity, target: hook.url });
    expect(created.status, created.text).toBe(201);
    return created.body as { contactPoint: TContactPoint; secret: string };
  };
  const deliveriesOf = (alertId: string) => prisma().notificationDelivery.findMany({ where: { alertId } });

  it("each user manages their own contact points; a webhook's secret is shown once; changes are audited", async () => {
    const { contactPoint, secret } = await addWebhook(t.cookies.operator);
    expect(secret).toMatch(/^whsec_/);
    expect(contactPoint).toMatchObject({ kind: "webhook", label: "Pager bridge", target: hook.url, lastDelivery: null, problem: null });

    const listed = await t.app.request("/api/me/contact-points", { cookie: t.cookies.operator });
    expect(listed.body.contactPoints).toEqual([contactPoint]);
    expect(listed.text).not.toContain(secret);
    // Someone else sees none of it and cannot remove or test it.
    expect((await t.app.request("/api/me/contact-points", { cookie: t.cookies.supervisor })).body.contactPoints).toEqual([]);
    const path = `/api/me/contact-points/${contactPoint.id}`;
    expect((await t.app.request(`${path}/remove`, { body: {}, cookie: t.cookies.supervisor })).status).toBe(404);
    expect((await t.app.request(`${path}/test`, { body: {}, cookie: t.cookies.admin })).status).toBe(404);

    const plainHttp = await add(t.cookies.operator, {
      kind: "webhook",
      label: "x",
      minSeverity: "major",
      target: "http://example.com/hook",
    });
    expect(plainHttp.status).toBe(400);
    // The cloud metadata service over https: a valid URL, refused by the allow-list before anything is stored.
    const metadata = await add(t.cookies.operator, {
      kind: "webhook",
      label: "x",
      minSeverity: "major",
      target: "https://169.254.169.254/latest",
    });
    expect(metadata.status).toBe(400);
    expect(metadata.text).toContain("NOTIFY_WEBHOOK_ALLOW");
    const removed = await t.app.request(`${path}/remove`, { body: {}, cookie: t.cookies.operator });
    expect(removed.status, removed.text).toBe(200);
    const audit = await t.auditFor(contactPoint.id);
    expect(audit.map((e) => e.action)).toEqual(["contact_point.created", "contact_point.removed"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("posts a signed webhook once per raised alert, to operators and supervisors whose severity it meets, and logs it on the alert", async () => {
    const { contactPoint, secret } = await addWebhook(t.cookies.operator, "major");
    await addWebhook(t.cookies.field, "warning"); // field crews are not told of raised alerts (rotas come later)
    const alert = await t.seedAlert({ severity: "critical", entityId: "bin-1", domain: "waste" });
    const quiet = await t.seedAlert({ severity: "warning", entityId: "bin-1", domain: "waste" });

    await runOnce();
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    const timestamp = String(request!.headers[WEBHOOK_TIMESTAMP_HEADER.toLowerCase()]);
    const signature = String(request!.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()]);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isValidWebhookSignature(secret, timestamp, request!.body, signature)).toBe(true);
    expect(isValidWebhookSignature(secret, String(Number(timestamp) + 1), request!.body, signature)).toBe(false);
    const payload = JSON.parse(request!.body) as TWebhookPayload;
    expect(payload).toMatchObject({
      type: "alert.raised",
      alert: {
        id: alert.id,
        severity: "critical",
        entityName: "Bin on Main St",
        zone: alert.zone,
        link: `${t.app.origin}/?alert=${alert.id}`,
      },
    });
    expect(request!.headers[WEBHOOK_DELIVERY_HEADER.toLowerCase()]).toBe(payload.deliveryId);

    // Again: nothing new goes out; the warning reached nobody.
    await runOnce();
    expect(hook.received).toHaveLength(1);
    expect(await deliveriesOf(quiet.id)).toEqual([]);
    const [delivery] = await deliveriesOf(alert.id);
    expect(delivery).toMatchObject({ contactPointId: contactPoint.id, status: "sent", attempts: 1, lastError: null });

    const history = await t.auditFor(alert.id);
    const sent = history.find((e) => e.action === "notification.sent");
    expect(sent?.after).toMatchObject({ recipient: expect.any(String), contactPoint: "Pager bridge", kind: "webhook", attempts: 1 });
    const listed = (await t.app.request("/api/me/contact-points", { cookie: t.cookies.operator })).body.contactPoints as TContactPoint[];
    expect(listed[0]!.lastDelivery).toMatchObject({ status: "sent", error: null });
    // The alert drawer's "Notified": names, never addresses.
    const drawer = await t.app.request(`/api/alerts/${alert.id}/notifications`, { cookie: t.cookies.supervisor });
    expect(drawer.body.deliveries).toEqual([
      expect.objectContaining({
        recipient: sent?.after && (sent.after as { recipient: string }).recipient,
        kind: "webhook",
        status: "sent",
      }),
    ]);
    expect(drawer.text).not.toContain(hook.url);
  });

  it("tells no one of an alert raised under a silence (it is recorded, not rung)", async () => {
    await addWebhook(t.cookies.operator, "warning");
    const silenced = await t.seedAlert({ severity: "critical", entityId: "bin-1", domain: "waste" });
    await prisma().alert.update({
      where: { id: silenced.id },
      data: { silencedBy: { id: "00000000-0000-4000-8000-000000000000", reason: "Bin swap on Main St", endsAt: clock().toISOString() } },
    });
    const heard = await t.seedAlert({ severity: "critical", entityId: "bin-1", domain: "waste" });

    await runOnce();
    expect(await deliveriesOf(silenced.id)).toEqual([]);
    expect((await deliveriesOf(heard.id)).map((d) => d.status)).toEqual(["sent"]);
    expect(hook.received.map((r) => (JSON.parse(r.body) as TWebhookPayload).alert?.id)).toEqual([heard.id]);
  });

  it("retries a failed webhook after its backoff (500, then 200), and gives up after five tries with the reason recorded", async () => {
    await addWebhook(t.cookies.supervisor);
    hook.script.push(500);
    const alert = await t.seedAlert({ severity: "major" });
    await runOnce();
    expect((await deliveriesOf(alert.id))[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "the receiver answered HTTP 500",
    });
    await runOnce(); // not due yet: the clock has not moved
    expect(hook.received).toHaveLength(1);
    nowMs += 30_000;
    await runOnce();
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]!.headers[WEBHOOK_DELIVERY_HEADER.toLowerCase()]).toBe(
      hook.received[0]!.headers[WEBHOOK_DELIVERY_HEADER.toLowerCase()],
    );
    expect((await deliveriesOf(alert.id))[0]).toMatchObject({ status: "sent", attempts: 2 });

    hook.received.length = 0;
    hook.script.push(503, 503, 503, 503, 503);
    const failing = await t.seedAlert({ severity: "critical" });
    await runOnce();
    for (const waitMs of [30_000, 120_000, 600_000, 3_600_000]) {
      nowMs += waitMs;
      await runOnce();
    }
    expect(hook.received).toHaveLength(5);
    expect((await deliveriesOf(failing.id))[0]).toMatchObject({
      status: "failed",
      attempts: 5,
      lastError: "the receiver answered HTTP 503",
    });
    const failed = (await t.auditFor(failing.id)).find((e) => e.action === "notification.failed");
    expect(failed?.after).toMatchObject({ attempts: 5, error: "the receiver answered HTTP 503" });

    const health = (await t.app.request("/api/admin/notifications/health", { cookie: t.cookies.admin })).body as TNotificationHealth;
    expect(health.kinds.find((k) => k.kind === "webhook")).toMatchObject({ sent: expect.any(Number), failed: 1, pending: 0 });
    expect(health.recentFailures[0]).toMatchObject({
      kind: "webhook",
      contactPointLabel: "Pager bridge",
      error: "the receiver answered HTTP 503",
    });
    expect(health.emailConfigured).toBe(true);
  });

  it("emails through the SMTP server: subject with severity and place, text with the link; a test message on request", async () => {
    const created = await add(t.cookies.operator, { kind: "email", label: "Work mail", minSeverity: "critical", target: "op@city.test" });
    expect(created.status, created.text).toBe(201);
    expect(created.body.secret).toBeNull();
    const alert = await t.seedAlert({ severity: "critical", entityId: "bin-1", domain: "waste" });
    await runOnce();
    await waitFor(() => smtp.mails.length === 1, "the mail reached the SMTP server");
    const [mail] = smtp.mails;
    expect(mail!.subject).toContain("CRITICAL");
    expect(mail!.subject).toContain("Bin on Main St");
    expect(mail!.text).toContain(`${t.app.origin}/?alert=${alert.id}`);
    expect(mail!.text).toContain("Bin reports burning");
    expect(mail!.to && "text" in mail!.to ? mail!.to.text : "").toBe("op@city.test");

    const tested = await t.app.request(`/api/me/contact-points/${created.body.contactPoint.id}/test`, {
      body: {},
      cookie: t.cookies.operator,
    });
    expect(tested.body).toEqual({ ok: true, error: null });
    await waitFor(() => smtp.mails.length === 2, "the test mail arrived");
    expect(smtp.mails[1]!.subject).toBe("CityNerve test message");
  });

  it("limits test sends per user, so Send test cannot flood a third party's inbox or endpoint", async () => {
    const { contactPoint } = await addWebhook(t.cookies.field);
    const path = `/api/me/contact-points/${contactPoint.id}/test`;
    for (let i = 0; i < TEST_SENDS_PER_MINUTE; i++) {
      expect((await t.app.request(path, { body: {}, cookie: t.cookies.field })).body).toEqual({ ok: true, error: null });
    }
    const refused = await t.app.request(path, { body: {}, cookie: t.cookies.field });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(hook.received).toHaveLength(TEST_SENDS_PER_MINUTE);
    expect((JSON.parse(hook.received[0]!.body) as TWebhookPayload).type).toBe("test");
  });

  it("without SMTP settings, an email point says so and its deliveries fail at once with that reason, on the alert's history", async () => {
    const created = await add(t.cookies.supervisor, { kind: "email", label: "Home mail", minSeverity: "warning", target: "sup@city.test" });
    expect(created.status, created.text).toBe(201);
    const alert = await t.seedAlert({ severity: "major" });
    await fanOutRaisedAlerts({ prisma: prisma(), now: clock });
    // A notifier whose server has no SMTP_URL, over the same queue.
    const { names, publicUrl } = t.app.runtime.notifications!;
    const vapid = await resolveVapidKeys(prisma(), { subject: "mailto:x@city.test" });
    const channels = createNotificationChannels({ vapid, now: clock });
    expect(channels.problemOf("email")).toBe(EMAIL_NOT_CONFIGURED);
    await createNotifier({ prisma: prisma(), channels, names, publicUrl, now: clock, everyMs: 0 }).runOnce();
    expect((await deliveriesOf(alert.id))[0]).toMatchObject({ status: "failed", attempts: 1, lastError: EMAIL_NOT_CONFIGURED });
    const failed = (await t.auditFor(alert.id)).find((e) => e.action === "notification.failed");
    expect(failed?.after).toMatchObject({ contactPoint: "Home mail", kind: "email", error: EMAIL_NOT_CONFIGURED });
    expect(smtp.mails).toHaveLength(0);
  });

  it("pushes to a browser's subscription: aes128gcm with a VAPID Authorization the public key signs", async () => {
    const key = await t.app.request("/api/push/vapid-public-key", { cookie: t.cookies.operator });
    expect(key.status).toBe(200);
    const browser = browserSubscription(`${pushService.url.replace("/hook", "")}/push/abc123`);
    const { subscription } = browser;
    const created = await add(t.cookies.operator, { kind: "push", label: "This laptop", minSeverity: "major", subscription });
    expect(created.status, created.text).toBe(201);
    expect(created.body.contactPoint.target).toBe(new URL(subscription.endpoint).host);
    const alert = await t.seedAlert({ severity: "critical" });
    await runOnce();
    expect(pushService.received).toHaveLength(1);
    const [request] = pushService.received;
    expect(request!.headers["content-encoding"]).toBe("aes128gcm");
    expect(String(request!.headers.authorization)).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${key.body.publicKey}$`));
    expect(Number(request!.headers.ttl)).toBeGreaterThan(0);
    // What the service worker gets: the title with severity and place, and the link it opens on click: the one-tap
    // acknowledge page (server/on-call/open-ack-link.ts), which says what happened and links the alert.
    const shown = JSON.parse(browser.decrypt(request!.raw)) as { title: string; body: string; url: string };
    expect(shown).toEqual({
      title: expect.stringContaining("CRITICAL"),
      body: "Bin reports burning",
      url: expect.stringMatching(new RegExp(`^${t.app.origin}/ack/[\\w-]{43}$`)),
    });
    expect((await deliveriesOf(alert.id))[0]).toMatchObject({ status: "sent" });

    // The browser unsubscribed: the push service says gone, and the delivery fails at once saying so.
    pushService.script.push(410);
    const later = await t.seedAlert({ severity: "critical" });
    await runOnce();
    expect((await deliveriesOf(later.id))[0]).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringContaining("subscription has ended"),
    });
  });

  it("fans each alert out once however many notifiers run at once, and a new notifier delivers what the last one queued", async () => {
    await addWebhook(t.cookies.operator);
    await addWebhook(t.cookies.supervisor);
    const alert = await t.seedAlert({ severity: "critical" });
    const counts = await Promise.all([1, 2, 3].map(() => fanOutRaisedAlerts({ prisma: prisma(), now: clock })));
    expect(counts.some((n) => n > 0)).toBe(true);
    expect(await deliveriesOf(alert.id)).toHaveLength(2);
    expect(await prisma().notificationFanout.count({ where: { alertId: alert.id } })).toBe(1);

    // As after a restart: another notifier (a new process, or a new leader) works the stored queue.
    const { channels, names, publicUrl } = t.app.runtime.notifications!;
    const next = createNotifier({ prisma: prisma(), channels, names, publicUrl, now: clock, everyMs: 0 });
    await next.runOnce();
    expect((await deliveriesOf(alert.id)).map((d) => d.status)).toEqual(["sent", "sent"]);
    expect(hook.received).toHaveLength(2);
  });

  it("works the queue by itself while leading, and keeps the VAPID keys it generated", async () => {
    await addWebhook(t.cookies.operator);
    const { channels, names, publicUrl } = t.app.runtime.notifications!;
    const looping = createNotifier({ prisma: prisma(), channels, names, publicUrl, now: clock, everyMs: 100 });
    looping.leaderWork.start();
    try {
      const alert = await t.seedAlert({ severity: "critical" });
      await waitFor(async () => (await deliveriesOf(alert.id))[0]?.status === "sent", "the leader's loop delivered it");
    } finally {
      await looping.leaderWork.stop();
    }
    const again = await resolveVapidKeys(prisma(), { subject: "mailto:x@city.test" });
    expect(again.publicKey).toBe(channels.vapidPublicKey);
  });
});
