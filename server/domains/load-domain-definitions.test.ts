import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_DOMAIN_DEFINITIONS_DIR, DomainDefinitionError, loadDomainDefinitions } from "./load-domain-definitions";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "domains-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

async function shipped(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(DEFAULT_DOMAIN_DEFINITIONS_DIR, name), "utf8"));
}

describe("loadDomainDefinitions", () => {
  it("loads the shipped definitions: air quality, street lighting, water network", async () => {
    const definitions = await loadDomainDefinitions();
    expect(definitions.map((d) => [d.id, d.eventType, d.kafkaTopic])).toEqual([
      ["air-quality", "AirQualityObserved", "city.air-quality"],
      ["street-lighting", "Streetlight", "city.street-lighting"],
      ["water-network", "WaterObserved", "city.water-network"],
    ]);
    // Citizens' reports these domains' crews handle, replacing the built-in services of the same codes.
    expect(definitions.map((d) => [d.id, d.citizenServices.map((s) => s.code)])).toEqual([
      ["air-quality", []],
      ["street-lighting", ["streetlight-out"]],
      ["water-network", ["water-leak"]],
    ]);
  });

  it("refuses a declared citizen service with a bad code, a domain of its own, or a code declared twice", async () => {
    const water = await shipped("water-network.json");
    const [leak] = water.citizenServices as Record<string, unknown>[];
    const cases: [unknown[], RegExp][] = [
      [[{ ...leak, code: "Water Leak" }], /citizenServices\.0\.code: use 2–40 lower-case letters/],
      [[{ ...leak, domain: "energy" }], /citizenServices\.0: Unrecognized key: "domain"/],
      [[leak, { ...leak, name: "Burst main" }], /citizenServices\.1\.code: service code "water-leak" is declared twice/],
    ];
    for (const [citizenServices, message] of cases) {
      const dir = await folderWith({ "water.json": JSON.stringify({ ...water, citizenServices }) });
      const error = await loadDomainDefinitions(dir).catch((e) => e);
      expect(error).toBeInstanceOf(DomainDefinitionError);
      expect(error.message).toContain(path.join(dir, "water.json"));
      expect(error.message).toMatch(message);
    }
  });

  it("refuses a citizen service code two definitions declare, naming both files", async () => {
    const air = await shipped("air-quality.json");
    const water = await shipped("water-network.json");
    const dir = await folderWith({
      "a.json": JSON.stringify(water),
      "b.json": JSON.stringify({ ...air, citizenServices: water.citizenServices }),
    });
    await expect(loadDomainDefinitions(dir)).rejects.toThrow(
      /b\.json is invalid:\n {2}citizenServices\.0\.code: service code "water-leak" is already declared by .*a\.json/,
    );
  });

  it("names the file, the field and why when a definition is wrong", async () => {
    const air = await shipped("air-quality.json");
    const fields = air.fields as Record<string, unknown>[];
    fields[0] = { ...fields[0], min: 10, max: 5 };
    const dir = await folderWith({ "air.json": JSON.stringify(air) });
    const error = await loadDomainDefinitions(dir).catch((e) => e);
    expect(error).toBeInstanceOf(DomainDefinitionError);
    expect(error.message).toContain(path.join(dir, "air.json"));
    expect(error.message).toContain("fields.0.max: must be above min");
  });

  it("refuses a threshold outside its field's range, in the field's unit", async () => {
    const water = await shipped("water-network.json");
    (water.rules as Record<string, unknown>[])[0].openBelow = 20;
    const dir = await folderWith({ "water.json": JSON.stringify(water) });
    await expect(loadDomainDefinitions(dir)).rejects.toThrow(
      /rules\.0\.openBelow: must be between 0 and 16 bar \(the range of "pressure"\)/,
    );
  });

  it("refuses a rule on a field the domain does not have", async () => {
    const water = await shipped("water-network.json");
    (water.rules as Record<string, unknown>[])[0].field = "presure";
    const dir = await folderWith({ "water.json": JSON.stringify(water) });
    await expect(loadDomainDefinitions(dir)).rejects.toThrow(/water\.json is invalid:\n {2}rules\.0\.field: no field "presure" in fields/);
  });

  it("refuses a status rule naming a value the field cannot take", async () => {
    const lights = await shipped("street-lighting.json");
    (lights.rules as Record<string, unknown>[])[0].values = ["broken"];
    const dir = await folderWith({ "lights.json": JSON.stringify(lights) });
    await expect(loadDomainDefinitions(dir)).rejects.toThrow(/rules\.0\.values\.0: "broken" is not one of on, off, fault/);
  });

  it("refuses a missing required key and unknown keys", async () => {
    const { kafkaTopic: _dropped, ...air } = await shipped("air-quality.json");
    const dir = await folderWith({ "air.json": JSON.stringify({ ...air, colour: "red" }) });
    const error = await loadDomainDefinitions(dir).catch((e) => e);
    expect(error.message).toContain("kafkaTopic: Invalid input");
    expect(error.message).toMatch(/Unrecognized key: "colour"/);
  });

  it("refuses broken JSON, naming the file", async () => {
    const dir = await folderWith({ "broken.json": "{ id: " });
    await expect(loadDomainDefinitions(dir)).rejects.toThrow(/broken\.json is not valid JSON/);
  });

  it("refuses two definitions claiming one topic, and a built-in topic or id", async () => {
    const air = await shipped("air-quality.json");
    const twin = {
      ...air,
      id: "air-twin",
      rules: [],
      eventType: "AirTwin",
      mqttTopicLevel: "air-twin",
      entities: { ...(air.entities as object), idPrefix: "tw" },
    };
    const dir = await folderWith({ "a.json": JSON.stringify(air), "b.json": JSON.stringify(twin) });
    await expect(loadDomainDefinitions(dir)).rejects.toThrow(
      /b\.json is invalid:\n {2}kafkaTopic: kafkaTopic "city\.air-quality" is already used by .*a\.json/,
    );

    const builtinTopic = await folderWith({ "a.json": JSON.stringify({ ...air, kafkaTopic: "city.waste" }) });
    await expect(loadDomainDefinitions(builtinTopic)).rejects.toThrow(/kafkaTopic: "city\.waste" is a built-in topic/);
    const builtinLevel = await folderWith({ "a.json": JSON.stringify({ ...air, mqttTopicLevel: "parking" }) });
    await expect(loadDomainDefinitions(builtinLevel)).rejects.toThrow(
      /a\.json is invalid:\n {2}mqttTopicLevel: "parking" is a built-in domain's level/,
    );
    const builtinId = await folderWith({ "a.json": JSON.stringify({ ...air, id: "traffic" }) });
    await expect(loadDomainDefinitions(builtinId)).rejects.toThrow(/id: is a built-in layer's id/);
  });

  it("names a missing folder", async () => {
    await expect(loadDomainDefinitions("/nonexistent/domains")).rejects.toThrow(/folder \/nonexistent\/domains cannot be read/);
  });
});
