import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/server/db/client";
import { assetFixture, copyThreeRiversPack } from "@/test/fixtures/asset-pack";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { importAssets } from "./import-assets";
import { formatRowError } from "./row-error";

describe.each(TEST_BACKENDS)("importAssets: units into $kind", ({ open }) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  const pack = copyThreeRiversPack();
  beforeAll(async () => {
    ({ db, cleanup } = await open());
  });
  afterAll(async () => {
    await cleanup();
    pack.remove();
  });

  const run = (file: string, isDryRun = false) => importAssets({ file, kind: "units", packDir: pack.packDir, isDryRun, prisma: db.prisma });
  const csv = (name: string, rows: string[]) => {
    const file = path.join(pack.publicDir, name);
    writeFileSync(file, `id,callSign,type,stationId,capabilities\n${rows.join("\n")}\n`);
    return file;
  };
  const unit = (id: string) =>
    db.prisma.unit.findUniqueOrThrow({
      where: { id },
      select: { callSign: true, type: true, stationId: true, capabilities: true, version: true },
    });
  const audit = () => db.prisma.auditLog.findMany({ where: { entityType: "unit" }, orderBy: { id: "asc" } });
  const counts = async () => ({ units: await db.prisma.unit.count(), audit: await db.prisma.auditLog.count() });

  it("a dry run on a database the server never started on plans against the pack's units and writes nothing", async () => {
    const result = await run(assetFixture("units-good.csv"), true);
    expect(result.ok && !result.isWritten).toBe(true);
    if (!result.ok) return;
    expect(result.plan.added.map((c) => c.asset.id)).toEqual(["unit-e-21", "unit-m-21"]);
    expect(result.plan.updated.map((c) => [c.asset.id, c.changedFields])).toEqual([["unit-p-11", ["capabilities"]]]);
    expect(await counts()).toEqual({ units: 0, audit: 0 });
  });

  it("writes: seeds the pack's units, creates new ones with their type's capabilities, updates matches; each audited as a system action", async () => {
    const result = await run(assetFixture("units-good.csv"));
    expect(result.ok && result.isWritten).toBe(true);
    expect(await db.prisma.unit.count()).toBe(22);
    expect(await unit("unit-e-21")).toEqual({
      callSign: "E-21",
      type: "fire",
      stationId: "station-fire-1",
      capabilities: ["ladder", "rescue"],
      version: 0,
    });
    expect((await unit("unit-m-21")).capabilities).toEqual(["als"]);
    expect(await unit("unit-p-11")).toMatchObject({ capabilities: ["traffic", "k9"], version: 1 });
    const rows = await audit();
    expect(rows.map((r) => [r.action, r.entityId, r.actorId, r.actorEmail])).toEqual([
      ["unit.created", "unit-e-21", null, null],
      ["unit.created", "unit-m-21", null, null],
      ["unit.updated", "unit-p-11", null, null],
    ]);
    expect(rows[2]?.before).toMatchObject({ callSign: "P-11", capabilities: ["traffic"], version: 0 });
    expect(rows[2]?.after).toMatchObject({ callSign: "P-11", capabilities: ["traffic", "k9"], version: 1 });
  });

  it("the same file again changes nothing and audits nothing", async () => {
    const before = await counts();
    const result = await run(assetFixture("units-good.csv"));
    expect(result.ok && !result.isWritten && result.plan.unchanged.length).toBe(3);
    expect(await counts()).toEqual(before);
  });

  it("matches by call sign when the id is new, keeping the stored id; left-out capabilities stay", async () => {
    const file = csv("by-call-sign.csv", ["unit-x-99,P-12,police,station-fire-1,"]);
    const result = await run(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.updated.map((c) => [c.before?.id, c.changedFields])).toEqual([["unit-p-12", ["stationId"]]]);
    expect(await unit("unit-p-12")).toMatchObject({ stationId: "station-fire-1", capabilities: ["traffic"], version: 1 });
    expect(await db.prisma.unit.findUnique({ where: { id: "unit-x-99" } })).toBeNull();
  });

  it("reads NGSI-LD Vehicles: vehicleType as the read API names it, refStation as a Relationship", async () => {
    const result = await run(assetFixture("units-ngsi.json"));
    expect(result.ok && result.plan.added.map((c) => c.asset.id)).toEqual(["unit-e-41", "unit-m-41"]);
    expect(await unit("unit-e-41")).toMatchObject({
      callSign: "E-41",
      type: "fire",
      stationId: "station-fire-1",
      capabilities: ["ladder", "rescue"],
    });
    expect(await unit("unit-m-41")).toMatchObject({ type: "ems", stationId: "station-ems-1", capabilities: ["als", "bls"] });
  });

  it("refuses the whole file over any bad row, naming each, and writes nothing", async () => {
    const before = await counts();
    const result = await run(assetFixture("units-broken.csv"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(formatRowError)).toEqual([
      "line 3, field type: must be one of police, fire, ems, sanitation, utility",
      "line 4, field id: must be letters, digits and dashes",
      "line 5, field stationId: no station station-nowhere in the city pack (station-police-1, station-fire-1, station-ems-1, station-sanitation-1, station-utility-1)",
      "line 6, field capabilities: must list only ladder, rescue, hazmat, als, bls, k9, traffic, tow, hv-electrical, gas, compactor",
    ]);
    expect(await counts()).toEqual(before);
  });

  it("a database failure halfway through the file leaves no unit and no audit row of it", async () => {
    const before = await counts();
    // The third insert fails inside the database, after two units and their audit rows were written.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_unit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure for %', NEW.id; END $$`);
    await db.prisma.$executeRawUnsafe(
      "CREATE TRIGGER refuse_unit BEFORE INSERT ON units FOR EACH ROW WHEN (NEW.id = 'unit-f-3') EXECUTE FUNCTION refuse_unit()",
    );
    try {
      const file = csv("fails.csv", [
        "unit-f-1,F-1,fire,station-fire-1,",
        "unit-f-2,F-2,fire,station-fire-1,",
        "unit-f-3,F-3,fire,station-fire-1,",
      ]);
      await expect(run(file)).rejects.toThrow(/injected failure for unit-f-3/);
      expect(await counts()).toEqual(before);
    } finally {
      await db.prisma.$executeRawUnsafe("DROP TRIGGER refuse_unit ON units");
      await db.prisma.$executeRawUnsafe("DROP FUNCTION refuse_unit()");
    }
  });

  it("refuses a call sign another unit holds, a call sign used twice in the file, and two rows for one unit", async () => {
    const before = await counts();
    const file = csv("clash.csv", [
      "unit-p-11,P-13,police,station-police-1,",
      "unit-n-1,N-1,police,station-police-1,",
      "unit-n-2,N-1,police,station-police-1,",
      "unit-new-7,P-14,police,station-police-1,",
      "unit-p-14,P-14b,police,station-police-1,",
    ]);
    const result = await run(file);
    expect(!result.ok && result.errors.map(formatRowError)).toEqual([
      "line 2, field callSign: P-13 is the call sign of unit unit-p-13",
      "line 4, field callSign: N-1 is also on line 3",
      "line 6: matches unit unit-p-14, which line 5 already matches (by id or call sign)",
    ]);
    expect(await counts()).toEqual(before);
  });
});
