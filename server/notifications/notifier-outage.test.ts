import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_RECEIVER } from "@/test/fixtures/local-receiver";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { startTcpProxy, type TTcpProxy } from "@/test/fixtures/tcp-proxy";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";
import { startWebhookReceiver, type TWebhookReceiver } from "@/test/fixtures/webhook-receiver";
import { createNotificationChannels } from "./channels";
import { entityNames } from "./entity-name";
import { createNotifier } from "./notifier";

/**
 * The leader's notifier with PostgreSQL cut off under it: it says so, keeps trying, and once the database is back
 * delivers what was raised meanwhile (seeded over a connection of its own that the cut does not touch).
 */
const TIMEOUTS = { connectMs: 1_000, statementMs: 2_000, idleInTransactionMs: 2_000 };

describe("notifier when the database goes away (postgres)", () => {
  let database: TTestPostgres;
  let proxy: TTcpProxy;
  let through: TDatabase;
  let direct: TDatabase;
  let receiver: TWebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(200);
    database = await createTestPostgres();
    proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
    direct = await createDatabase({ databaseUrl: database.url, dataDir: IN_MEMORY_DATA_DIR });
    through = await createDatabase({ databaseUrl: proxy.urlThrough(database.url), dataDir: IN_MEMORY_DATA_DIR, timeouts: TIMEOUTS });
  });
  afterAll(async () => {
    await through?.close();
    await direct?.close();
    await proxy?.close();
    await database?.drop();
    await receiver?.close();
  });

  it("logs the outage, loses nothing, and delivers after the database is back", async () => {
    const user = await direct.prisma.user.create({
      data: { id: "op-1", name: "Olive Operator", email: "olive@city.test", role: "operator" },
    });
    await direct.prisma.contactPoint.create({
      data: { userId: user.id, kind: "webhook", label: "Pager", target: `${receiver.origin}/`, secret: "whsec_x", minSeverity: "warning" },
    });
    const logged: string[] = [];
    const channels = createNotificationChannels({
      vapid: { ...webpush.generateVAPIDKeys(), subject: "mailto:x@city.test" },
      webhookAllow: LOCAL_RECEIVER,
    });
    const notifier = createNotifier({
      prisma: through.prisma,
      channels,
      names: entityNames(TINY_CITY),
      publicUrl: "http://localhost:3000",
      everyMs: 50,
      log: (message) => logged.push(message),
    });
    notifier.leaderWork.start();
    try {
      await proxy.cut();
      await waitFor(() => logged.some((m) => m.includes("could not work the delivery queue")), "the notifier reported the outage");
      const now = new Date();
      const alert = await direct.prisma.alert.create({
        data: {
          dedupKey: "outage-1",
          ruleId: "waste.bin-burning",
          ruleName: "Bin burning",
          domain: "waste",
          entityId: "bin-1",
          severity: "critical",
          message: "Bin reports burning",
          value: "burning",
          worstValue: "burning",
          firstSeenAt: now,
          lastSeenAt: now,
          lon: -85.637,
          lat: 41.9401,
          zone: "Centre",
        },
      });
      expect(receiver.received).toHaveLength(0);
      await proxy.restore();
      await waitFor(
        async () => (await direct.prisma.notificationDelivery.findFirst({ where: { alertId: alert.id, status: "sent" } })) !== null,
        "the alert raised during the outage was delivered",
      );
      expect(receiver.received).toHaveLength(1);
    } finally {
      await proxy.restore();
      await notifier.leaderWork.stop();
    }
  });
});
