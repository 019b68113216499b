import { readFileSync } from "node:fs";
import type { IClientOptions } from "mqtt";
import { STABLE_INSTANCE_NAME } from "@/server/cluster/instance-id";
import type { TServerEnv } from "@/server/env";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import type { TDeclaredMqttDomains } from "./mqtt-topic";

/** How to reach the MQTT broker and which session to hold there (from the MQTT_* settings). */
export type TMqttConnection = {
  url: string;
  clientId: string;
  topicPattern: string;
  /** Declared domains' MQTT domain levels and the Kafka topics they go to. */
  declaredDomains?: TDeclaredMqttDomains;
  username?: string;
  password?: string;
  /** PEM contents, read once at start. */
  tls?: Pick<IClientOptions, "ca" | "cert" | "key">;
};

/**
 * With Kafka one session serves the city (the leader bridges; a new leader takes over the messages waiting in it);
 * without, each instance needs every message, so each holds a session of its own, named stably across restarts.
 */
export function mqttConnectionFrom(env: TServerEnv, domains?: TDomainRegistry): TMqttConnection | undefined {
  if (!env.MQTT_URL) return undefined;
  const read = (path: string | undefined) => (path ? readFileSync(path) : undefined);
  const hasTls = Boolean(env.MQTT_CA_FILE || env.MQTT_CERT_FILE);
  return {
    url: env.MQTT_URL,
    clientId: env.MQTT_CLIENT_ID ?? (env.KAFKA_BROKERS ? "citynerve-bridge" : `citynerve-${STABLE_INSTANCE_NAME}`.slice(0, 128)),
    topicPattern: env.MQTT_TOPIC_PATTERN,
    declaredDomains: Object.fromEntries(
      (domains?.domains ?? []).map(({ definition }) => [definition.mqttTopicLevel, definition.kafkaTopic]),
    ),
    username: env.MQTT_USERNAME,
    password: env.MQTT_PASSWORD,
    tls: hasTls ? { ca: read(env.MQTT_CA_FILE), cert: read(env.MQTT_CERT_FILE), key: read(env.MQTT_KEY_FILE) } : undefined,
  };
}

/** host:port for status and logs: never the credentials a URL may carry. */
export function brokerAddressOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
