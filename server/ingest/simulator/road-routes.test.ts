import { describe, expect, it } from "vitest";
import type { TLonLat } from "@/lib/geo";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { RoadRoutes } from "./road-routes";

const A: TLonLat = [-85.64, 41.94];
const C: TLonLat = [-85.63, 41.94];
/** Main St between A and B made one-way A → B, so from C back to A only Loop Rd (one-way C → A, bulging north) leads. */
const ONE_WAY_MAIN = TINY_CITY.segments.map((s) => (s.id === "seg-ab" ? { ...s, oneway: true } : s));

describe("RoadRoutes", () => {
  it("takes the shortest way over the roads, from the given point to the given point", () => {
    const route = new RoadRoutes(TINY_CITY.segments).route([-85.6401, 41.9399], [-85.6299, 41.9401]);
    expect(route).toEqual([[-85.6401, 41.9399], A, [-85.635, 41.94], C, [-85.6299, 41.9401]]);
  });

  it("drives one-way streets only their way", () => {
    const routes = new RoadRoutes(ONE_WAY_MAIN);
    expect(routes.route(A, C)).toEqual([A, [-85.635, 41.94], C]);
    expect(routes.route(C, A)).toEqual([C, [-85.635, 41.945], A]);
  });

  it("goes straight when no road connects the two points", () => {
    const island = [{ ...TINY_CITY.segments[0], id: "seg-island", from: "X", to: "Y", oneway: true, coords: [[-85.62, 41.95], [-85.619, 41.95]] as TLonLat[] }];
    const routes = new RoadRoutes([...ONE_WAY_MAIN, ...island]);
    expect(routes.route([-85.6191, 41.95], A)).toEqual([[-85.6191, 41.95], A]);
  });
});
