import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";
import { startLeaderLease, type TLeaderLease } from "./leader-lease";

const RETRY_MS = 200;
/** Failover must happen within a few retries; the bound waited for is generous for a loaded machine. */
const TAKEOVER_BOUND_MS = 10_000;

describe("leader lease on a PostgreSQL advisory lock", () => {
  let database: TTestPostgres;
  const leases: TLeaderLease[] = [];
  const children: ChildProcess[] = [];
  let lockKey: string;
  let keyNumber = 0;

  const start = async () => {
    const lease = await startLeaderLease({ connectionString: database.url, lockKey, retryMs: RETRY_MS, log: () => {} });
    leases.push(lease);
    return lease;
  };
  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  };
  /** Backends of this database holding an advisory lock. */
  const lockHolders = () =>
    query<{ pid: number; application_name: string }>(
      `SELECT l.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()`,
    );

  beforeAll(async () => {
    database = await createTestPostgres();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    await Promise.all(leases.splice(0).map((lease) => lease.stop()));
  });
  beforeEach(() => {
    lockKey = `test-leader-${++keyNumber}`;
  });
  afterAll(() => database.drop());

  it("makes exactly one of two instances the leader, and the other one once the first stops", async () => {
    const first = await start();
    const second = await start();
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false]);
    expect(await lockHolders()).toHaveLength(1);

    const changes: boolean[] = [];
    second.onChange((isLeader) => void changes.push(isLeader));
    await first.stop();
    expect(first.isLeader()).toBe(false);
    await waitFor(() => second.isLeader(), "the second instance leads", TAKEOVER_BOUND_MS);
    expect(changes).toEqual([true]);
    expect(await lockHolders()).toHaveLength(1);
  });

  it("steps down when its session is terminated, and one instance leads again", async () => {
    const first = await start();
    const second = await start();
    const firstChanges: boolean[] = [];
    first.onChange((isLeader) => void firstChanges.push(isLeader));
    const [holder] = await lockHolders();

    await query("SELECT pg_terminate_backend($1)", [holder.pid]);
    await waitFor(() => firstChanges.includes(false), "the first instance steps down", TAKEOVER_BOUND_MS);
    // Either may win the free lock (the first retries on a new session too), but only one.
    await waitFor(() => first.isLeader() !== second.isLeader(), "one instance leads again", TAKEOVER_BOUND_MS);
    const [newHolder, ...others] = await lockHolders();
    expect(others).toEqual([]);
    expect(newHolder.pid).not.toBe(holder.pid);
  });

  it("takes over from a holder process killed with SIGKILL", async () => {
    const script = path.join(import.meta.dirname, "leader-lease.fixture.ts");
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, LEASE_URL: database.url, LEASE_KEY: lockKey, LEASE_RETRY_MS: String(RETRY_MS) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes("leading"), "the child process leads", 20_000);

    const follower = await start();
    expect(follower.isLeader()).toBe(false);
    const killedAt = Date.now();
    child.kill("SIGKILL");
    await waitFor(() => follower.isLeader(), "the follower leads after the holder was killed", TAKEOVER_BOUND_MS);
    console.log(`takeover after SIGKILL of the holder: ${Date.now() - killedAt} ms (retry every ${RETRY_MS} ms)`);
  });

  it("is the leader at once without a PostgreSQL server (embedded mode)", async () => {
    const lease = await startLeaderLease({ lockKey, retryMs: RETRY_MS });
    expect(lease.isLeader()).toBe(true);
    await lease.stop();
  });
});
