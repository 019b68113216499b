/**
 * Child process of bench/ingest.ts: produces the simulator's city to Kafka in real time, stamping each event's
 * observedAt as it is produced, until its stdin closes. Out of the server's process as producers are in a
 * deployment, so that the bench's producing does not take the CPU the measured server needs.
 *   tsx bench/latency-producer.ts <brokers, comma-separated> <city pack id> <events per second>
 */
import { loadCityPack } from "@/server/city/load-city-pack";
import { createCityProducer } from "@/server/ingest/kafka-producer";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";

const TICK_MS = 10;
const [brokers, packId, rate] = process.argv.slice(2);
const { entities } = await loadCityPack(packId);
const simulator = new CitySimulator(entities, { seed: 2, ratePerSecond: Number(rate) });
const producer = createCityProducer({ brokers: brokers.split(","), clientId: "bench-latency-producer" });

let isRunning = true;
process.stdin.on("end", () => {
  isRunning = false;
});
process.stdin.resume();
let last = Date.now();
while (isRunning) {
  const now = Date.now();
  const messages = simulator.step(now, now - last);
  last = now;
  await producer.sendMessages(messages);
  const wait = TICK_MS - (Date.now() - now);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
await producer.disconnect();
process.stdin.destroy();
