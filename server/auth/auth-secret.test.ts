import { stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDir } from "@/test/fixtures/test-databases";
import { resolveAuthSecret } from "./auth-secret";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe("resolveAuthSecret", () => {
  it("uses BETTER_AUTH_SECRET when set", async () => {
    expect(await resolveAuthSecret({ secret: "s".repeat(32), dataDir: "/nonexistent" })).toBe("s".repeat(32));
  });

  it("generates one owner-only secret in DATA_DIR and keeps it across restarts", async () => {
    const tmp = await createTempDir();
    cleanups.push(tmp.remove);
    const dataDir = path.join(tmp.dir, "data");
    const [a, b] = await Promise.all([resolveAuthSecret({ dataDir }), resolveAuthSecret({ dataDir })]);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(await resolveAuthSecret({ dataDir })).toBe(a);
    expect((await stat(path.join(dataDir, "auth-secret"))).mode & 0o777).toBe(0o600);
  });
});
