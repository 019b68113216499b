/**
 * Produces the simulated city to Kafka, for running CityNerve against a real broker:
 *   npm run simulate -- --brokers localhost:9092 --rate 5000 [--seed 42] [--duration 60] [--malformed-ratio 0.002]
 * or publishes it over MQTT as sensors at the edge would (QoS 1, to MQTT_TOPIC_PATTERN, MQTT_USERNAME/… as the server):
 *   npm run simulate -- --mqtt mqtt://localhost:1883 --rate 200
 */
import { parseArgs } from "node:util";
import { loadCityPack } from "@/server/city/load-city-pack";
import { serverEnv } from "@/server/env";
import { createCityProducer } from "@/server/ingest/kafka-producer";
import { brokerAddressOf, mqttConnectionFrom } from "@/server/ingest/mqtt-connection";
import { createCityMqttPublisher } from "@/server/ingest/mqtt-publisher";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";

const TICK_MS = 50;

const { values } = parseArgs({
  options: {
    brokers: { type: "string" },
    mqtt: { type: "string" },
    rate: { type: "string", default: "1000" },
    seed: { type: "string" },
    duration: { type: "string" },
    "malformed-ratio": { type: "string", default: "0.002" },
    pack: { type: "string" },
  },
});

const env = serverEnv();
const mqtt = values.mqtt ? mqttConnectionFrom({ ...env, MQTT_URL: values.mqtt }) : undefined;
const brokers = values.brokers?.split(",") ?? env.KAFKA_BROKERS;
if (!mqtt && !brokers?.length) {
  console.error("No brokers: pass --brokers host:port (or set KAFKA_BROKERS), or --mqtt mqtt://host:1883.");
  process.exit(2);
}
const rate = Number(values.rate);
const durationMs = values.duration ? Number(values.duration) * 1000 : Infinity;
if (!(rate > 0) || !(durationMs > 0)) {
  console.error("--rate and --duration must be positive numbers.");
  process.exit(2);
}

const { entities, manifest } = await loadCityPack(values.pack ?? env.CITY_PACK);
const simulator = new CitySimulator(entities, {
  seed: values.seed ? Number(values.seed) : env.SIM_SEED,
  ratePerSecond: rate,
  malformedRatio: Number(values["malformed-ratio"]),
});
const producer = mqtt
  ? await createCityMqttPublisher({ ...mqtt, clientId: `citynerve-simulator-${process.pid}` })
  : createCityProducer({ brokers: brokers ?? [], clientId: `${env.KAFKA_CLIENT_ID}-simulator` });

console.log(
  `Simulating ${manifest.name} → ${mqtt ? `${brokerAddressOf(mqtt.url)} (MQTT)` : brokers?.join(",")} at ${rate} events/s. Ctrl-C to stop.`,
);
const startedMs = Date.now();
let lastMs = startedMs;
let sent = 0;
let running = true;
process.on("SIGINT", () => (running = false));
process.on("SIGTERM", () => (running = false));

let lastReportMs = startedMs;
while (running && Date.now() - startedMs < durationMs) {
  const now = Date.now();
  const messages = simulator.step(now, now - lastMs);
  lastMs = now;
  await producer.sendMessages(messages);
  sent += messages.length;
  if (now - lastReportMs >= 5000) {
    console.log(`${sent} messages sent (${Math.round((sent * 1000) / (now - startedMs))}/s)`);
    lastReportMs = now;
  }
  const wait = TICK_MS - (Date.now() - now);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
await producer.disconnect();
console.log(`Done: ${sent} messages.`);
