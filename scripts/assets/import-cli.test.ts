import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/server/db/client";
import { assetFixture, copyThreeRiversPack } from "@/test/fixtures/asset-pack";
import { createTempDir } from "@/test/fixtures/test-databases";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const pack = copyThreeRiversPack();
afterAll(() => pack.remove());

function cli(args: string[], env: Record<string, string> = {}) {
  // The child must not inherit a DATABASE_URL from the shell: it opens exactly the database the test names.
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...parentEnv } = process.env;
  return promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/assets/import.ts"), ...args], {
    cwd: ROOT,
    env: { ...parentEnv, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("npm run assets:import", () => {
  it("a dry run prints the plan and exits 0; a broken file prints every error and exits 1; nothing is written", async () => {
    const before = pack.entitiesText();
    const dry = await cli(["--file", assetFixture("parking-good.csv"), "--kind", "parking", "--pack", pack.packDir, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("parking: 1 added, 1 updated, 1 unchanged\n  added      Riverside Lot (parking-new-1)\n");
    expect(dry.stdout).toContain("dry run (csv): nothing written to");

    const broken = await cli(["--file", assetFixture("parking-broken.csv"), "--kind", "parking", "--pack", pack.packDir]);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split("\n")).toEqual([
      "line 3, field lat: must be between -90 and 90",
      "line 5, field name: is required",
      "line 6, field lon: must be a number",
      "line 7, field id: parking-a is also on line 2",
      "line 8, field capacity: must be at least 1",
      "line 9: has 4 values but the header has 5 columns (id,name,lon,lat,capacity)",
      `assets:import: 6 errors in ${assetFixture("parking-broken.csv")}; nothing was written`,
    ]);
    expect(pack.entitiesText()).toBe(before);
  });

  it("refuses an unknown kind and missing options in one line", async () => {
    const unknown = await cli(["--file", "x.csv", "--kind", "trees"]);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      1,
      'assets:import: --kind "trees" must be one of parking, bins, substations, stations, units',
    ]);
    expect((await cli(["--kind", "units"])).stderr).toMatch(/^assets:import: --file and --kind are required; usage:/);
  });

  it("an unreachable database is one line, exit 1", async () => {
    const result = await cli(["--file", assetFixture("units-good.csv"), "--kind", "units", "--pack", pack.packDir], {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^assets:import: cannot open the database at 127\.0\.0\.1:1: .*ECONNREFUSED.*; nothing was written$/,
    );
  });

  it("without DATABASE_URL writes units into the embedded PGlite database in DATA_DIR", async () => {
    const data = await createTempDir("asset-import-pglite-");
    try {
      const result = await cli(["--file", assetFixture("units-good.csv"), "--kind", "units", "--pack", pack.packDir], {
        DATA_DIR: data.dir,
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("written to the embedded PGlite database");
      const db = await createDatabase({ dataDir: data.dir });
      try {
        expect(await db.prisma.unit.findUnique({ where: { id: "unit-e-21" }, select: { callSign: true } })).toEqual({ callSign: "E-21" });
        expect(await db.prisma.auditLog.count({ where: { action: { in: ["unit.created", "unit.updated"] }, actorId: null } })).toBe(3);
      } finally {
        await db.close();
      }
    } finally {
      await data.remove();
    }
  });
});
