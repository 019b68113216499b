import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { buildRoadGraph, nearestSources, pathCoords, shortestPaths } from "./road-graph";

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

describe("nearestSources", () => {
  // A random street lattice with random lengths: one multi-source search must agree with one search per source.
  it("gives every node the source a search per source finds nearest, the first listed winning a tie", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 60, maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 35 }), { minLength: 1, maxLength: 5 }),
        (size, lengths, sourceCells) => {
          const id = (r: number, c: number) => `${r}:${c}`;
          const segments: TRoadSegment[] = [];
          for (let r = 0; r < size; r++)
            for (let c = 0; c < size; c++) {
              if (c + 1 < size)
                segments.push(
                  seg(
                    `h${r}:${c}`,
                    id(r, c),
                    id(r, c + 1),
                    [
                      [c, r],
                      [c + 1, r],
                    ],
                    lengths[segments.length % 60] * 10,
                  ),
                );
              if (r + 1 < size)
                segments.push(
                  seg(
                    `v${r}:${c}`,
                    id(r, c),
                    id(r + 1, c),
                    [
                      [c, r],
                      [c, r + 1],
                    ],
                    lengths[segments.length % 60] * 10,
                  ),
                );
            }
          const graph = buildRoadGraph(segments);
          const sources = sourceCells.map((cell) => id(Math.floor(cell / 6) % size, cell % size));
          const { owner, distance } = nearestSources(graph, sources);
          const each = sources.map((s) => shortestPaths(graph, s).distance);
          for (const node of graph.positions.keys()) {
            let expected = 0;
            each.forEach((d, i) => {
              if (d.get(node)! < each[expected].get(node)!) expected = i;
            });
            expect(distance.get(node)).toBe(each[expected].get(node));
            expect(owner.get(node)).toBe(expected);
          }
        },
      ),
    );
  });

  it("stops a search at its target with the same path as a full search", () => {
    const segments = [0, 1, 2, 3].map((i) =>
      seg(
        `s${i}`,
        `n${i}`,
        `n${i + 1}`,
        [
          [i, 0],
          [i + 1, 0],
        ],
        10,
      ),
    );
    const graph = buildRoadGraph(segments);
    const early = shortestPaths(graph, "n0", undefined, "n2");
    expect(pathCoords(early, "n2")).toEqual(pathCoords(shortestPaths(graph, "n0"), "n2"));
    expect(early.distance.has("n4")).toBe(false);
  });
});
