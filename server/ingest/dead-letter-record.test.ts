import { describe, expect, it } from "vitest";
import { DEAD_LETTER_PAYLOAD_MAX_BYTES, toDeadLetter, toMinimalDeadLetter } from "./dead-letter-record";

const AT = new Date("2026-12-02T10:00:00.000Z");

describe("toDeadLetter", () => {
  it("names an MQTT message's topic as its source, and its kind, whatever Kafka topic its domain maps to", () => {
    const origin = { kind: "mqtt" as const, topic: "city/waste/bin-1", entityId: "bin-1" };
    const letter = toDeadLetter({ topic: "city.waste", partition: 0, offset: "4", value: "{", origin }, "invalid JSON", AT);
    expect(letter).toMatchObject({ topic: "city/waste/bin-1", sourceKind: "mqtt", offset: "4" });
    expect(toMinimalDeadLetter(letter)).toMatchObject({ topic: "city/waste/bin-1", sourceKind: "mqtt" });
    expect(toDeadLetter({ topic: "city.waste", partition: 1, offset: "4", value: "{" }, "r", AT)).not.toHaveProperty("sourceKind");
  });

  it("keeps the exact bytes and their size, and a readable text without NUL", () => {
    const value = Buffer.from([0x7b, 0x00, 0xff, 0x7d]);
    const letter = toDeadLetter({ topic: "city.waste", partition: 2, offset: "9", key: "k\u0000", value }, "bad \u0000", AT);
    expect(letter).toMatchObject({ reason: "bad \u2400", key: "k\u2400", payload: "{\u2400\ufffd}", payloadSize: 4, receivedAt: AT });
    expect(Buffer.from(letter.payloadBytes!)).toEqual(value);
  });

  it("truncates bytes and text of a huge payload and copies the bytes out of the message", () => {
    const value = Buffer.alloc(100_000, 0x61);
    const letter = toDeadLetter({ topic: "t", partition: 0, offset: "1", value }, "too large", AT);
    expect(letter.payloadBytes!.length).toBe(DEAD_LETTER_PAYLOAD_MAX_BYTES);
    expect(letter.payload!.length).toBe(DEAD_LETTER_PAYLOAD_MAX_BYTES);
    expect(letter.payloadSize).toBe(100_000);
    expect(letter.payloadBytes!.buffer).not.toBe(value.buffer); // a slice would pin the whole fetched batch
  });

  it("measures string payloads in UTF-8 bytes", () => {
    const letter = toDeadLetter({ topic: "t", partition: 0, offset: "1", value: "é".repeat(20_000) }, "r", AT);
    expect(letter.payloadSize).toBe(40_000);
    expect(letter.payloadBytes!.length).toBe(DEAD_LETTER_PAYLOAD_MAX_BYTES);
    expect(Buffer.byteLength(letter.payload!, "utf8")).toBeLessThanOrEqual(DEAD_LETTER_PAYLOAD_MAX_BYTES);
  });

  it("records an empty message with no payload", () => {
    expect(toDeadLetter({ topic: "t", partition: 0, offset: "1", value: null }, "empty message", AT)).toMatchObject({
      payload: null,
      payloadBytes: null,
      payloadSize: null,
      key: null,
    });
  });
});

describe("toMinimalDeadLetter", () => {
  it("keeps only printable ASCII and the payload as hex", () => {
    const full = toDeadLetter(
      { topic: "city.wäste", partition: 1, offset: "5", key: "key", value: Buffer.from([0x00, 0xff]) },
      "bad é",
      AT,
    );
    const minimal = toMinimalDeadLetter(full);
    expect(minimal).toMatchObject({
      topic: "city.w\\u00e4ste",
      partition: 1,
      offset: "5",
      key: null,
      payload: "00ff",
      payloadBytes: null,
      payloadSize: 2,
    });
    expect(minimal.reason).toMatch(/^bad \\u00e9 \[minimal form/);
    expect(minimal.reason).toMatch(/^[\x20-\x7e]*$/);
  });
});
