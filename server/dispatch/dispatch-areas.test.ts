import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TIncident } from "@/lib/contracts/incidents";
import { ZRecommendation, type TRecommendation } from "@/lib/contracts/units";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { DISPATCH_CITY, DISPATCH_CITY_SCENE } from "@/test/fixtures/dispatch-city";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";

/**
 * The dispatch city with a second fire station west of the scene, farther than Fire Station 1: its engine E-3
 * is never the fastest, so only a fire area that puts it at home with the incident makes it the suggested one.
 */
const TWO_FIRE_STATIONS: TCityEntities = {
  ...DISPATCH_CITY,
  stations: [...DISPATCH_CITY.stations, { id: "station-fire-west", name: "Fire Station 2", type: "fire", position: [-85.639, 41.9405] }],
  units: [...DISPATCH_CITY.units, { id: "unit-e3", callSign: "E-3", type: "fire", stationId: "station-fire-west" }],
};

/** A fire area around the scene and Fire Station 2, leaving Fire Station 1 (at 41.939) outside. */
const WEST_FIRE_AREA: [number, number][] = [
  [-85.64, 41.9395],
  [-85.63, 41.9395],
  [-85.63, 41.941],
  [-85.64, 41.941],
  [-85.64, 41.9395],
];

/** Zones drive dispatch areas through the real routes: a drawn fire response area makes its own engine the suggestion. */
describe.each(TEST_BACKENDS)("dispatch areas ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    t = await startAlertsTestApp(opened.db, { entities: TWO_FIRE_STATIONS });
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
  });

  const recommendation = async (incident: TIncident): Promise<TRecommendation> => {
    const response = await t.app.request(`/api/incidents/${incident.id}/recommendation`, { cookie: t.cookies.operator });
    expect(response.status, response.text).toBe(200);
    return ZRecommendation.parse(response.body);
  };
  const suggestedEngines = (r: TRecommendation) => r.units.filter((u) => u.type === "fire" && u.suggested).map((u) => u.callSign);

  it("suggests the engine at home in the incident's drawn fire area over a faster one from outside it", async () => {
    const created = await t.app.request("/api/incidents", {
      cookie: t.cookies.operator,
      body: { type: "hazard", priority: "P2", location: DISPATCH_CITY_SCENE, description: "Gas smell" },
    });
    expect(created.status, created.text).toBe(201);
    const incident = created.body as TIncident;

    // No fire areas yet (only the seeded districts): the fastest engine, from Fire Station 1.
    const before = await recommendation(incident);
    const fastest = before.units.find((u) => u.type === "fire")!;
    expect(suggestedEngines(before)).toEqual([fastest.callSign]);
    expect(fastest.callSign).not.toBe("E-3");
    expect(before.units.some((u) => u.homeArea !== undefined)).toBe(false);

    const drawn = await t.app.request("/api/zones", {
      cookie: t.cookies.admin,
      body: { name: "Fire area West", kind: "fireArea", geometry: { type: "Polygon", coordinates: [WEST_FIRE_AREA] } },
    });
    expect(drawn.status, drawn.text).toBe(201);

    const after = await recommendation(incident);
    expect(suggestedEngines(after)).toEqual(["E-3"]);
    const e3 = after.units.find((u) => u.callSign === "E-3")!;
    expect(e3).toMatchObject({ homeArea: "Fire area West", suggested: true });
    // Still listed fastest first: the faster engines from outside come before it, offered but not suggested.
    expect(after.units.findIndex((u) => u.callSign === fastest.callSign)).toBeLessThan(after.units.indexOf(e3));
    // Patrol cars have no beats drawn: the fastest one, as before.
    expect(after.units.filter((u) => u.type === "police" && u.suggested).map((u) => u.callSign)).toEqual(
      before.units.filter((u) => u.type === "police" && u.suggested).map((u) => u.callSign),
    );
  });
});
