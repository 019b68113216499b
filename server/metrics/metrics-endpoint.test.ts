import { describe, expect, it } from "vitest";
import type { TIngestStats } from "@/lib/contracts/realtime";
import { INSTANCE_ID } from "@/server/cluster/instance-id";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { socketOutcome } from "@/test/fixtures/test-app";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";
import { sampleValue } from "@/test/prometheus-sample";

const TOKEN = "metrics-test-token-0123456789abcdef";
const postgres = TEST_BACKENDS.find((b) => b.kind === "postgres")!;

const METRIC_NAMES = [
  "citynerve_events_total",
  "citynerve_kafka_consumer_lag",
  "citynerve_dead_letters_waiting",
  "citynerve_dead_letters_total",
  "citynerve_alerts_raised_total",
  "citynerve_socket_clients",
  "citynerve_delta_flush_duration_seconds",
  "citynerve_outbox_backlog",
  "citynerve_leader",
  "citynerve_db_pool_connections",
  "citynerve_db_pool_waiting_requests",
  "nodejs_eventloop_lag_seconds",
  "process_cpu_seconds_total",
];

/** GET /metrics on the real app (PostgreSQL, so the pool metrics exist), fed through the real pipeline. */
describe("GET /metrics", () => {
  let t: TAlertsTestApp;
  withAlertsTestApp(postgres, (app) => void (t = app), { metricsToken: TOKEN });

  const scrape = () => t.app.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
  const source = () => t.app.city.source as unknown as { push(topic: string, values: unknown[]): Promise<void> };
  let clock = Date.now() - 60 * 60_000;
  const bin = (status: string) => {
    const observedAt = new Date((clock += 10_000)).toISOString();
    return { id: `bin-1@${observedAt}`, entityId: "bin-1", observedAt, type: "WasteContainer", fillingLevel: 0.3, status, temperature: 12 };
  };

  it("answers the token with every metric in Prometheus' text format, labelled with the instance id", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of METRIC_NAMES) expect(response.text, name).toContain(`# TYPE ${name} `);
    expect(response.text).toContain(`citynerve_leader{instance_id="${INSTANCE_ID}"} 1`);
    expect(sampleValue(response.text, "citynerve_db_pool_connections", { state: "total" })).toBeGreaterThan(0);
  });

  it("moves the counters as events, dead letters, alerts, sockets and flushes go through", async () => {
    const before = (await scrape()).text;
    const eventsBefore = (outcome: string) => sampleValue(before, "citynerve_events_total", { topic: "city.waste", outcome }) ?? 0;

    const socket = t.app.socket(t.cookies.operator);
    const firstStats = new Promise<TIngestStats>((resolve) => socket.once("ingest:stats", resolve));
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    expect((await firstStats).instanceId).toBe(INSTANCE_ID);
    await new Promise((resolve) => socket.emit("city:subscribe", { layers: ["waste"] }, resolve));
    await source().push("city.waste", [bin("ok"), bin("ok"), bin("burning"), "{not json"]);
    await t.app.city.alerts!.flush();

    const after = await waitFor(async () => {
      const text = (await scrape()).text;
      const isFlushed = (sampleValue(text, "citynerve_delta_flush_duration_seconds_count") ?? 0) > 0;
      const isLetterStored = (sampleValue(text, "citynerve_dead_letters_total", { outcome: "stored" }) ?? 0) > 0;
      return isFlushed && isLetterStored ? text : undefined;
    }, "a delta flush observed and the dead letter stored");
    expect(sampleValue(after, "citynerve_events_total", { topic: "city.waste", outcome: "accepted" })).toBe(eventsBefore("accepted") + 3);
    expect(sampleValue(after, "citynerve_events_total", { topic: "city.waste", outcome: "dead_lettered" })).toBe(
      eventsBefore("dead_lettered") + 1,
    );
    expect(sampleValue(after, "citynerve_alerts_raised_total")).toBe((sampleValue(before, "citynerve_alerts_raised_total") ?? 0) + 1);
    expect(sampleValue(after, "citynerve_socket_clients")).toBe(1);
    socket.disconnect();
  });

  it("refuses a scrape without the token, or with a wrong one, saying nothing more", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: "Bearer short" },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const response = await t.app.request("/metrics", { headers });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.text).toBe("");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });
});
