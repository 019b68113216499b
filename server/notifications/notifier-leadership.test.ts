import { describe, expect, it } from "vitest";
import type { TDatabase } from "@/server/db/client";
import type { TAlertsTestApp } from "@/test/fixtures/alerts";
import { type TLeasedPair, withLeasedPair } from "@/test/fixtures/leased-pair";
import type { TTestApp } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";
import { WEBHOOK_DELIVERY_HEADER } from "./send-webhook";

/**
 * Two instances on one PostgreSQL server, both with the notifier's loop on: only the lease holder works the
 * queue, so each alert reaches each contact point once; when it stops, the other one takes the queue over.
 */
describe("notifications with two instances and a leader lease (postgres)", () => {
  let first: TAlertsTestApp;
  let second: TTestApp;
  let databases: TDatabase[];
  let receiver: TLeasedPair["receiver"];
  withLeasedPair((pair) => ({ first, second, databases, receiver } = pair));
  const received = () => receiver.received;
  const hookUrl = () => `${receiver.origin}/hook`;

  const deliveryIds = () => received().map((r) => String(r.headers[WEBHOOK_DELIVERY_HEADER.toLowerCase()]));
  const statusesOf = async (alertIds: string[]) =>
    (await databases[0]!.prisma.notificationDelivery.findMany({ where: { alertId: { in: alertIds } } })).map((d) => d.status);

  it("delivers each alert once from the leader, and the follower carries on after the leader stops", async () => {
    expect([first.app.runtime.isLeader(), second.runtime.isLeader()]).toEqual([true, false]);
    // Written directly: route handlers read the runtime registered last (the second app), not the one asked.
    await databases[0]!.prisma.contactPoint.create({
      data: {
        userId: first.ids.operator,
        kind: "webhook",
        label: "Pager",
        target: hookUrl(),
        secret: "whsec_test",
        minSeverity: "warning",
      },
    });

    const alerts = [await first.seedAlert(), await first.seedAlert(), await first.seedAlert()];
    await waitFor(async () => (await statusesOf(alerts.map((a) => a.id))).join() === "sent,sent,sent", "all three sent");
    expect(received()).toHaveLength(3);
    expect(new Set(deliveryIds()).size).toBe(3);

    await first.app.close();
    await waitFor(() => second.runtime.isLeader(), "the second instance took the lease");
    const later = await first.seedAlert();
    await waitFor(async () => (await statusesOf([later.id])).join() === "sent", "the new leader delivered the next alert");
    expect(received()).toHaveLength(4);
    expect(new Set(deliveryIds()).size).toBe(4);
    expect(await databases[0]!.prisma.notificationDelivery.count()).toBe(4);
  });
});
