import { createServer, type Server as HttpServer } from "node:http";
import net, { type AddressInfo } from "node:net";
import pg from "pg";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { startCityRuntime, type TCityRuntime } from "@/server/city-runtime";
import { createManualSource } from "@/test/fixtures/manual-source";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";
import type { TSocketIdentity } from "./realtime-hub";

const user = (id: string, role: TCurrentUser["role"]): TCurrentUser => ({ id, name: id, email: `${id}@test.local`, role });
/** Tokens stand in for session cookies: the handshake's `authorization` header names an identity. */
const IDENTITIES: Record<string, TSocketIdentity> = {
  ann: { user: user("ann", "operator") },
  ann2: { user: user("ann", "operator") },
  bob: { user: user("bob", "supervisor") },
  fay: { user: user("fay", "field") },
  short: { user: user("sid", "operator") }, // expires 300 ms after each handshake (below)
};

/** What the session lookup throws when PostgreSQL is down: a real refused connection. */
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

let httpServer: HttpServer;
let runtime: TCityRuntime;
let url: string;
const sockets: Socket[] = [];

async function start() {
  httpServer = createServer();
  runtime = await startCityRuntime({
    httpServer,
    entities: TINY_CITY,
    source: createManualSource(),
    flushMs: 25,
    recordDeadLetters: async () => {},
    authenticate: async (headers) => {
      const token = headers.get("authorization") ?? "";
      if (token === "boom") throw new Error("a bug");
      if (token === "db-down") throw databaseDown;
      return token === "short" ? { ...IDENTITIES.short, expiresAt: new Date(Date.now() + 300) } : (IDENTITIES[token] ?? null);
    },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await runtime?.stop();
  await new Promise((resolve) => httpServer?.close(resolve));
});

function open(token?: string): Promise<{ socket: Socket; error?: string }> {
  const socket = connect(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: token ? { authorization: token } : {},
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket }));
    socket.once("connect_error", (error) => resolve({ socket, error: error.message }));
  });
}

describe("socket authentication and roles", () => {
  it("refuses anonymous handshakes, and fails closed when authentication errors", async () => {
    await start();
    expect((await open()).error).toBe("unauthorized");
    expect((await open("nobody")).error).toBe("unauthorized");
    expect((await open("boom")).error).toBe("unauthorized");
    expect(runtime.hub.clientCount()).toBe(0);
  });

  it("tells a session it cannot check (database unreachable) apart from no session", async () => {
    await start();
    expect((await open("db-down")).error).toBe("unavailable");
    expect((await open()).error).toBe("unauthorized");
    expect(runtime.hub.clientCount()).toBe(0);
  });

  it("answers city:subscribe only for operations roles", async () => {
    await start();
    const { socket: field } = await open("fay");
    expect(await field.emitWithAck("city:subscribe", { layers: ["waste"] })).toEqual({ ok: false, error: "forbidden" });
    const { socket: supervisor } = await open("bob");
    expect((await supervisor.emitWithAck("city:subscribe", { layers: ["waste"] })).ok).toBe(true);
  });

  it("disconnectUser closes every socket of that user and no one else's", async () => {
    await start();
    const [a1, a2, b] = await Promise.all([open("ann"), open("ann2"), open("bob")]);
    runtime.hub.disconnectUser("ann");
    await waitFor(() => !a1.socket.connected && !a2.socket.connected, "both of ann's sockets closed");
    expect(b.socket.connected).toBe(true);
  });

  it("closes a socket when its session expires", async () => {
    await start();
    const { socket } = await open("short");
    expect(socket.connected).toBe(true);
    await waitFor(() => !socket.connected, "socket closed at session expiry", 3_000);
  });
});
