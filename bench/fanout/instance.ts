/**
 * One instance for bench/socket-fanout.ts: the realtime hub on a city state fed by the simulator at
 * SIM_RATE events/s with events stamped at the moment they are applied, so a client's receipt time minus an
 * event's observedAt is its ingest → browser latency. Prints `FANOUT_INSTANCE <port>`, then every second
 * `CPU <ms of CPU used in that second>` and `CLIENTS <n>`.
 *
 *   npx tsx bench/fanout/instance.ts   (env: CITY_PACK, SIM_RATE, DELTA_FLUSH_MS)
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TCityEvent } from "@/lib/contracts/events";
import { CityState } from "@/server/city/city-state";
import { loadCityPack } from "@/server/city/load-city-pack";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { createRealtimeHub } from "@/server/realtime/realtime-hub";
import { authenticateAs } from "@/test/fixtures/fixed-identity";

const STEP_MS = 20;
const rate = Number(process.env.SIM_RATE ?? 500);
const flushMs = Number(process.env.DELTA_FLUSH_MS ?? 100);
const { entities } = await loadCityPack(process.env.CITY_PACK ?? "three-rivers");

const cityState = new CityState();
const simulator = new CitySimulator(entities, { seed: 7, ratePerSecond: rate, unitReportEveryMs: 1000 });
const feed = () => {
  const now = Date.now();
  for (const message of simulator.step(now, STEP_MS)) cityState.apply(JSON.parse(message.value) as TCityEvent);
};
// A first full pass, so snapshots hold the whole city as they would on a running instance.
new CitySimulator(entities, { seed: 8, ratePerSecond: 1_000_000 }).step(Date.now(), 1000).forEach((m) => {
  cityState.apply(JSON.parse(m.value) as TCityEvent);
});

const httpServer = createServer();
let clients = 0;
createRealtimeHub(httpServer, {
  cityState,
  readStats: () => ({}) as never,
  flushMs,
  authenticate: authenticateAs("operator"),
  onFlush: (_ms, n) => {
    clients = n;
  },
});
await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
setInterval(feed, STEP_MS);

let last = process.cpuUsage();
setInterval(() => {
  const now = process.cpuUsage();
  console.log(`CPU ${((now.user - last.user + now.system - last.system) / 1000).toFixed(1)}`);
  console.log(`CLIENTS ${clients}`);
  last = now;
}, 1000);
console.log(`FANOUT_INSTANCE ${(httpServer.address() as AddressInfo).port}`);
