/**
 * What the Redis streams adapter costs a push: two hubs in one process on two HTTP servers sharing one
 * Redis, a client on each. Measures one-at-a-time latency (A publishes, B's client receives) and a burst
 * of unit:upsert pushes, against the same hub without Redis.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/realtime-cluster.ts [count]
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import type { TClientToServerEvents, TServerToClientEvents } from "@/lib/contracts/realtime";
import type { TResponderUnit } from "@/lib/contracts/units";
import { CityState } from "@/server/city/city-state";
import { createRealtimeHub, type TRealtimeHub } from "@/server/realtime/realtime-hub";
import { authenticateAs } from "@/test/fixtures/fixed-identity";
import { deleteRedisKeys } from "@/test/fixtures/redis";
import { makeTestUnit } from "@/test/fixtures/responder-units";
import { waitFor } from "@/test/wait-for";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const COUNT = Number(process.argv[2] ?? 10_000);
const LATENCY_SAMPLES = 500;

type TClient = Socket<TServerToClientEvents, TClientToServerEvents>;

async function startHub(redis?: { url: string; prefix: string }) {
  const httpServer = createServer();
  const hub = createRealtimeHub(httpServer, {
    cityState: new CityState(),
    readStats: () => ({}) as never,
    flushMs: 100,
    authenticate: authenticateAs("operator"),
    redis,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const client = connect(url, { transports: ["websocket"], forceNew: true }) as TClient;
  await waitFor(() => client.connected, "client connected");
  return {
    hub,
    client,
    async stop() {
      client.disconnect();
      await hub.close();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}

/** Pushes `count` units from `from` and waits until `to` has all of them; returns pushes per second. */
async function burst(from: TRealtimeHub, to: TClient, count: number): Promise<number> {
  const tag = randomUUID();
  let received = 0;
  const onUnit = (unit: TResponderUnit) => {
    if (unit.stationId === tag) received++;
  };
  to.on("unit:upsert", onUnit);
  const started = performance.now();
  for (let i = 0; i < count; i++) from.publish("unit:upsert", makeTestUnit({ id: `u-${i}`, stationId: tag }));
  await waitFor(() => received === count, `${count} pushes received`, 120_000);
  to.off("unit:upsert", onUnit);
  return count / ((performance.now() - started) / 1000);
}

/** Milliseconds from publish to receipt, one push at a time. */
async function latencies(from: TRealtimeHub, to: TClient): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const id = `lat-${i}`;
    const arrived = new Promise<number>((resolve) => {
      const onUnit = (unit: TResponderUnit) => {
        if (unit.id !== id) return;
        to.off("unit:upsert", onUnit);
        resolve(performance.now());
      };
      to.on("unit:upsert", onUnit);
    });
    const sent = performance.now();
    from.publish("unit:upsert", makeTestUnit({ id }));
    samples.push((await arrived) - sent);
  }
  return samples.sort((x, y) => x - y);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);

async function main() {
  const alone = await startHub();
  const aloneRate = await burst(alone.hub, alone.client, COUNT);
  const aloneLatency = await latencies(alone.hub, alone.client);
  await alone.stop();

  const redis = { url: REDIS_URL, prefix: `bench:${randomUUID()}` };
  const a = await startHub(redis);
  const b = await startHub(redis);
  // The other instance reads the stream once its reader is connected: wait for a first push to cross.
  let linked = false;
  b.client.on("unit:upsert", (unit) => {
    if (unit.id === "probe") linked = true;
  });
  await waitFor(() => {
    a.hub.publish("unit:upsert", makeTestUnit({ id: "probe" }));
    return linked;
  }, "instances linked");
  const localRate = await burst(a.hub, a.client, COUNT);
  const crossRate = await burst(a.hub, b.client, COUNT);
  const crossLatency = await latencies(a.hub, b.client);
  await a.stop();
  await b.stop();
  await deleteRedisKeys(redis.url, redis.prefix);

  console.log(`pushes: ${COUNT} unit:upsert; latency: ${LATENCY_SAMPLES} one at a time`);
  console.log(
    `no adapter (one process)     ${aloneRate.toFixed(0)} pushes/s; latency p50 ${quantile(aloneLatency, 0.5)} ms, p99 ${quantile(aloneLatency, 0.99)} ms`,
  );
  console.log(`Redis adapter, same instance ${localRate.toFixed(0)} pushes/s`);
  console.log(
    `Redis adapter, A → B         ${crossRate.toFixed(0)} pushes/s; latency p50 ${quantile(crossLatency, 0.5)} ms, p99 ${quantile(crossLatency, 0.99)} ms`,
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
