import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapInChunks } from "./map-in-chunks";

describe("mapInChunks", () => {
  it("maps every item once, in order, at most `size` at a time", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer()), fc.integer({ min: 1, max: 20 }), async (items, size) => {
        const chunks: number[][] = [];
        const doubled = await mapInChunks(items, size, async (chunk) => {
          chunks.push(chunk);
          return chunk.map((n) => n * 2);
        });
        expect(doubled).toEqual(items.map((n) => n * 2));
        expect(chunks.flat()).toEqual(items);
        expect(chunks.every((chunk) => chunk.length >= 1 && chunk.length <= size)).toBe(true);
        expect(chunks).toHaveLength(Math.ceil(items.length / size));
      }),
    );
  });

  it("lets a waiting macrotask run between chunks (a chain of promises alone would not)", async () => {
    const order: string[] = [];
    setImmediate(() => order.push("waiting task"));
    await mapInChunks([1, 2, 3], 1, async (chunk) => {
      order.push(`chunk ${chunk[0]}`);
      return chunk;
    });
    expect(order).toEqual(["chunk 1", "waiting task", "chunk 2", "chunk 3"]);
  });
});
