import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { entityIndexOf } from "./use-entity-index";

describe("entityIndexOf", () => {
  it("builds one index per loaded pack and domain list, whoever asks", () => {
    const first = entityIndexOf(TINY_CITY, undefined);
    expect(entityIndexOf(TINY_CITY, undefined)).toBe(first);
    expect(entityIndexOf(TINY_CITY, [])).not.toBe(first);
    expect(entityIndexOf({ ...TINY_CITY }, undefined)).not.toBe(first);
    expect(first.bins.get("bin-1")?.street).toBe("Main St");
  });
});
