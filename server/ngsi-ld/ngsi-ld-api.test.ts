import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import {
  NGSI_LD_ERROR_BASE,
  ZNgsiKeyValuesEntity,
  ZNgsiNormalizedEntity,
  ZNgsiProblemDetails,
  ZSdmKeyValuesEntity,
} from "@/lib/contracts/ngsi-ld";
import { DEMO_PASSWORD } from "@/server/auth/demo-users";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startTestApp, type TTestApp, type TTestResponse } from "@/test/fixtures/test-app";
import { energy, isoAt, parking, traffic, waste } from "@/test/fixtures/test-events";

const unit = (entityId: string, seconds: number): TCityEvent => ({
  id: `${entityId}@${seconds}`,
  entityId,
  observedAt: isoAt(seconds),
  type: "UnitPosition",
  location: [-85.636, 41.9405],
  heading: 90,
  speed: 30,
  status: "enRoute",
});

const EVENTS: TCityEvent[] = [
  traffic("seg-ab", 10, 42),
  traffic("seg-bc", 10, 8),
  parking("parking-1", 20, 15),
  waste("bin-1", 30, { fillingLevel: 0.95, status: "lidOpen" }),
  waste("bin-2", 30, { fillingLevel: 0.2 }),
  energy("sub-1", 40, { assetKind: "substation", activePower: 8_000, capacity: 10_000 }),
  energy("feeder-1", 40, { activePower: 1_000 }),
  unit("unit-p11", 50),
];

/** GET /ngsi-ld/v1/entities[/{id}] through the real routes, answers checked against the spec's shapes. */
describe.each(TEST_BACKENDS)("NGSI-LD over the live city ($kind)", (backend) => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  let auth: Record<string, string>;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    app = await startTestApp({ db: opened.db });
    for (const event of EVENTS) app.city.cityState.apply(event);
    const admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    const issued = await app.request("/api/admin/api-keys", { cookie: admin, body: { name: "Partner broker", scopes: ["ngsi-ld:read"] } });
    auth = { authorization: `Bearer ${issued.body.secret}` };
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { ...auth, ...headers } });
  const ids = (response: TTestResponse) => (response.body as { id: string }[]).map((e) => e.id);
  const expectProblem = (response: TTestResponse, status: number, type: string) => {
    expect(response.status, response.text).toBe(status);
    expect(ZNgsiProblemDetails.parse(response.body).type).toBe(type);
    expect(response.text).not.toMatch(/\n\s+at /);
  };

  it("lists entities in normalized form, with observedAt on measured Properties and the @context in a Link header", async () => {
    const response = await get("/ngsi-ld/v1/entities?limit=1000");
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("link")).toBe(
      `<${app.origin}/ngsi-ld/v1/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
    );
    const entities = (response.body as unknown[]).map((e) => ZNgsiNormalizedEntity.parse(e));
    expect(ids(response)).toEqual([...ids(response)].sort());
    const parkingLot = entities.find((e) => e.id === "urn:ngsi-ld:OffStreetParking:parking-1");
    expect(parkingLot).toEqual({
      id: "urn:ngsi-ld:OffStreetParking:parking-1",
      type: "OffStreetParking",
      name: { type: "Property", value: "Town Hall Lot" },
      availableSpotNumber: { type: "Property", value: 15, observedAt: isoAt(20) },
      totalSpotNumber: { type: "Property", value: 120, observedAt: isoAt(20) },
      dateObserved: { type: "Property", value: isoAt(20), observedAt: isoAt(20) },
      location: { type: "GeoProperty", value: { type: "Point", coordinates: [-85.634, 41.941] } },
    });
    expect(ids(response)).toEqual(expect.arrayContaining(["urn:ngsi-ld:TrafficFlowObserved:seg-ab", "urn:ngsi-ld:Vehicle:unit-p11"]));
  });

  it("answers keyValues in Smart Data Models shapes", async () => {
    const response = await get("/ngsi-ld/v1/entities?options=keyValues&limit=1000");
    expect(response.status).toBe(200);
    for (const entity of response.body as unknown[]) {
      ZNgsiKeyValuesEntity.parse(entity);
      ZSdmKeyValuesEntity.parse(entity);
    }
    const byId = new Map((response.body as { id: string }[]).map((e) => [e.id, e]));
    expect(byId.get("urn:ngsi-ld:TrafficFlowObserved:seg-ab")).toMatchObject({
      type: "TrafficFlowObserved",
      name: "Main St",
      averageVehicleSpeed: 42,
      location: {
        type: "LineString",
        coordinates: [
          [-85.64, 41.94],
          [-85.635, 41.94],
        ],
      },
    });
    expect(byId.get("urn:ngsi-ld:WasteContainer:bin-1")).toMatchObject({ address: { streetAddress: "Main St" }, status: "lidOpen" });
    expect(byId.get("urn:ngsi-ld:Vehicle:unit-p11")).toMatchObject({ name: "P-11", vehicleType: "police", unitStatus: "enRoute" });
    expect(byId.get("urn:ngsi-ld:EnergyMeasurement:sub-1")).toMatchObject({ name: "North Substation", assetKind: "substation" });
  });

  it("embeds the @context in each entity for application/ld+json, and serves that context", async () => {
    const response = await get("/ngsi-ld/v1/entities?type=WasteContainer", { accept: "application/ld+json" });
    expect(response.headers.get("content-type")).toBe("application/ld+json");
    expect(response.headers.get("link")).toBeNull();
    for (const entity of response.body) expect(entity["@context"]).toBe(`${app.origin}/ngsi-ld/v1/context.jsonld`);

    const context = await app.request("/ngsi-ld/v1/context.jsonld");
    expect(context.status).toBe(200);
    expect(context.headers.get("content-type")).toBe("application/ld+json");
    const [terms, core] = context.body["@context"];
    expect(terms.WasteContainer).toBe("https://smartdatamodels.org/dataModel.WasteManagement/WasteContainer");
    expect(core).toMatch(/^https:\/\/uri\.etsi\.org\/ngsi-ld\/v1\/ngsi-ld-core-context/);
  });

  it("filters by type (short name or IRI, several at once) and by id", async () => {
    expect(ids(await get("/ngsi-ld/v1/entities?type=WasteContainer"))).toEqual([
      "urn:ngsi-ld:WasteContainer:bin-1",
      "urn:ngsi-ld:WasteContainer:bin-2",
    ]);
    const iri = encodeURIComponent("https://smartdatamodels.org/dataModel.Parking/OffStreetParking");
    expect(ids(await get(`/ngsi-ld/v1/entities?type=${iri},EnergyMeasurement`))).toEqual([
      "urn:ngsi-ld:EnergyMeasurement:feeder-1",
      "urn:ngsi-ld:EnergyMeasurement:sub-1",
      "urn:ngsi-ld:OffStreetParking:parking-1",
    ]);
    expect((await get("/ngsi-ld/v1/entities?type=Building")).body).toEqual([]);
    expect(ids(await get("/ngsi-ld/v1/entities?id=urn:ngsi-ld:WasteContainer:bin-2"))).toEqual(["urn:ngsi-ld:WasteContainer:bin-2"]);
  });

  it("filters by q", async () => {
    const q = (query: string) => get(`/ngsi-ld/v1/entities?q=${encodeURIComponent(query)}`);
    expect(ids(await q("fillingLevel>0.5"))).toEqual(["urn:ngsi-ld:WasteContainer:bin-1"]);
    expect(ids(await q('status=="lidOpen";temperature<20'))).toEqual(["urn:ngsi-ld:WasteContainer:bin-1"]);
    expect(ids(await q("averageVehicleSpeed<10"))).toEqual(["urn:ngsi-ld:TrafficFlowObserved:seg-bc"]);
    expect(ids(await q(`dateObserved>=${isoAt(40)};activePower>=1000`))).toEqual([
      "urn:ngsi-ld:EnergyMeasurement:feeder-1",
      "urn:ngsi-ld:EnergyMeasurement:sub-1",
    ]);
    expect(ids(await q('name=="Town Hall Lot"'))).toEqual(["urn:ngsi-ld:OffStreetParking:parking-1"]);
  });

  it("pages with limit and offset, and counts with count=true", async () => {
    const all = ids(await get("/ngsi-ld/v1/entities?limit=1000"));
    const pages: string[] = [];
    for (let offset = 0; offset < all.length + 3; offset += 3)
      pages.push(...ids(await get(`/ngsi-ld/v1/entities?limit=3&offset=${offset}`)));
    expect(pages).toEqual(all);
    const counted = await get("/ngsi-ld/v1/entities?type=WasteContainer&limit=1&count=true");
    expect(counted.headers.get("ngsild-results-count")).toBe("2");
    expect(ids(counted)).toHaveLength(1);
    expect((await get("/ngsi-ld/v1/entities?limit=0&count=true")).headers.get("ngsild-results-count")).toBe(String(all.length));
  });

  it("retrieves one entity by id, normalized or keyValues", async () => {
    const id = "urn:ngsi-ld:WasteContainer:bin-1";
    const normalized = await get(`/ngsi-ld/v1/entities/${encodeURIComponent(id)}`);
    expect(normalized.status, normalized.text).toBe(200);
    expect(ZNgsiNormalizedEntity.parse(normalized.body).fillingLevel).toEqual({ type: "Property", value: 0.95, observedAt: isoAt(30) });
    const simplified = await get(`/ngsi-ld/v1/entities/${id}?options=keyValues`);
    expect(ZSdmKeyValuesEntity.parse(simplified.body)).toMatchObject({ id, fillingLevel: 0.95 });
  });

  it("gives built-in measured properties the unitCode of their domain's file, and none to shares or counts", async () => {
    const energy = ZNgsiNormalizedEntity.parse(
      (await get(`/ngsi-ld/v1/entities/${encodeURIComponent("urn:ngsi-ld:EnergyMeasurement:sub-1")}`)).body,
    );
    expect(energy.activePower).toEqual({ type: "Property", value: 8_000, observedAt: isoAt(40), unitCode: "KWT" });
    expect(energy.frequency).toMatchObject({ unitCode: "HTZ" });
    const bin = ZNgsiNormalizedEntity.parse(
      (await get(`/ngsi-ld/v1/entities/${encodeURIComponent("urn:ngsi-ld:WasteContainer:bin-1")}`)).body,
    );
    expect(bin.temperature).toMatchObject({ unitCode: "CEL" });
    expect(bin.fillingLevel).not.toHaveProperty("unitCode");
    const keyValues = await get(`/ngsi-ld/v1/entities/${encodeURIComponent("urn:ngsi-ld:EnergyMeasurement:sub-1")}?options=keyValues`);
    expect(keyValues.body).toMatchObject({ activePower: 8_000 });
  });

  it("answers 404 ResourceNotFound for an entity without live state, and 400 BadRequestData for bad input", async () => {
    expectProblem(await get("/ngsi-ld/v1/entities/urn:ngsi-ld:WasteContainer:nowhere"), 404, `${NGSI_LD_ERROR_BASE}ResourceNotFound`);
    const bad = `${NGSI_LD_ERROR_BASE}BadRequestData`;
    expectProblem(await get("/ngsi-ld/v1/entities/not-a-urn"), 400, bad);
    expectProblem(await get(`/ngsi-ld/v1/entities/urn:ngsi-ld:X:${"x".repeat(400)}`), 400, bad);
    const queries = [
      "limit=1001",
      "limit=-1",
      "limit=ten",
      "offset=-3",
      "options=sysAttrsPlease",
      "count=maybe",
      "idPattern=.*",
      "georel=near",
    ];
    for (const query of queries) {
      expectProblem(await get(`/ngsi-ld/v1/entities?${query}`), 400, bad);
    }
    for (const q of ["fillingLevel~=.*", "a==1|b==2", "==1", `a==${"9".repeat(1001)}`, 'name=="unclosed']) {
      expectProblem(await get(`/ngsi-ld/v1/entities?q=${encodeURIComponent(q)}`), 400, bad);
    }
    const problem = ZNgsiProblemDetails.parse((await get("/ngsi-ld/v1/entities?limit=5000")).body);
    expect(problem).toMatchObject({ title: "Bad request data", status: 400 });
    expect(problem.detail).toContain("limit");
  });

  it("answers 406 to a client that accepts neither JSON nor JSON-LD", async () => {
    const response = await get("/ngsi-ld/v1/entities", { accept: "text/html" });
    expect(response.status).toBe(406);
    expect(ZNgsiProblemDetails.parse(response.body).title).toBe("Not acceptable");
  });

  it("is not reachable with a session: partner apps use keys, and a browser's cookie gives nothing", async () => {
    const operator = await app.signIn("operator@citynerve.local", DEMO_PASSWORD);
    const response = await app.request("/ngsi-ld/v1/entities", { cookie: operator });
    expect(response.status).toBe(401);
    expect(ZNgsiProblemDetails.parse(response.body).title).toBe("Unauthorized");
  });
});
