import { LOCAL_RECEIVER } from "@/test/fixtures/local-receiver";
import { startWebhookReceiver, type TWebhookReceiver } from "@/test/fixtures/webhook-receiver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TWebhookPayload } from "@/lib/contracts/notifications";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { GROUP_INTERVAL_MS } from "./deliver-due";

/**
 * A storm: 5,000 alerts raised within 60 s in 25 correlation groups, two people with a pager each. The notifier
 * sends one message per group per interval per person, a bounded number, and every alert is accounted for: each
 * has a sent delivery and an audit row per person, and each is named in a message that person received.
 */
const ALERTS = 5_000;
const GROUPS = 25;
const STORM_MS = 60_000;
const ROUND_MS = 10_000;

const postgres = TEST_BACKENDS.find((b) => b.kind === "postgres")!;

describe("grouped notifications in an alarm storm (postgres)", () => {
  let t: TAlertsTestApp;
  let cleanup: () => Promise<void>;
  let receiver: TWebhookReceiver;
  let nowMs = Date.now();

  beforeAll(async () => {
    receiver = await startWebhookReceiver(200);
    const opened = await postgres.open();
    cleanup = opened.cleanup;
    t = await startAlertsTestApp(opened.db, { notifications: { now: () => new Date(nowMs), webhookAllow: LOCAL_RECEIVER } });
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
    await receiver?.close();
  });

  it("sends a bounded number of messages and loses no alert", { timeout: 300_000 }, async () => {
    const { prisma } = t.app.db;
    for (const role of ["operator", "supervisor"] as const) {
      await prisma.contactPoint.create({
        data: {
          userId: t.ids[role],
          kind: "webhook",
          label: "Pager",
          target: `${receiver.origin}/${role}`,
          secret: "whsec_test",
          minSeverity: "warning",
        },
      });
    }
    const start = nowMs;
    // Raised over 60 s, as the engine would store them, already placed in their correlation groups.
    await prisma.alert.createMany({
      data: Array.from({ length: ALERTS }, (_, i) => {
        const at = new Date(start + Math.floor((i * STORM_MS) / ALERTS));
        return {
          dedupKey: `storm:${i}`,
          ruleId: i % 3 === 0 ? "parking.lot-full" : "waste.bin-full",
          ruleName: i % 3 === 0 ? "Parking lot full" : "Bin full",
          domain: i % 3 === 0 ? "parking" : "waste",
          entityId: i % 3 === 0 ? "lot-1" : "bin-1",
          severity: "major" as const,
          message: "Storm",
          value: 100,
          worstValue: 100,
          firstSeenAt: at,
          lastSeenAt: at,
          lon: 0,
          lat: 0,
          zone: "B2",
          correlationGroup: `group-${i % GROUPS}`,
        };
      }),
    });

    const pending = () => prisma.notificationDelivery.count({ where: { status: "pending" } });
    const fannedOut = () => prisma.notificationFanout.count();
    // The leader's rounds every 10 s of the test's clock, through the storm and two intervals after it.
    while (nowMs - start < STORM_MS + 3 * GROUP_INTERVAL_MS || (await pending()) > 0 || (await fannedOut()) < ALERTS) {
      await t.app.runtime.notifications!.notifier.runOnce();
      if ((await fannedOut()) < ALERTS) continue; // fan-out takes a batch a round: finish the storm's first
      nowMs += ROUND_MS;
    }

    const deliveries = await prisma.notificationDelivery.findMany({ select: { alertId: true, status: true, messageId: true } });
    expect(deliveries).toHaveLength(ALERTS * 2);
    expect(deliveries.every((d) => d.status === "sent" && d.messageId !== null)).toBe(true);
    // One message per group per interval per person: the storm spans at most three intervals (first, held, late).
    // Counted as the messages the deliveries went out in: on a loaded machine a receiver may answer after the send
    // timed out, and the retry is a second POST of the same alerts (that is at-least-once delivery, not a new message).
    const bound = 2 * GROUPS * 3;
    const messages = new Set(deliveries.map((d) => d.messageId)).size;
    const received = receiver.received.map((r) => ({ path: r.path, payload: JSON.parse(r.body) as TWebhookPayload }));
    expect(messages).toBeGreaterThanOrEqual(2 * GROUPS);
    expect(messages).toBeLessThanOrEqual(bound);
    expect(received.length).toBeGreaterThanOrEqual(messages);
    for (const person of ["operator", "supervisor"]) {
      const named = received
        .filter((r) => r.path === `/${person}`)
        .flatMap((r) => (r.payload.group ? r.payload.group.alerts.map((a) => a.id) : [r.payload.alert!.id]));
      expect(new Set(named).size).toBe(ALERTS);
    }
    const grouped = received.find((r) => r.payload.group && r.payload.group.count > 1)!;
    expect(grouped.payload.group!.summary).toMatch(
      /^\d+ alerts: (Bin full ×\d+, Parking lot full ×\d+|Parking lot full ×\d+, Bin full ×\d+) near /,
    );
    expect(await prisma.auditLog.count({ where: { action: "notification.sent" } })).toBe(ALERTS * 2);
    console.info(
      `storm: ${ALERTS} alerts in ${GROUPS} groups to 2 people → ${messages} messages, ${received.length} POSTs (bound ${bound})`,
    );
  });
});
