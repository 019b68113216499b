import { describe, expect, it } from "vitest";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { checkEntities } from "./check-entities";

const empty: TCityEntities = { segments: [], parking: [], bins: [], substations: [], feeders: [], stations: [], units: [] };

describe("checkEntities", () => {
  it("accepts a consistent pack", () => {
    expect(checkEntities(empty)).toEqual([]);
  });

  it("reports duplicate ids and dangling references", () => {
    const problems = checkEntities({
      ...empty,
      bins: [
        { id: "b", position: [0, 0], volumeL: 1 },
        { id: "b", position: [0, 0], volumeL: 1 },
      ],
      feeders: [
        {
          id: "f",
          substationId: "nope",
          name: "F",
          capacityKw: 1,
          coords: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
      stations: [{ id: "st", name: "S", type: "fire", position: [0, 0] }],
      units: [
        { id: "u1", callSign: "P-1", type: "police", stationId: "st" },
        { id: "u2", callSign: "E-1", type: "fire", stationId: "gone" },
      ],
    });
    expect(problems).toEqual([
      "duplicate bins id b",
      "feeder f: unknown substation nope",
      "unit u1 (police) based at fire station st",
      "unit u2: unknown station gone",
    ]);
  });
});
