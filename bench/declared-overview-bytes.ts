/**
 * What a browser of the metro is sent for the declared domains, at city zoom and zoomed in, as a Node socket.io
 * client of a running server (CITY_PACK=metro): the subscribe answer and what follows for a few summary periods,
 * without declared domains and with every declared domain on, side by side.
 *
 *   BENCH_URL=http://127.0.0.1:3131 npm run bench:declared-overview
 *
 * BENCH_WINDOW_MS (default 6000) is how long each client listens after subscribing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { ZDomainDefinition } from "@/lib/contracts/domain-definition";
import type { TClientToServerEvents, TServerToClientEvents } from "@/lib/contracts/realtime";
import { placeDomainEntities } from "@/lib/domains/place-domain-entities";
import air from "@/lib/domains/definitions/air-quality.json";
import lights from "@/lib/domains/definitions/street-lighting.json";
import water from "@/lib/domains/definitions/water-network.json";
import { LAYERS } from "@/lib/contracts/layers";

const BASE_URL = process.env.BENCH_URL ?? "http://127.0.0.1:3131";
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 6000);
const PACK_DIR = path.join(process.cwd(), "public/city/metro");
const DEFINITIONS = [air, lights, water].map((d) => ZDomainDefinition.parse(d));
const DOMAINS = DEFINITIONS.map((d) => d.id);

type TClient = Socket<TServerToClientEvents, TClientToServerEvents>;
type TBbox = [number, number, number, number];

async function signIn(): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL },
    body: JSON.stringify({ email: "operator@citynerve.local", password: "citynerve-demo" }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** One client's subscribe answer and what it is sent in the window after it, in bytes. */
async function measure(cookie: string, bbox: TBbox, domains: string[]) {
  const socket: TClient = io(BASE_URL, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
  const received = { summaries: [] as number[], summariesDeclared: [] as number[], deltas: 0, deltaDeclared: 0 };
  socket.on("city:summaries", (s) => {
    received.summaries.push(bytes(s));
    received.summariesDeclared.push(bytes(s) - bytes({ ...s, tiles: s.tiles.map(({ declared: _, ...t }) => t) }));
  });
  socket.on("city:delta", (d) => {
    received.deltas += bytes(d);
    received.deltaDeclared += d.declared ? bytes(d.declared) : 0;
  });
  socket.on("city:columns", (d) => {
    received.deltaDeclared += d.declared ? bytes(d.declared) : 0;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const response = await socket.emitWithAck("city:subscribe", { layers: [...LAYERS], domains, viewport: { bbox } });
  if (!response.ok) throw new Error(response.error);
  const snapshot = response.data;
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  socket.disconnect();
  const declaredSensors = Object.values(snapshot.declared ?? {}).reduce((n, events) => n + events.length, 0);
  const snapshotDeclared =
    (snapshot.declared ? bytes(snapshot.declared) : 0) +
    (snapshot.summaries
      ? bytes(snapshot.summaries) - bytes({ ...snapshot.summaries, tiles: snapshot.summaries.tiles.map(({ declared: _, ...t }) => t) })
      : 0);
  return {
    view: snapshot.view?.mode ?? "city",
    snapshot: bytes(snapshot),
    snapshotDeclared,
    declaredSensors,
    summaries: received.summaries,
    summariesDeclared: received.summariesDeclared,
    deltaDeclared: received.deltaDeclared,
  };
}

async function main() {
  const pack = JSON.parse(readFileSync(path.join(PACK_DIR, "pack.json"), "utf8")) as { bounds: TBbox; center: [number, number] };
  const entities = JSON.parse(readFileSync(path.join(PACK_DIR, "entities.json"), "utf8")) as TCityEntities;
  const sensors = DEFINITIONS.map((d) => [d.id, placeDomainEntities(d, entities.segments).length] as const);
  console.log(
    `metro declared sensors: ${sensors.map(([id, n]) => `${id} ${n}`).join(", ")}; ${sensors.reduce((a, [, n]) => a + n, 0)} in all`,
  );
  const [lon, lat] = pack.center;
  // Zoom 12 (the pack's own) over a 1440 px map shows the whole metro; 16 shows about 2 × 1.3 km.
  const views: [string, TBbox][] = [
    ["city zoom (the pack's bounds)", pack.bounds],
    ["zoomed in (~16, centre)", [lon - 0.012, lat - 0.006, lon + 0.012, lat + 0.006]],
  ];
  const cookie = await signIn();
  for (const [name, bbox] of views) {
    const without = await measure(cookie, bbox, []);
    const withDomains = await measure(cookie, bbox, DOMAINS);
    console.log(`\n${name}: view ${withDomains.view}`);
    console.log(`  subscribe answer: ${kb(without.snapshot)} without declared domains, ${kb(withDomains.snapshot)} with all three`);
    console.log(`    declared part: ${kb(withDomains.snapshotDeclared)} (${withDomains.declaredSensors} sensors sent one by one)`);
    const avg = (list: number[]) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0);
    console.log(
      `  summaries in ${WINDOW_MS / 1000} s: ${without.summaries.length} × ${kb(avg(without.summaries))} without, ` +
        `${withDomains.summaries.length} × ${kb(avg(withDomains.summaries))} with (declared part ${kb(avg(withDomains.summariesDeclared))} each)`,
    );
    console.log(`  declared deltas in ${WINDOW_MS / 1000} s: ${kb(withDomains.deltaDeclared)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
