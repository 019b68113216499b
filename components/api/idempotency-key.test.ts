import { describe, expect, it } from "vitest";
import { ZUnitActionRequest } from "@/lib/contracts/units";
import { newIdempotencyKey } from "./idempotency-key";

const accepted = (key: string) => ZUnitActionRequest.safeParse({ idempotencyKey: key, action: "checkIn" }).success;

describe("idempotency keys", () => {
  it("uses randomUUID where the browser offers it", () => {
    const browser = {
      randomUUID: () => "0b6f1c1e-9f43-4a57-9d8e-2c1f0e7d5a11" as const,
      getRandomValues: crypto.getRandomValues.bind(crypto),
    };
    expect(newIdempotencyKey(browser)).toBe("0b6f1c1e-9f43-4a57-9d8e-2c1f0e7d5a11");
  });

  it("builds a v4 UUID the API accepts outside secure contexts", () => {
    const allOnes = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => (new Uint8Array(array!.buffer).fill(0xff), array) };
    const key = newIdempotencyKey(allOnes);
    expect(key).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(accepted(key)).toBe(true);
  });

  it("differs per click", () => {
    const withoutRandomUuid = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey(withoutRandomUuid)));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(accepted(key)).toBe(true);
  });
});
