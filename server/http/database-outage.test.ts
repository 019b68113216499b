import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_UNAVAILABLE_MESSAGE } from "@/server/auth/handle-auth-request";
import { DEMO_PASSWORD } from "@/server/auth/demo-users";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { startTcpProxy, type TTcpProxy } from "@/test/fixtures/tcp-proxy";
import { socketOutcome, startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGES } from "./responses";

/**
 * PostgreSQL behind a TCP proxy the test controls: cut (server gone, connections refused) and pause
 * (partition: bytes held, nothing closed). Every answer must be a clear 503 — and must come at all,
 * which a hang would not — and everything must work again once the database is back.
 * Timeouts are small so a paused request ends in about a second or two.
 */
const TIMEOUTS = { connectMs: 1_000, statementMs: 1_000, idleInTransactionMs: 1_000 };
const OPERATOR = "operator@citynerve.local";

let database: TTestPostgres;
let proxy: TTcpProxy;
let db: TDatabase;
let app: TTestApp;
let cookie: string;

beforeAll(async () => {
  database = await createTestPostgres();
  proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
  db = await createDatabase({ databaseUrl: proxy.urlThrough(database.url), dataDir: IN_MEMORY_DATA_DIR, timeouts: TIMEOUTS });
  app = await startTestApp({ db });
  cookie = await app.signIn(OPERATOR, DEMO_PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
  await proxy?.close();
  await database?.drop();
});

const signIn = () => app.request("/api/auth/sign-in/email", { body: { email: OPERATOR, password: DEMO_PASSWORD } });

async function expectServiceUnavailable() {
  const alerts = await app.request("/api/alerts", { cookie });
  expect(alerts.status).toBe(503);
  expect(alerts.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
  expect(alerts.body).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGES.unreachable });

  const signInResponse = await signIn();
  expect(signInResponse.status).toBe(503);
  expect(signInResponse.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
  expect(signInResponse.body).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: AUTH_UNAVAILABLE_MESSAGE });

  // A valid session that cannot be checked is "unavailable" (retry), not "unauthorized" (sign in again).
  expect(await socketOutcome(app.socket(cookie))).toEqual({ connected: false, error: "unavailable" });
  expect(await socketOutcome(app.socket())).toEqual({ connected: false, error: "unauthorized" });

  const ready = await app.request("/api/health/ready");
  expect(ready.status).toBe(503);
  expect(ready.body.ready).toBe(false);
  expect(ready.body.checks.database.ok).toBe(false);
  expect((await app.request("/api/health/live")).status).toBe(200);
  expect((await app.request("/api/health")).status).toBe(200);
}

async function expectRecovered() {
  await waitFor(async () => (await app.request("/api/health/ready")).status === 200, "ready again once the database answers");
  expect((await app.request("/api/alerts", { cookie })).status).toBe(200);
  expect((await signIn()).status).toBe(200);
  expect(await socketOutcome(app.socket(cookie))).toEqual({ connected: true });
}

describe("API answers while PostgreSQL is unreachable", () => {
  it("is ready, and serves, while the database answers", async () => {
    const ready = await app.request("/api/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.body.ready).toBe(true);
    expect(ready.body.checks.database).toEqual({ ok: true });
    expect((await app.request("/api/alerts", { cookie })).status).toBe(200);
  });

  it("database cut: 503 with Retry-After everywhere, 'unavailable' sockets, not ready; all back when it returns", async () => {
    await proxy.cut();
    try {
      await expectServiceUnavailable();
    } finally {
      await proxy.restore();
    }
    await expectRecovered();
  });

  it("network pause: requests end with 503 instead of hanging; all back on resume", async () => {
    proxy.pause();
    try {
      await expectServiceUnavailable();
    } finally {
      proxy.resume();
    }
    await expectRecovered();
  });
});
