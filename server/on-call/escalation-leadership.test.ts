import { describe, expect, it } from "vitest";
import type { TDatabase } from "@/server/db/client";
import type { TAlertsTestApp } from "@/test/fixtures/alerts";
import { type TLeasedPair, withLeasedPair } from "@/test/fixtures/leased-pair";
import type { TTestApp } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";
import { advanceEscalations } from "./advance-escalations";

/**
 * Two instances on one PostgreSQL server, both with their loops on: only the lease holder runs chains, so each
 * alert's step runs once; and even runners racing on the same due step (a change of leader mid-step) run it once.
 */
describe("escalation chains with two instances and a leader lease (postgres)", () => {
  let first: TAlertsTestApp;
  let second: TTestApp;
  let databases: TDatabase[];
  let receiver: TLeasedPair["receiver"];
  withLeasedPair((pair) => ({ first, second, databases, receiver } = pair));

  it("runs each alert's step once, from the leader", async () => {
    expect([first.app.runtime.isLeader(), second.runtime.isLeader()]).toEqual([true, false]);
    const prisma = databases[0]!.prisma;
    await prisma.contactPoint.create({
      data: {
        userId: first.ids.operator,
        kind: "webhook",
        label: "Pager",
        target: `${receiver.origin}/hook`,
        secret: "whsec_test",
        minSeverity: "warning",
      },
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
    expect(receiver.received).toHaveLength(3);
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
