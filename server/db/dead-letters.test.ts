import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDeadLetter } from "@/server/ingest/types";
import type { TDatabase } from "./client";
import {
  countDeadLetters,
  DEAD_LETTER_PAYLOAD_MAX_BYTES,
  listDeadLetters,
  recordDeadLetters,
  truncateUtf8,
} from "./dead-letters";
import { TEST_BACKENDS } from "./test-databases";

const T0 = Date.parse("2026-01-01T12:00:00.000Z");

function letter(n: number, overrides: Partial<TDeadLetter> = {}): TDeadLetter {
  return {
    reason: `bad message ${n}`,
    topic: "city.parking",
    partition: n % 4,
    offset: String(9_007_199_254_740_993n + BigInt(n)), // beyond Number: offsets stay exact as text
    key: `sensor-${n}`,
    payload: `{"n":${n}`,
    receivedAt: new Date(T0 + n * 1000),
    ...overrides,
  };
}

describe.each(TEST_BACKENDS)("dead letters ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
  });
  afterAll(() => cleanup?.());

  it("round-trips, newest first, and counts", async () => {
    await recordDeadLetters(db.prisma, []);
    await recordDeadLetters(db.prisma, [letter(1), letter(3), letter(2, { key: null, payload: null })]);

    expect(await countDeadLetters(db.prisma)).toBe(3);
    const listed = await listDeadLetters(db.prisma, { limit: 2 });
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({
      reason: "bad message 3",
      sourceTopic: "city.parking",
      sourcePartition: 3,
      sourceOffset: "9007199254740996",
      key: "sensor-3",
      payload: '{"n":3',
      receivedAt: new Date(T0 + 3000),
    });
    expect(listed[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(listed[1]).toMatchObject({ reason: "bad message 2", key: null, payload: null });
  });

  it("stores keys and payloads holding NUL bytes (which PostgreSQL text rejects) without them", async () => {
    await recordDeadLetters(db.prisma, [letter(200, { key: "k\u0000ey", payload: "{\u0000}" })]);
    const stored = await db.prisma.deadLetter.findFirstOrThrow({ where: { reason: "bad message 200" } });
    expect(stored).toMatchObject({ key: "key", payload: "{}" });
  });

  it("truncates payloads to 16 KB of UTF-8 without splitting characters", async () => {
    const huge = "é".repeat(DEAD_LETTER_PAYLOAD_MAX_BYTES); // 2 bytes each → 32 KB
    await recordDeadLetters(db.prisma, [letter(100, { payload: huge })]);
    const stored = await db.prisma.deadLetter.findFirstOrThrow({ where: { reason: "bad message 100" } });
    expect(Buffer.byteLength(stored.payload!, "utf8")).toBe(DEAD_LETTER_PAYLOAD_MAX_BYTES);
    expect(stored.payload).toBe("é".repeat(DEAD_LETTER_PAYLOAD_MAX_BYTES / 2));
  });
});

describe("truncateUtf8", () => {
  it("keeps short text and cuts on character boundaries", () => {
    expect(truncateUtf8("abc", 16)).toBe("abc");
    expect(truncateUtf8("aaaa€", 6)).toBe("aaaa"); // € is 3 bytes: 4 + 3 > 6
    expect(truncateUtf8("😀😀", 7)).toBe("😀");
    expect(truncateUtf8("x".repeat(20), 10)).toBe("x".repeat(10));
  });
});
