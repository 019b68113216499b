import { describe, expect, it } from "vitest";
import type { TStation, TUnit } from "@/lib/contracts/city-pack";
import { makeTestUnit } from "@/test/fixtures/responder-units";
import { unitsToDraw } from "./units-to-draw";

const station: TStation = { id: "station-1", name: "Station 1", type: "fire", position: [-85.63, 41.94] };
const stations = new Map([[station.id, station]]);
const pack: TUnit[] = [{ id: "E-1", callSign: "E-1", type: "fire", stationId: "station-1" }];

describe("unitsToDraw", () => {
  it("keeps the pack's list as it is when nothing was added", () => {
    expect(unitsToDraw(pack, [makeTestUnit({ id: "E-1", callSign: "Engine 1" })], stations)).toBe(pack);
  });

  it("adds units created since at a station the map knows", () => {
    const drawn = unitsToDraw(pack, [makeTestUnit({ id: "E-7" }), makeTestUnit({ id: "X-1", stationId: "nowhere" })], stations);
    expect(drawn.map((unit) => unit.id)).toEqual(["E-1", "E-7"]);
    expect(drawn[1]).toEqual({ id: "E-7", callSign: "E-7", type: "fire", stationId: "station-1" });
  });
});
