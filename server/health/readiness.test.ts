import net, { type AddressInfo } from "node:net";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { createDatabasePing, type TDatabasePing } from "@/server/db/ping-database";
import { createReadiness } from "./readiness";

/** A round trip to the local PostgreSQL server, or to a port where nothing listens. */
async function selectOne(port: number): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "test", connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

// Whole outages (cut, pause) through the app: server/http/database-outage.test.ts.
describe("readiness", () => {
  let up: TDatabasePing;
  let down: TDatabasePing;
  beforeAll(async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    up = createDatabasePing(() => selectOne(5432));
    down = createDatabasePing(() => selectOne(closedPort));
  });

  it("is ready when the database answers and the source says so", async () => {
    expect(await createReadiness({ database: up })()).toEqual({ ready: true, checks: { database: { ok: true } } });
    expect(await createReadiness({ database: up, isSourceReady: () => true })()).toEqual({
      ready: true,
      checks: { database: { ok: true }, source: { ok: true } },
    });
  });

  it("is not ready when the source is not, in the source's own words; a throwing source counts as not ready", async () => {
    const lagging = await createReadiness({ database: up, isSourceReady: () => ({ ok: false, detail: "consumer restarting" }) })();
    expect(lagging).toEqual({ ready: false, checks: { database: { ok: true }, source: { ok: false, detail: "consumer restarting" } } });
    const broken = await createReadiness({
      database: up,
      isSourceReady: () => {
        throw new Error("no status yet");
      },
    })();
    expect(broken.ready).toBe(false);
    expect(broken.checks.source).toEqual({ ok: false, detail: "status unavailable" });
  });

  it("is not ready while the database is unreachable, saying since when", async () => {
    const result = await createReadiness({ database: down, isSourceReady: () => true })();
    expect(result.ready).toBe(false);
    expect(result.checks.source).toEqual({ ok: true });
    expect(result.checks.database.ok).toBe(false);
    expect(result.checks.database.detail).toMatch(/^unreachable since \d{4}-\d\d-\d\dT/);
  });

  it("checks the MQTT bridge where this instance bridges, in its own words", async () => {
    const readiness = await createReadiness({
      database: up,
      isMqttBridgeReady: () => ({ ok: false, detail: "MQTT broker unreachable since 2026-12-03T08:00:00.000Z" }),
    })();
    expect(readiness).toEqual({
      ready: false,
      checks: { database: { ok: true }, mqttBridge: { ok: false, detail: "MQTT broker unreachable since 2026-12-03T08:00:00.000Z" } },
    });
  });
});
