import { LOCAL_RECEIVER } from "@/test/fixtures/local-receiver";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";
import { advanceEscalations } from "./advance-escalations";

/**
 * Two instances on one PostgreSQL server, both with their loops on: only the lease holder runs chains, so each
 * alert's step runs once; and even runners racing on the same due step (a change of leader mid-step) run it once.
 */
describe("escalation chains with two instances and a leader lease (postgres)", () => {
  let server: TTestPostgres;
  const databases: TDatabase[] = [];
  let first: TAlertsTestApp;
  let second: TTestApp;
  let receiver: Server;
  let hookUrl: string;
  let received = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        received++;
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

  it("runs each alert's step once, from the leader", async () => {
    expect([first.app.runtime.isLeader(), second.runtime.isLeader()]).toEqual([true, false]);
    const prisma = databases[0]!.prisma;
    await prisma.contactPoint.create({
      data: { userId: first.ids.operator, kind: "webhook", label: "Pager", target: hookUrl, secret: "whsec_test", minSeverity: "warning" },
    });
    await prisma.escalationPolicy.create({
      data: {
        name: "Everything",
        steps: [{ target: { kind: "user", userId: first.ids.operator }, waitMinutes: 60 }],
        createdById: first.ids.supervisor,
        createdByName: "Sam Supervisor",
      },
    });
    const alerts = [await first.seedAlert(), await first.seedAlert(), await first.seedAlert()];
    const ids = alerts.map((a) => a.id);
    await waitFor(
      async () => (await prisma.notificationDelivery.count({ where: { alertId: { in: ids }, status: "sent" } })) === 3,
      "each alert's first step delivered",
    );
    // Both instances keep looping meanwhile; a further pass by either finds nothing due.
    await waitFor(async () => (await prisma.alertEscalation.count({ where: { nextStep: 1 } })) === 3, "each chain at its second step");
    const steps = await prisma.auditLog.count({ where: { action: "alert.escalation_step", entityId: { in: ids } } });
    expect(steps).toBe(3);
    expect(received).toBe(3);
    expect(await prisma.notificationDelivery.count({ where: { alertId: { in: ids } } })).toBe(3);
  });

  it("runs a due step once when several runners race for it", async () => {
    const prisma = databases[0]!.prisma;
    const alert = await first.seedAlert();
    await waitFor(async () => (await prisma.alertEscalation.count({ where: { alertId: alert.id, nextStep: 1 } })) === 1, "first step ran");
    // An hour on, by two runners' clocks at once (as when a new leader starts while the old one is finishing).
    const later = () => new Date(Date.now() + 61 * 60_000);
    await Promise.all([
      advanceEscalations({ prisma: databases[0]!.prisma, now: later }),
      advanceEscalations({ prisma: databases[1]!.prisma, now: later }),
      advanceEscalations({ prisma: databases[0]!.prisma, now: later }),
    ]);
    const ended = await prisma.auditLog.count({ where: { action: "alert.escalation_ended", entityId: alert.id } });
    expect(ended).toBe(1);
  });
});
