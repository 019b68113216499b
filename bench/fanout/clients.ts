/**
 * Socket clients for bench/socket-fanout.ts, as light as a load generator can be: raw WebSockets speaking
 * engine.io 4 / socket.io 5 (no socket.io-client per connection), subscribed to every layer. Every client
 * reads every delta frame; one frame in SAMPLE_EVERY per client is parsed and each of its events' latency
 * (now − observedAt) counted in a 1 ms histogram.
 * Prints `CONNECTED <n>` once all are subscribed, and on stdin `report` answers `REPORT <json>`.
 *
 *   npx tsx bench/fanout/clients.ts <url> <count>
 */
import { createInterface } from "node:readline";
import WebSocket from "ws";
import { LAYERS } from "@/lib/contracts/layers";

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
const SAMPLE_EVERY = 10;
const HISTOGRAM_MS = 10_000;

const histogram = new Uint32Array(HISTOGRAM_MS + 1);
let frames = 0;
let bytes = 0;
let measuring = false;
let subscribed = 0;

function open(index: number): Promise<void> {
  const socket = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`);
  let seen = index; // spreads the sampled frames across clients
  return new Promise((resolve, reject) => {
    socket.on("error", reject);
    socket.on("message", (data: Buffer) => {
      const text = data.toString();
      if (text === "2") return void socket.send("3"); // engine.io ping → pong
      if (text.startsWith("0")) return void socket.send("40"); // engine.io open → socket.io connect
      if (text.startsWith("40")) return void socket.send(`420["city:subscribe",${JSON.stringify({ layers: LAYERS })}]`);
      if (text.startsWith("430")) {
        subscribed++;
        return resolve();
      }
      if (!text.startsWith('42["city:delta"') || !measuring) return;
      frames++;
      bytes += data.length;
      if (++seen % SAMPLE_EVERY !== 0) return;
      const now = Date.now();
      const [, delta] = JSON.parse(text.slice(2)) as [string, { layers: Record<string, { observedAt: string }[]> }];
      for (const events of Object.values(delta.layers)) {
        for (const event of events) histogram[Math.min(HISTOGRAM_MS, Math.max(0, now - Date.parse(event.observedAt)))]++;
      }
    });
  });
}

function quantile(q: number): number {
  const total = histogram.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let ms = 0; ms <= HISTOGRAM_MS; ms++) {
    seen += histogram[ms];
    if (seen >= q * total) return ms;
  }
  return HISTOGRAM_MS;
}

for (let i = 0; i < count; i += 50) {
  await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => open(i + j)));
}
console.log(`CONNECTED ${subscribed}`);

createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "start") {
    histogram.fill(0);
    frames = bytes = 0;
    measuring = true;
  }
  if (line === "report") {
    measuring = false;
    const samples = histogram.reduce((a, b) => a + b, 0);
    console.log(`REPORT ${JSON.stringify({ clients: subscribed, frames, bytes, samples, p50: quantile(0.5), p99: quantile(0.99) })}`);
  }
});
