import { describe, expect, it } from "vitest";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { buildRoadGraph, pathCoords, shortestPaths } from "./road-graph";

const seg = (id: string, from: string, to: string, coords: [number, number][], lengthM: number): TRoadSegment => ({
  id,
  from,
  to,
  coords,
  lengthM,
  roadClass: "residential",
  oneway: false,
  lanes: 2,
  freeFlowKmh: 40,
  capacityVph: 1000,
});

describe("road graph", () => {
  // a ─ b ─ c, plus a long detour a ─ c
  const segments = [
    seg(
      "s1",
      "a",
      "b",
      [
        [0, 0],
        [1, 0],
      ],
      100,
    ),
    seg(
      "s2",
      "c",
      "b",
      [
        [2, 0],
        [1.5, 0.1],
        [1, 0],
      ],
      100,
    ),
    seg(
      "s3",
      "a",
      "c",
      [
        [0, 0],
        [1, 1],
        [2, 0],
      ],
      500,
    ),
  ];

  it("finds the shortest route regardless of segment direction", () => {
    const paths = shortestPaths(buildRoadGraph(segments), "a");
    expect(paths.distance.get("c")).toBe(200);
    expect(pathCoords(paths, "c")).toEqual([
      [0, 0],
      [1, 0],
      [1.5, 0.1],
      [2, 0],
    ]);
  });

  it("honours a custom cost", () => {
    const paths = shortestPaths(buildRoadGraph(segments), "a", (s) => (s.id === "s3" ? 1 : s.lengthM));
    expect(pathCoords(paths, "c")).toEqual([
      [0, 0],
      [1, 1],
      [2, 0],
    ]);
  });

  it("returns an empty path to the source itself and skips unreachable nodes", () => {
    const paths = shortestPaths(
      buildRoadGraph([
        ...segments,
        seg(
          "s4",
          "x",
          "y",
          [
            [5, 5],
            [6, 6],
          ],
          10,
        ),
      ]),
      "a",
    );
    expect(pathCoords(paths, "a")).toEqual([]);
    expect(paths.distance.has("x")).toBe(false);
  });
});
