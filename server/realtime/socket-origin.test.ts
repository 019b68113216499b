import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LAYERS } from "@/lib/contracts/layers";
import type { TClientToServerEvents, TServerToClientEvents } from "@/lib/contracts/realtime";
import { CityState } from "@/server/city/city-state";
import { IngestStats } from "@/server/ingest/ingest-stats";
import { authenticateAs } from "@/test/fixtures/fixed-identity";
import { waitFor } from "@/test/wait-for";
import { createRealtimeHub, MAX_CLIENT_MESSAGE_BYTES, type TRealtimeHub } from "./realtime-hub";

type TClient = Socket<TServerToClientEvents, TClientToServerEvents>;

const PUBLIC_URL = "https://city.example";
// Written as an operator might in ALLOWED_ORIGINS (trailing slash); browsers send "https://ops.example".
const ALLOWED_ORIGINS = [PUBLIC_URL, "https://ops.example/"];

let httpServer: HttpServer;
let hub: TRealtimeHub;
let url: string;
const clients: TClient[] = [];

beforeEach(async () => {
  httpServer = createServer();
  const stats = new IngestStats();
  hub = createRealtimeHub(httpServer, {
    cityState: new CityState(),
    readStats: () => stats.read("simulator", null),
    flushMs: 25,
    authenticate: authenticateAs("operator"),
    allowedOrigins: ALLOWED_ORIGINS,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await hub.close();
  await new Promise((resolve) => httpServer.close(resolve));
});

function open(origin?: string): TClient {
  const client: TClient = connect(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: origin ? { origin } : {},
  });
  clients.push(client);
  return client;
}

const outcome = (client: TClient) =>
  new Promise<boolean>((resolve) => {
    client.once("connect", () => resolve(true));
    client.once("connect_error", () => resolve(false));
  });

/** The polling handshake a browser starts with: engine.io answers it before any session exists. */
const pollingHandshake = (origin?: string) =>
  fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers: origin ? { origin } : {} }).then((r) => r.status);

describe("socket handshake origin", () => {
  it("refuses a page from a foreign origin, over WebSocket and polling alike", async () => {
    expect(await outcome(open("https://evil.example"))).toBe(false);
    expect(await outcome(open("null"))).toBe(false); // sandboxed frames, file:// pages
    expect(await pollingHandshake("https://evil.example")).toBe(403);
    expect(hub.clientCount()).toBe(0);
  });

  it("accepts PUBLIC_URL, the allow-list, and clients that send no Origin (not browsers)", async () => {
    expect(await outcome(open(PUBLIC_URL))).toBe(true);
    expect(await outcome(open("https://ops.example"))).toBe(true);
    expect(await outcome(open())).toBe(true);
    expect(await pollingHandshake(PUBLIC_URL)).toBe(200);
    expect(hub.clientCount()).toBe(3);
  });
});

describe("client message size", () => {
  it("serves the largest real message, and drops a connection that sends more than the limit", async () => {
    const client = open();
    expect(await outcome(client)).toBe(true);
    // The largest valid subscription: 16 layer names.
    const layers = Array.from({ length: 16 }, (_, i) => LAYERS[i % LAYERS.length]);
    expect((await client.emitWithAck("city:subscribe", { layers })).ok).toBe(true);

    const reason = new Promise<string>((resolve) => client.once("disconnect", (r) => resolve(r)));
    client.emit("city:subscribe", { layers: ["x".repeat(MAX_CLIENT_MESSAGE_BYTES)] as never }, () => {});
    expect(await reason).toBe("transport close");
    await waitFor(() => hub.clientCount() === 0, "the server forgot the dropped client");
  });
});
