import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDeadLetter } from "@/server/ingest/types";
import type { TDatabase } from "./client";
import { DEAD_LETTER_PAYLOAD_MAX_BYTES, DEAD_LETTER_REASON_MAX_CHARS } from "@/server/ingest/dead-letter-record";
import { countDeadLetters, deadLettersStoredHere, listDeadLetters, markReplaysAccepted, recordDeadLetters } from "./dead-letters";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";

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

describe("deadLettersStoredHere", () => {
  it("leaves MQTT letters, which every instance reads without Kafka, to the leader", () => {
    const kafka = letter(1);
    const mqtt = letter(2, { topic: "city/waste/bin-1", sourceKind: "mqtt" });
    expect(deadLettersStoredHere([kafka, mqtt], true)).toEqual([kafka, mqtt]);
    expect(deadLettersStoredHere([kafka, mqtt], false)).toEqual([kafka]);
  });
});

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

  it("stores texts PostgreSQL would refuse (NUL, lone surrogates) readable, and the raw bytes exact", async () => {
    const raw = Uint8Array.from([0x7b, 0x00, 0xff, 0xfe, 0xc3, 0x28, 0x7d]); // {, NUL, invalid UTF-8, }
    await recordDeadLetters(db.prisma, [
      letter(200, {
        reason: "invalid JSON: Unexpected token '\u0000', \"{\u0000\"\ud800 is not valid JSON",
        topic: "city.\u0000waste",
        key: "k\u0000ey\udc00",
        payload: "{\u0000\ufffd\ufffd\ufffd(}",
        payloadBytes: raw,
        payloadSize: raw.length,
      }),
    ]);
    const stored = await db.prisma.deadLetter.findFirstOrThrow({ where: { sourceOffset: letter(200).offset } });
    expect(stored).toMatchObject({
      reason: "invalid JSON: Unexpected token '\u2400', \"{\u2400\"\ufffd is not valid JSON",
      sourceTopic: "city.\u2400waste",
      key: "k\u2400ey\ufffd",
      payload: "{\u2400\ufffd\ufffd\ufffd(}",
      payloadSize: 7,
    });
    expect(Buffer.from(stored.payloadBytes!)).toEqual(Buffer.from(raw));
  });

  it("bounds every text and the bytes, keeping the original size", async () => {
    const huge = "é".repeat(DEAD_LETTER_PAYLOAD_MAX_BYTES); // 2 bytes each → 32 KB
    const bytes = new Uint8Array(3 * DEAD_LETTER_PAYLOAD_MAX_BYTES).fill(0x41);
    await recordDeadLetters(db.prisma, [
      letter(100, { reason: "r".repeat(100_000), key: "k".repeat(100_000), payload: huge, payloadBytes: bytes, payloadSize: bytes.length }),
    ]);
    const stored = await db.prisma.deadLetter.findFirstOrThrow({ where: { sourceOffset: letter(100).offset } });
    expect(Buffer.byteLength(stored.payload!, "utf8")).toBe(DEAD_LETTER_PAYLOAD_MAX_BYTES);
    expect(stored.payload).toBe("é".repeat(DEAD_LETTER_PAYLOAD_MAX_BYTES / 2));
    expect(stored.reason).toHaveLength(DEAD_LETTER_REASON_MAX_CHARS);
    expect(stored.reason.endsWith("…")).toBe(true);
    expect(stored.key!.length).toBeLessThanOrEqual(1000);
    expect(stored.payloadBytes).toHaveLength(DEAD_LETTER_PAYLOAD_MAX_BYTES);
    expect(stored.payloadSize).toBe(3 * DEAD_LETTER_PAYLOAD_MAX_BYTES);
  });

  it("stores a Kafka letter once per source position, whichever instance stores it first; simulator offsets may repeat", async () => {
    const position = { topic: "city.waste", partition: 2, offset: "77" };
    const first = letter(200, { ...position, reason: "from instance a" });
    await recordDeadLetters(db.prisma, [first, letter(201, { topic: "city.waste" })], "kafka");
    // A second instance read the same message, in a batch with a letter nobody stored yet.
    await recordDeadLetters(
      db.prisma,
      [letter(202, { ...position, reason: "from instance b" }), letter(203, { topic: "city.waste" })],
      "kafka",
    );
    const atPosition = await db.prisma.deadLetter.findMany({ where: { sourceTopic: "city.waste", sourceOffset: "77" } });
    expect(atPosition.map((l) => [l.reason, l.sourceKind])).toEqual([["from instance a", "kafka"]]);
    expect(await db.prisma.deadLetter.count({ where: { sourceTopic: "city.waste" } })).toBe(3);

    // The simulator counts offsets from 0 again after every restart: the same position is a new letter.
    const simulated = { topic: "city.energy", partition: 0, offset: "5" };
    await recordDeadLetters(db.prisma, [letter(204, simulated)], "simulator");
    await recordDeadLetters(db.prisma, [letter(205, simulated)], "simulator");
    expect(await db.prisma.deadLetter.count({ where: { sourceTopic: "city.energy" } })).toBe(2);
  });

  it("updates a replayed letter that failed again (once, whichever instances report it), and only one of the same topic and size", async () => {
    await recordDeadLetters(db.prisma, [letter(300, { topic: "city.units", payload: "{bad", payloadSize: 4 })], "kafka");
    const original = (await db.prisma.deadLetter.findFirstOrThrow({ where: { sourceTopic: "city.units" } })).id;
    await db.prisma.deadLetter.update({ where: { id: original }, data: { handledAt: new Date(T0), handledBy: "Sam" } });
    const failedAgain = letter(301, {
      topic: "city.units",
      offset: "9",
      payload: "{bad",
      payloadSize: 4,
      replayOf: original,
      reason: "schema: x",
    });
    // Every instance reads the replay and rejects it.
    await recordDeadLetters(db.prisma, [failedAgain], "kafka");
    await recordDeadLetters(db.prisma, [failedAgain], "kafka");
    const rows = await db.prisma.deadLetter.findMany({ where: { sourceTopic: "city.units" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: original, reason: "schema: x", reasonKind: "schema", replayOutcome: "failed", handledAt: null });
    expect(rows[0].lastFailedAt).toEqual(new Date(T0 + 301_000));

    // A made-up header on another message (another topic, or another size) is a letter of its own.
    await recordDeadLetters(db.prisma, [letter(302, { topic: "city.traffic", replayOf: original })], "kafka");
    await recordDeadLetters(db.prisma, [letter(303, { topic: "city.units", offset: "10", payloadSize: 99, replayOf: original })], "kafka");
    expect(await db.prisma.deadLetter.count({ where: { sourceTopic: { in: ["city.units", "city.traffic"] } } })).toBe(3);
    expect((await db.prisma.deadLetter.findUniqueOrThrow({ where: { id: original } })).reason).toBe("schema: x");
  });

  it("marks a replay accepted only on a letter of its topic waiting for that outcome, ignoring anything not a letter id", async () => {
    const id = (await db.prisma.deadLetter.findFirstOrThrow({ where: { sourceTopic: "city.units", replayOutcome: "failed" } })).id;
    const outcome = async () => (await db.prisma.deadLetter.findUniqueOrThrow({ where: { id } })).replayOutcome;
    await markReplaysAccepted(db.prisma, [{ deadLetterId: id, topic: "city.units" }]);
    expect(await outcome()).toBe("failed"); // nobody replayed it since

    await db.prisma.deadLetter.update({ where: { id }, data: { replayOutcome: "pending" } });
    await markReplaysAccepted(db.prisma, [
      { deadLetterId: "not-a-uuid", topic: "city.units" },
      { deadLetterId: id, topic: "city.traffic" },
    ]);
    expect(await outcome()).toBe("pending");
    await markReplaysAccepted(db.prisma, [{ deadLetterId: id, topic: "city.units" }]);
    await markReplaysAccepted(db.prisma, [{ deadLetterId: id, topic: "city.units" }]); // a second instance says the same
    expect(await outcome()).toBe("accepted");
  });

  it("stores an MQTT letter read beside Kafka under its own source kind and MQTT topic, outside Kafka's position rule", async () => {
    const mqtt = { topic: "city/waste/bin-1", partition: 0, offset: "3", sourceKind: "mqtt" as const };
    await recordDeadLetters(db.prisma, [letter(300, mqtt), letter(301, mqtt)], "kafka");
    const stored = await db.prisma.deadLetter.findMany({ where: { sourceTopic: "city/waste/bin-1" } });
    expect(stored.map((l) => l.sourceKind)).toEqual(["mqtt", "mqtt"]);
  });
});
