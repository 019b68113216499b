import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_RECEIVER } from "@/test/fixtures/local-receiver";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";
import { WEBHOOK_DELIVERY_HEADER } from "./send-webhook";

/**
 * Two instances on one PostgreSQL server, both with the notifier's loop on: only the lease holder works the
 * queue, so each alert reaches each contact point once; when it stops, the other one takes the queue over.
 */
describe("notifications with two instances and a leader lease (postgres)", () => {
  let server: TTestPostgres;
  const databases: TDatabase[] = [];
  let first: TAlertsTestApp;
  let second: TTestApp;
  let receiver: Server;
  let hookUrl: string;
  const received: IncomingMessage["headers"][] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        received.push(req.headers);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    server = await createTestPostgres();
    const open = async () => {
      const db = await createDatabase({ databaseUrl: server.url, dataDir: IN_MEMORY_DATA_DIR });
      databases.push(db);
      return db;
    };
    const leaderLease = { connectionString: server.url, retryMs: 200 };
    first = await startAlertsTestApp(await open(), { leaderLease, notifications: { everyMs: 50, webhookAllow: LOCAL_RECEIVER } });
    second = await startTestApp({
      db: await open(),
      seedDemoUsers: false,
      leaderLease,
      notifications: { everyMs: 50, webhookAllow: LOCAL_RECEIVER },
    });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    for (const db of databases) await db.close();
    await server?.drop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  const deliveryIds = () => received.map((h) => String(h[WEBHOOK_DELIVERY_HEADER.toLowerCase()]));
  const statusesOf = async (alertIds: string[]) =>
    (await databases[0]!.prisma.notificationDelivery.findMany({ where: { alertId: { in: alertIds } } })).map((d) => d.status);

  it("delivers each alert once from the leader, and the follower carries on after the leader stops", async () => {
    expect([first.app.runtime.isLeader(), second.runtime.isLeader()]).toEqual([true, false]);
    // Written directly: route handlers read the runtime registered last (the second app), not the one asked.
    await databases[0]!.prisma.contactPoint.create({
      data: { userId: first.ids.operator, kind: "webhook", label: "Pager", target: hookUrl, secret: "whsec_test", minSeverity: "warning" },
    });

    const alerts = [await first.seedAlert(), await first.seedAlert(), await first.seedAlert()];
    await waitFor(async () => (await statusesOf(alerts.map((a) => a.id))).join() === "sent,sent,sent", "all three sent");
    expect(received).toHaveLength(3);
    expect(new Set(deliveryIds()).size).toBe(3);

    await first.app.close();
    await waitFor(() => second.runtime.isLeader(), "the second instance took the lease");
    const later = await first.seedAlert();
    await waitFor(async () => (await statusesOf([later.id])).join() === "sent", "the new leader delivered the next alert");
    expect(received).toHaveLength(4);
    expect(new Set(deliveryIds()).size).toBe(4);
    expect(await databases[0]!.prisma.notificationDelivery.count()).toBe(4);
  });
});
