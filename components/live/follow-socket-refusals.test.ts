import { createServer, type Server as HttpServer } from "node:http";
import net, { type AddressInfo } from "node:net";
import pg from "pg";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CityState } from "@/server/city/city-state";
import { IngestStats } from "@/server/ingest/ingest-stats";
import { createRealtimeHub, type TAuthenticateSocket, type TRealtimeHub } from "@/server/realtime/realtime-hub";
import { waitFor } from "@/test/wait-for";
import { followSocketRefusals, readSocketRefusal, type TRefusedStatus } from "./follow-socket-refusals";

/** What the session lookup throws while PostgreSQL is down: a real refused connection. */
let databaseDown: Error;
beforeAll(async () => {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  databaseDown = await new pg.Client({ host: "127.0.0.1", port }).connect().then(
    () => new Error("connected to a closed port"),
    (error: Error) => error,
  );
});

let httpServer: HttpServer | undefined;
let hub: TRealtimeHub | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await hub?.close();
  if (httpServer) await new Promise((resolve) => httpServer!.close(resolve));
});

async function start(authenticate: TAuthenticateSocket): Promise<string> {
  httpServer = createServer();
  const stats = new IngestStats();
  hub = createRealtimeHub(httpServer, {
    cityState: new CityState(),
    readStats: () => stats.read("simulator", null),
    flushMs: 25,
    authenticate,
  });
  await new Promise<void>((resolve) => httpServer!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

function open(url: string): Socket {
  // As in the browser hooks: socket.io's own reconnection on, which a refused handshake does not use.
  const socket = connect(url, { transports: ["websocket"], forceNew: true });
  sockets.push(socket);
  return socket;
}

describe("socket refusals in the browser", () => {
  it("shows 'unavailable' while the server cannot check the session, and connects by itself once it can", async () => {
    let attempts = 0;
    const url = await start(async () => {
      attempts++;
      if (attempts <= 2) throw databaseDown;
      return { user: { id: "ann", name: "Ann", email: "ann@test.local", role: "operator" } };
    });
    const statuses: TRefusedStatus[] = [];
    const socket = open(url);
    followSocketRefusals(
      socket,
      (status) => statuses.push(status),
      () => 10,
    );
    await waitFor(() => socket.connected, "connected after the database came back");
    expect(statuses).toEqual(["unavailable", "unavailable"]);
    expect(attempts).toBe(3);
  });

  it("shows 'signed-out' when the session is not valid", async () => {
    const url = await start(async () => null);
    const statuses: TRefusedStatus[] = [];
    const socket = open(url);
    followSocketRefusals(
      socket,
      (status) => statuses.push(status),
      () => 10,
    );
    await waitFor(() => statuses.length > 0, "the refusal");
    expect(statuses).toEqual(["signed-out"]);
    expect(socket.connected).toBe(false);
  });

  it("leaves transport errors to socket.io", () => {
    expect(readSocketRefusal(new Error("websocket error"))).toBeNull();
    expect(readSocketRefusal(new Error("unavailable"))).toBe("unavailable");
  });
});
