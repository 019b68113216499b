import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { ZNgsiKeyValuesEntity, ZNgsiNormalizedEntity } from "@/lib/contracts/ngsi-ld";
import { DEMO_PASSWORD } from "@/server/auth/demo-users";
import { createDomainRegistry, type TDomainRegistry } from "@/server/domains/domain-registry";
import { loadDomainDefinitions } from "@/server/domains/load-domain-definitions";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startTestApp, type TTestApp, type TTestResponse } from "@/test/fixtures/test-app";
import { isoAt } from "@/test/fixtures/test-events";
import { TINY_CITY } from "@/test/fixtures/tiny-city";

const postgres = TEST_BACKENDS.find((b) => b.kind === "postgres")!;

/** The shipped definitions on the tiny city (a sensor on every street), air quality's PM10 without its unit code. */
function registryOf(definitions: readonly TDomainDefinition[]): TDomainRegistry {
  const placed = definitions.map((d) => ({
    ...d,
    entities: { ...d.entities, everyNthSegment: 1 },
    fields: d.fields.map((f) => (f.kind === "number" && f.name === "pm10" ? { ...f, unitCode: undefined } : f)),
  }));
  return createDomainRegistry(placed, TINY_CITY);
}

/** GET /ngsi-ld/v1/entities[/{id}] over declared domains: their event type, fields and units, through the real routes. */
describe("NGSI-LD over the declared domains", () => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  let auth: Record<string, string>;
  let domains: TDomainRegistry;
  const sensorOf = (domain: string, index: number) => domains.byId.get(domain)!.entities[index]!;

  beforeAll(async () => {
    const opened = await postgres.open();
    cleanup = opened.cleanup;
    domains = registryOf(await loadDomainDefinitions());
    app = await startTestApp({ db: opened.db, domains });
    const reading = (domain: string, index: number, seconds: number, fields: Record<string, number | string | boolean>) => {
      const { id: entityId } = sensorOf(domain, index);
      const type = domains.byId.get(domain)!.definition.eventType;
      app.city.cityState.applyDeclared(domain, { id: `${entityId}@${seconds}`, entityId, observedAt: isoAt(seconds), type, ...fields });
    };
    reading("water-network", 0, 10, { pressure: 1.6, flow: 140 });
    reading("water-network", 1, 10, { pressure: 3.4, flow: 80 });
    reading("air-quality", 0, 20, { pm25: 52, pm10: 80, no2: 30, o3: 60 });
    const admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    const issued = await app.request("/api/admin/api-keys", { cookie: admin, body: { name: "Partner broker", scopes: ["ngsi-ld:read"] } });
    auth = { authorization: `Bearer ${issued.body.secret}` };
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  const get = (path: string) => app.request(path, { headers: auth });
  const ids = (response: TTestResponse) => (response.body as { id: string }[]).map((e) => e.id);

  it("answers a query by the definition's event type with its sensors, each field a Property with its unitCode", async () => {
    const response = await get("/ngsi-ld/v1/entities?type=WaterObserved");
    expect(response.status, response.text).toBe(200);
    const meter = sensorOf("water-network", 0);
    const entities = (response.body as unknown[]).map((e) => ZNgsiNormalizedEntity.parse(e));
    expect(ids(response).sort()).toEqual([0, 1].map((i) => `urn:ngsi-ld:WaterObserved:${sensorOf("water-network", i).id}`).sort());
    expect(entities.find((e) => e.id === `urn:ngsi-ld:WaterObserved:${meter.id}`)).toEqual({
      id: `urn:ngsi-ld:WaterObserved:${meter.id}`,
      type: "WaterObserved",
      name: { type: "Property", value: meter.name },
      address: { type: "Property", value: { streetAddress: meter.street } },
      pressure: { type: "Property", value: 1.6, observedAt: isoAt(10), unitCode: "BAR" },
      flow: { type: "Property", value: 140, observedAt: isoAt(10), unitCode: "MQH" },
      dateObserved: { type: "Property", value: isoAt(10), observedAt: isoAt(10) },
      location: { type: "GeoProperty", value: { type: "Point", coordinates: meter.position } },
    });
  });

  it("leaves unitCode out where the definition gives none, and out of keyValues", async () => {
    const sensor = sensorOf("air-quality", 0);
    const id = `urn:ngsi-ld:AirQualityObserved:${sensor.id}`;
    const normalized = await get(`/ngsi-ld/v1/entities/${id}`);
    expect(normalized.status, normalized.text).toBe(200);
    const entity = ZNgsiNormalizedEntity.parse(normalized.body);
    expect(entity.pm25).toEqual({ type: "Property", value: 52, observedAt: isoAt(20), unitCode: "GQ" });
    expect(entity.pm10).toEqual({ type: "Property", value: 80, observedAt: isoAt(20) });
    // Temperature is optional and this reading has none: no attribute rather than an empty one.
    expect(entity).not.toHaveProperty("temperature");

    const simplified = await get(`/ngsi-ld/v1/entities/${id}?options=keyValues`);
    expect(ZNgsiKeyValuesEntity.parse(simplified.body)).toEqual({
      id,
      type: "AirQualityObserved",
      name: sensor.name,
      address: { streetAddress: sensor.street },
      pm25: 52,
      pm10: 80,
      no2: 30,
      o3: 60,
      dateObserved: isoAt(20),
      location: { type: "Point", coordinates: sensor.position },
    });
  });

  it("filters a declared type by its fields with q, beside the built-in types", async () => {
    const low = await get("/ngsi-ld/v1/entities?type=WaterObserved&q=pressure<2");
    expect(ids(low)).toEqual([`urn:ngsi-ld:WaterObserved:${sensorOf("water-network", 0).id}`]);
    const both = await get("/ngsi-ld/v1/entities?type=WaterObserved,AirQualityObserved&count=true");
    expect(both.headers.get("NGSILD-Results-Count")).toBe("3");
    // A declared domain whose sensors have not reported has no live entities.
    expect(ids(await get("/ngsi-ld/v1/entities?type=Streetlight"))).toEqual([]);
  });
});
