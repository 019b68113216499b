import { describe, expect, it } from "vitest";
import type { DeadLetter } from "@/server/db/generated/client";
import { whyNotReplayable } from "./dead-letter-view";

const row = (fields: Partial<DeadLetter>) =>
  ({
    reason: "invalid JSON",
    payload: "{bad",
    payloadBytes: new Uint8Array(Buffer.from("{bad")),
    payloadSize: 4,
    sourceKind: "kafka",
    ...fields,
  }) as DeadLetter;

describe("which dead letters can be replayed", () => {
  it("a Kafka letter with its bytes can; an MQTT one cannot, and the page says what to do instead", () => {
    expect(whyNotReplayable(row({}))).toBeNull();
    expect(whyNotReplayable(row({ sourceKind: "mqtt", sourceTopic: "city/waste/bin-1" }))).toMatch(/MQTT.*publish it again.*handled/);
  });

  it("a letter whose bytes were cut cannot", () => {
    expect(whyNotReplayable(row({ payloadSize: 40_000 }))).toMatch(/Only the first 4 of its 40000 bytes/);
  });
});
