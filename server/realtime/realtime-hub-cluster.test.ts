import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TCityDelta, TClientToServerEvents, TServerToClientEvents } from "@/lib/contracts/realtime";
import type { TResponderUnit } from "@/lib/contracts/units";
import type { TClusterNotice } from "@/server/cluster/cluster-notice";
import { startCityRuntime, type TCityRuntime } from "@/server/city-runtime";
import { createManualSource } from "@/test/fixtures/manual-source";
import { deleteRedisKeys, requireRedis, SHARED_REDIS_URL, startPrivateRedis, type TPrivateRedis } from "@/test/fixtures/redis";
import { makeTestUnit } from "@/test/fixtures/responder-units";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";
import type { TAuthenticateSocket } from "./realtime-hub";

type TClient = Socket<TServerToClientEvents, TClientToServerEvents> & { alerts: TAlert[]; units: TResponderUnit[]; deltas: TCityDelta[] };
type TInstance = { runtime: TCityRuntime; source: ReturnType<typeof createManualSource>; url: string };

const stops: (() => Promise<void>)[] = [];
let privateRedis: TPrivateRedis | undefined;

beforeAll(() => requireRedis());

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await privateRedis?.stop();
  privateRedis = undefined;
});

/** Each socket is the operator named by its handshake's x-test-user header. */
const authenticateByHeader: TAuthenticateSocket = async (headers) => {
  const id = headers.get("x-test-user") ?? "nobody";
  return { user: { id, name: id, email: `${id}@test.local`, role: "operator" } };
};

async function startInstance(redis: { url: string; prefix: string }): Promise<TInstance> {
  const httpServer = createServer();
  const source = createManualSource();
  const runtime = await startCityRuntime({
    httpServer,
    entities: TINY_CITY,
    source,
    flushMs: 25,
    recordDeadLetters: async () => {},
    authenticate: authenticateByHeader,
    timeLimits: { maxAgeMs: 0 },
    redis,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  stops.push(async () => {
    await runtime.stop();
    await new Promise((resolve) => httpServer.close(resolve));
  });
  return { runtime, source, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
}

/** Two instances sharing one Redis under a prefix of this test's own. */
async function startPair(redisUrl = SHARED_REDIS_URL): Promise<[TInstance, TInstance]> {
  const redis = { url: redisUrl, prefix: `test:${randomUUID()}` };
  if (redisUrl === SHARED_REDIS_URL) stops.push(() => deleteRedisKeys(redisUrl, redis.prefix)); // runs after both stopped
  return [await startInstance(redis), await startInstance(redis)];
}

async function client(instance: TInstance, userId = "operator-1"): Promise<TClient> {
  const socket = connect(instance.url, { transports: ["websocket"], forceNew: true, extraHeaders: { "x-test-user": userId } }) as TClient;
  socket.alerts = [];
  socket.units = [];
  socket.deltas = [];
  socket.on("alert:upsert", (alert) => socket.alerts.push(alert));
  socket.on("unit:upsert", (unit) => socket.units.push(unit));
  socket.on("city:delta", (delta) => socket.deltas.push(delta));
  stops.push(async () => void socket.disconnect());
  await waitFor(() => socket.connected, `socket of ${userId} connected`);
  return socket;
}

/**
 * Waits until `from` reaches `to`'s client: the adapter reads the stream from the moment its reader is
 * connected, so a push sent before that is not seen by the other instance.
 */
async function untilLinked(from: TInstance, to: TClient): Promise<void> {
  const probe = makeTestUnit({ id: `probe-${randomUUID()}` });
  await waitFor(() => {
    from.runtime.hub.publish("unit:upsert", probe);
    return to.units.some((u) => u.id === probe.id);
  }, "a push from one instance reaches the other's client");
}

const alert = (id: string): TAlert => ({
  id,
  dedupKey: id,
  ruleId: "bin-full",
  ruleName: "Bin full",
  domain: "waste",
  entityId: "bin-1",
  severity: "major",
  status: "open",
  escalated: false,
  message: "Bin 1 is full",
  value: 0.95,
  worstValue: 0.95,
  count: 1,
  firstSeenAt: "2026-11-24T08:00:00.000Z",
  lastSeenAt: "2026-11-24T08:00:00.000Z",
  conditionClearedAt: null,
  location: [-85.63, 41.94],
  zone: "Centre",
  acknowledgedBy: null,
  acknowledgedAt: null,
  assignedTo: null,
  incidentId: null,
  correlationGroup: null,
  resolvedAt: null,
  resolution: null,
  notes: [],
  silenced: null,
  flapping: false,
  flap: null,
  version: 1,
});

const bin = (entityId: string, fillingLevel: number) => ({
  id: `${entityId}-${fillingLevel}`,
  entityId,
  observedAt: "2026-11-24T08:00:00Z",
  type: "WasteContainer",
  fillingLevel,
  status: "ok",
  temperature: 9,
});

describe("realtime hub across instances (Redis streams adapter)", () => {
  it("an alert published on one instance reaches a client of the other", async () => {
    const [a, b] = await startPair();
    const onB = await client(b);
    await untilLinked(a, onB);
    a.runtime.hub.publish("alert:upsert", alert("alert-1"));
    await waitFor(() => onB.alerts.some((x) => x.id === "alert-1"), "alert-1 on B's client");
  });

  it("a push to a user from one instance reaches that user's socket on the other, and only theirs", async () => {
    const [a, b] = await startPair();
    const crew = await client(a, "crew-1");
    const other = await client(a, "someone-else");
    await untilLinked(b, crew);
    const notices: unknown[] = [];
    crew.on("assignment:changed", (notice) => notices.push(notice));
    const otherNotices: unknown[] = [];
    other.on("assignment:changed", (notice) => otherNotices.push(notice));

    b.runtime.hub.publishToUsers(["crew-1"], "assignment:changed", { unitId: "E-1", incidentId: "inc-1" } as never);
    await waitFor(() => notices.length === 1, "the crew's socket on A gets the notice");
    // Sent after it through the same stream, so once this one arrived the earlier notice would have too.
    await untilLinked(b, other);
    expect(otherNotices).toEqual([]);
  });

  it("disconnecting a user on one instance drops their socket on the other", async () => {
    const [a, b] = await startPair();
    const user = await client(a, "disabled-user");
    const bystander = await client(a, "bystander");
    await untilLinked(b, user);
    user.io.reconnection(false);
    b.runtime.hub.disconnectUser("disabled-user");
    await waitFor(() => !user.connected, "the user's socket on A is closed");
    expect(bystander.connected).toBe(true);
  });

  it("an instance shutting down closes its own sockets, not the other instance's", async () => {
    const [a, b] = await startPair();
    const onA = await client(a);
    const onB = await client(b);
    await untilLinked(a, onB);
    onA.io.reconnection(false);
    await a.runtime.stop();
    await waitFor(() => !onA.connected, "A's socket closed");
    // B's client still hears B after A's goodbye went through the stream.
    await untilLinked(b, onB);
    expect(onB.connected).toBe(true);
  });

  it("keeps city deltas and stats on the instance that computed them", async () => {
    const [a, b] = await startPair();
    const onA = await client(a);
    const onB = await client(b);
    await onA.emitWithAck("city:subscribe", { layers: ["waste"] });
    await onB.emitWithAck("city:subscribe", { layers: ["waste"] });
    const statsOnA: number[] = [];
    const statsOnB: number[] = [];
    onA.on("ingest:stats", (stats) => statsOnA.push(stats.deadLettered));
    onB.on("ingest:stats", (stats) => statsOnB.push(stats.deadLettered));

    await a.source.push("city.waste", [bin("bin-1", 0.7), "{not json"]);
    await waitFor(() => onA.deltas.some((d) => d.layers.waste?.some((e) => e.fillingLevel === 0.7)), "A's client gets A's delta");
    await waitFor(() => statsOnA.includes(1), "A's client gets A's stats with its dead letter");
    // Sent after both through the same stream: had either travelled to B, it would have arrived first.
    await untilLinked(a, onB);
    expect(onB.deltas).toEqual([]);
    expect(statsOnB).not.toContain(1);
  });

  it("a notice broadcast by one instance reaches the other's handlers, not its own", async () => {
    const [a, b] = await startPair();
    const heardOnA: TClusterNotice[] = [];
    const heardOnB: TClusterNotice[] = [];
    a.runtime.hub.cluster.onNotice("rules:changed", (notice) => heardOnA.push(notice));
    b.runtime.hub.cluster.onNotice("rules:changed", (notice) => heardOnB.push(notice));
    // Pub/sub delivers only to subscribers present when sent: repeat until B has subscribed.
    await waitFor(() => {
      a.runtime.hub.cluster.broadcast({ type: "rules:changed" });
      return heardOnB.length > 0;
    }, "B hears A's notice");
    expect(heardOnB[0]).toEqual({ type: "rules:changed" });
    expect(heardOnA).toEqual([]);
  });

  it("keeps delivering locally while Redis is down, and across instances again once it is back", async () => {
    privateRedis = await startPrivateRedis();
    const [a, b] = await startPair(privateRedis.url);
    const onA = await client(a);
    const onB = await client(b);
    await untilLinked(a, onB);

    await privateRedis.stop();
    a.runtime.hub.publish("alert:upsert", alert("during-outage"));
    await waitFor(() => onA.alerts.some((x) => x.id === "during-outage"), "A's own client gets the alert while Redis is down");
    await onA.emitWithAck("city:subscribe", { layers: ["waste"] });
    await a.source.push("city.waste", [bin("bin-1", 0.4)]);
    await waitFor(() => onA.deltas.length > 0, "A's client gets deltas while Redis is down");

    await privateRedis.start();
    await untilLinked(a, onB);
    a.runtime.hub.publish("alert:upsert", alert("after-outage"));
    await waitFor(() => onB.alerts.some((x) => x.id === "after-outage"), "B's client gets A's alert after Redis is back");
    const heardOnB: TClusterNotice[] = [];
    b.runtime.hub.cluster.onNotice("rules:changed", (notice) => heardOnB.push(notice));
    await waitFor(() => {
      a.runtime.hub.cluster.broadcast({ type: "rules:changed" });
      return heardOnB.length > 0;
    }, "B hears A's notices again (subscribed anew)");
  });

  it("shuts down cleanly while Redis is down, whether or not it ever answered", async () => {
    privateRedis = await startPrivateRedis();
    const redis = { url: privateRedis.url, prefix: `test:${randomUUID()}` };
    const connected = await startInstance(redis);
    const onConnected = await client(connected);
    await privateRedis.stop();
    const neverConnected = await startInstance(redis);
    const onNeverConnected = await client(neverConnected);
    for (const socket of [onConnected, onNeverConnected]) socket.io.reconnection(false);

    connected.runtime.hub.publish("alert:upsert", alert("last-words"));
    await waitFor(() => onConnected.alerts.some((x) => x.id === "last-words"), "the local client gets the alert while Redis is down");
    await connected.runtime.stop();
    await neverConnected.runtime.stop();
    await waitFor(() => !onConnected.connected && !onNeverConnected.connected, "both instances' sockets closed on shutdown");
  });

  it("starts and serves local sockets while Redis is unreachable, and joins once it appears", async () => {
    privateRedis = await startPrivateRedis();
    await privateRedis.stop();
    const [a, b] = await startPair(privateRedis.url);
    const onA = await client(a);
    const onB = await client(b);
    a.runtime.hub.publish("alert:upsert", alert("before-redis"));
    await waitFor(() => onA.alerts.some((x) => x.id === "before-redis"), "A's own client gets the alert without Redis");

    await privateRedis.start();
    await untilLinked(a, onB);
  });
});
