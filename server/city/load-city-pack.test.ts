import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCityPack } from "./load-city-pack";

describe("loadCityPack", () => {
  it("loads the committed Three Rivers pack", async () => {
    const { manifest, entities } = await loadCityPack("three-rivers");
    expect(manifest).toMatchObject({ id: "three-rivers", name: "Three Rivers, Michigan", seed: 42 });
    expect(entities.segments.length).toBeGreaterThan(450);
    expect(entities.parking).toHaveLength(38);
    expect(entities.bins).toHaveLength(250);
    expect(entities.units).toHaveLength(20);
    expect(entities.substations.length).toBeGreaterThanOrEqual(3);
    expect(entities.feeders.length).toBeGreaterThanOrEqual(3 * entities.substations.length);
    expect(entities.stations.find((s) => s.type === "fire")?.name).toBe("Three Rivers Fire Department");
  });

  it("has references that resolve", async () => {
    const { entities } = await loadCityPack("three-rivers");
    const substations = new Set(entities.substations.map((s) => s.id));
    for (const f of entities.feeders) expect(substations.has(f.substationId), f.id).toBe(true);
    const stations = new Map(entities.stations.map((s) => [s.id, s.type]));
    for (const u of entities.units) expect(stations.get(u.stationId), u.id).toBe(u.type);
    const segmentIds = entities.segments.map((s) => s.id);
    expect(new Set(segmentIds).size).toBe(segmentIds.length);
  });

  describe("with a broken pack", () => {
    const dirs: string[] = [];
    const setup = async (files: Record<string, string>) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "city-pack-"));
      dirs.push(dir);
      await mkdir(path.join(dir, "city", "broken"), { recursive: true });
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, "city", "broken", name), text);
      return dir;
    };
    afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

    const manifest = JSON.stringify({ id: "broken", name: "B", attribution: "a", center: [0, 0], zoom: 14, bounds: [0, 0, 1, 1], seed: 1 });

    it("names the missing file", async () => {
      const publicDir = await setup({ "pack.json": manifest });
      await expect(loadCityPack("broken", publicDir)).rejects.toThrow(/entities\.json cannot be read/);
    });

    it("names the invalid file and the bad field", async () => {
      const publicDir = await setup({ "pack.json": manifest, "entities.json": JSON.stringify({ segments: [{ id: 1 }] }) });
      await expect(loadCityPack("broken", publicDir)).rejects.toThrow(/entities\.json does not match its schema:\n {2}segments\.0\.id/);
    });

    it("rejects ids that could escape the public folder", async () => {
      await expect(loadCityPack("../etc")).rejects.toThrow(/Invalid city pack id/);
    });
  });
});
