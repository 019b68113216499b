import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STABLE_INSTANCE_NAME } from "@/server/cluster/instance-id";
import { parseServerEnv } from "@/server/env";
import { brokerAddressOf, mqttConnectionFrom } from "./mqtt-connection";

describe("mqttConnectionFrom", () => {
  it("is off without MQTT_URL", () => {
    expect(mqttConnectionFrom(parseServerEnv({}))).toBeUndefined();
  });

  it("holds one session for the city with Kafka (the leader bridges), one per instance without", () => {
    const url = "mqtt://broker:1883";
    expect(mqttConnectionFrom(parseServerEnv({ MQTT_URL: url, KAFKA_BROKERS: "k:9092" }))?.clientId).toBe("citynerve-bridge");
    expect(mqttConnectionFrom(parseServerEnv({ MQTT_URL: url }))?.clientId).toBe(`citynerve-${STABLE_INSTANCE_NAME}`);
    expect(mqttConnectionFrom(parseServerEnv({ MQTT_URL: url, MQTT_CLIENT_ID: "edge-1" }))?.clientId).toBe("edge-1");
  });

  it("reads the TLS files and passes the credentials", () => {
    const dir = mkdtempSync(join(tmpdir(), "mqtt-tls-"));
    for (const name of ["ca", "cert", "key"]) writeFileSync(join(dir, `${name}.pem`), `${name} pem`);
    const connection = mqttConnectionFrom(
      parseServerEnv({
        MQTT_URL: "mqtts://user:pw@broker:8883",
        MQTT_USERNAME: "edge",
        MQTT_PASSWORD: "secret",
        MQTT_CA_FILE: join(dir, "ca.pem"),
        MQTT_CERT_FILE: join(dir, "cert.pem"),
        MQTT_KEY_FILE: join(dir, "key.pem"),
      }),
    );
    expect(connection).toMatchObject({ username: "edge", password: "secret" });
    expect(String(connection?.tls?.ca)).toBe("ca pem");
    expect(String(connection?.tls?.key)).toBe("key pem");
    expect(brokerAddressOf(connection!.url)).toBe("mqtts://broker:8883");
    rmSync(dir, { recursive: true, force: true });
  });
});
