import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import mqtt from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerEnv } from "@/server/env";
import {
  createTestTls,
  startPrivateMosquitto,
  type TPrivateMosquitto,
  type TTestTls,
  topicOf,
  uniqueTopicPattern,
} from "@/test/fixtures/mosquitto";
import { uniqueName } from "@/test/kafka-mock";
import { waitFor } from "@/test/wait-for";
import { mqttConnectionFrom } from "./mqtt-connection";
import { createMqttSource } from "./mqtt-source";
import type { TEventSource, TRawMessage } from "./types";

/** The settings as an operator writes them (mqtts:// URL, CA file, user and password) against a broker that demands them. */
let tls: TTestTls;
let broker: TPrivateMosquitto;
const USER = { username: "edge", password: "correct horse battery staple" };

beforeAll(async () => {
  tls = createTestTls();
  broker = await startPrivateMosquitto({ tls, ...USER });
});
afterAll(async () => {
  await broker?.stop();
  if (tls) await rm(tls.dir, { recursive: true, force: true });
});

function sourceFor(password: string, pattern: string, received: TRawMessage[]): TEventSource {
  const env = parseServerEnv({
    MQTT_URL: broker.url,
    MQTT_CA_FILE: tls.caFile,
    MQTT_USERNAME: USER.username,
    MQTT_PASSWORD: password,
    MQTT_CLIENT_ID: uniqueName("tls"),
    MQTT_TOPIC_PATTERN: pattern,
  });
  const source = createMqttSource(mqttConnectionFrom(env)!, { log: () => {} });
  void source.start({
    ingestBatch: async (messages) => {
      received.push(...messages);
      return { accepted: [], rejected: [] };
    },
  });
  return source;
}

describe("MQTT over TLS with a password", () => {
  it("connects with the CA file and credentials and takes messages", async () => {
    const pattern = uniqueTopicPattern();
    const received: TRawMessage[] = [];
    const source = sourceFor(USER.password, pattern, received);
    try {
      await waitFor(() => source.mqttStatus?.().state === "connected", "connected over TLS");
      const publisher = await mqtt.connectAsync(broker.url, { ca: readFileSync(tls.caFile), ...USER, protocolVersion: 5 });
      await publisher.publishAsync(topicOf(pattern, "waste", "bin-1"), "{}", { qos: 1 });
      await publisher.endAsync();
      await waitFor(() => received.length === 1, "the message over TLS");
      expect(source.mqttStatus?.().broker).toBe(broker.url);
    } finally {
      await source.stop();
    }
  });

  it("is refused with a wrong password, and says so", async () => {
    const source = sourceFor("wrong", uniqueTopicPattern(), []);
    try {
      await waitFor(() => source.mqttStatus?.().state === "unreachable", "not connected");
      expect(source.mqttStatus?.().lastError?.message).toMatch(/not authorized|bad user name or password/i);
    } finally {
      await source.stop();
    }
  });
});
