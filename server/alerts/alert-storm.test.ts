import { describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import { upsertAlerts } from "@/components/alerts/alert-cache";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { socketOutcome } from "@/test/fixtures/test-app";
import { stormBinEvent, stormCity } from "@/test/fixtures/storm-city";
import { waitFor } from "@/test/wait-for";

const STORM_ALERTS = 5_000;
const CITY = stormCity(STORM_ALERTS);
/** Pushed alerts the browser applies together (components/alerts/queue-mode.ts batches by time; this by count). */
const CLIENT_BATCH = 50;

/**
 * An alarm storm through the real path: 5,000 bins start burning within 60 s of event time, through ingest,
 * the rules engine, the signal queue, PostgreSQL and the realtime hub to an operator's socket. Nothing may be
 * lost on the way, and the browser's queue model must hold all of them. Not timed: bench/alert-storm.ts measures.
 */
// The PostgreSQL server only: the embedded database runs single-process, one demo browser, not a control room in a storm.
describe.each(TEST_BACKENDS.filter((b) => b.kind === "postgres"))("alarm storm ($kind)", (backend) => {
  let t: TAlertsTestApp;
  withAlertsTestApp(backend, (app) => void (t = app), { entities: CITY });

  it("stores, pushes and queues every one of 5,000 alerts raised within a minute", { timeout: 300_000 }, async () => {
    const received = new Map<string, TAlert>();
    const arrivals: TAlert[] = [];
    const socket = t.app.socket(t.cookies.operator);
    socket.on("alert:upsert", (alert) => {
      received.set(alert.id, alert);
      arrivals.push(alert);
    });
    expect(await socketOutcome(socket)).toEqual({ connected: true });

    const startMs = Date.now() - 5 * 60_000;
    const events = CITY.bins.map((bin, i) =>
      stormBinEvent(bin.id, new Date(startMs + Math.floor((i * 60_000) / STORM_ALERTS)).toISOString()),
    );
    const source = t.app.city.source as unknown as { push(topic: string, values: unknown[]): Promise<void> };
    for (let i = 0; i < events.length; i += 500) await source.push("city.waste", events.slice(i, i + 500));
    await t.app.city.alerts!.flush();

    const stored = await t.app.db.prisma.alert.count({ where: { ruleId: "waste.bin-burning" } });
    const audited = await t.app.db.prisma.auditLog.count({ where: { action: "alert.raised" } });
    expect({ raised: t.app.city.alerts!.raisedCount(), stored, audited }).toEqual({
      raised: STORM_ALERTS,
      stored: STORM_ALERTS,
      audited: STORM_ALERTS,
    });
    const grouped = await t.app.db.prisma.alert.count({ where: { correlationGroup: { not: null } } });
    expect(grouped).toBe(STORM_ALERTS);

    await waitFor(() => received.size === STORM_ALERTS, "the operator's socket hears every alert", 60_000);
    socket.disconnect();

    let queue: TAlert[] = [];
    for (let i = 0; i < arrivals.length; i += CLIENT_BATCH) queue = upsertAlerts(queue, arrivals.slice(i, i + CLIENT_BATCH), {});
    expect(queue).toHaveLength(STORM_ALERTS);
    expect(new Set(queue.map((a) => a.id)).size).toBe(STORM_ALERTS);
    // Each alert as last pushed: its correlation group, not the ungrouped copy pushed when it was raised.
    expect(queue.filter((a) => a.correlationGroup === null)).toEqual([]);
  });
});
