import { LAYERS } from "@/lib/contracts/layers";
import { builtinLayerOfTopic, MQTT_TOPIC_LEVEL_BY_LAYER, TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import type { TRawMessage } from "./types";

/**
 * MQTT topics of the edge: a pattern such as `city/+/+` whose first `+` level is the domain and second the entity id.
 * A domain's level and Kafka topic come from its file: `mqttTopicLevel` and `kafkaTopic` of a built-in's
 * (lib/domains/definitions/builtin) or a declared domain's definition.
 */

/** What the stats and /metrics count an MQTT message under when its topic names no domain (a fixed label). */
export const MQTT_UNROUTABLE_TOPIC = "mqtt.unroutable";

export function isMqttTopicPattern(pattern: string): boolean {
  const levels = pattern.split("/");
  return (
    !pattern.startsWith("$") &&
    !pattern.includes("\u0000") &&
    levels.filter((level) => level === "+").length === 2 &&
    levels.every((level) => level === "+" || !/[+#]/.test(level))
  );
}

/** Declared domains' MQTT domain level → their Kafka topic (lib/domains/definitions: mqttTopicLevel, kafkaTopic). */
export type TDeclaredMqttDomains = Readonly<Record<string, string>>;
const NO_DECLARED: TDeclaredMqttDomains = {};

/** Built-in domains' MQTT domain level → their Kafka topic, from their files. */
const BUILTIN_MQTT_DOMAINS: TDeclaredMqttDomains = Object.fromEntries(
  LAYERS.map((layer) => [MQTT_TOPIC_LEVEL_BY_LAYER[layer], TOPIC_BY_LAYER[layer]]),
);

/** One subscription per domain (`city/traffic/+`, …): other domains' topics are never delivered, nor kept for us. */
export function mqttSubscriptionsOf(pattern: string, declared: TDeclaredMqttDomains = NO_DECLARED): string[] {
  const domainLevel = pattern.split("/").indexOf("+");
  return [...Object.keys(BUILTIN_MQTT_DOMAINS), ...Object.keys(declared)].map((domain) =>
    pattern
      .split("/")
      .map((level, index) => (index === domainLevel ? domain : level))
      .join("/"),
  );
}

/**
 * Where a sensor publishes what the simulator would produce to `kafkaTopic` (the inverse of kafkaTopicOfDomain), or
 * null when the topic is no domain's or the entity id cannot be one MQTT topic level.
 */
export function mqttTopicOf(pattern: string, kafkaTopic: string, entityId: string): string | null {
  const layer = builtinLayerOfTopic(kafkaTopic);
  if (!layer || entityId === "" || /[/+#\u0000]/.test(entityId)) return null;
  const [domainLevel, entityLevel] = pattern.split("/").flatMap((level, index) => (level === "+" ? [index] : []));
  return pattern
    .split("/")
    .map((level, index) => (index === domainLevel ? MQTT_TOPIC_LEVEL_BY_LAYER[layer] : index === entityLevel ? entityId : level))
    .join("/");
}

/** The Kafka topic a domain's messages belong on, or null for a domain the city does not have. */
export function kafkaTopicOfDomain(domain: string, declared: TDeclaredMqttDomains = NO_DECLARED): string | null {
  if (Object.hasOwn(BUILTIN_MQTT_DOMAINS, domain)) return BUILTIN_MQTT_DOMAINS[domain]!;
  return Object.hasOwn(declared, domain) ? declared[domain]! : null;
}

/**
 * An MQTT publish as the pipeline reads it: on its domain's Kafka topic, keyed by the topic's entity, with the MQTT
 * topic as its origin (its dead letter names it). A topic that names no domain is still carried, as a dead letter to be.
 */
export function toRawMqttMessage(
  pattern: string,
  topic: string,
  payload: Buffer,
  offset: string,
  declared: TDeclaredMqttDomains = NO_DECLARED,
): TRawMessage {
  const address = parseMqttTopic(pattern, topic, declared);
  const base = { partition: 0, offset, value: payload };
  if (!address.ok) {
    return { ...base, topic: MQTT_UNROUTABLE_TOPIC, key: null, origin: { kind: "mqtt", topic, entityId: "", problem: address.reason } };
  }
  return { ...base, topic: address.kafkaTopic, key: address.entityId, origin: { kind: "mqtt", topic, entityId: address.entityId } };
}

type TMqttAddress = { ok: true; kafkaTopic: string; entityId: string } | { ok: false; reason: string };

function parseMqttTopic(pattern: string, topic: string, declared: TDeclaredMqttDomains): TMqttAddress {
  const want = pattern.split("/");
  const got = topic.split("/");
  const wildcards = want.flatMap((level, index) => (level === "+" ? [index] : []));
  const matches = got.length === want.length && want.every((level, index) => level === "+" || level === got[index]);
  if (!matches || wildcards.length !== 2) return { ok: false, reason: `MQTT topic does not match the pattern ${pattern}` };
  const [domain, entityId] = wildcards.map((index) => got[index]);
  const kafkaTopic = kafkaTopicOfDomain(domain, declared);
  if (!kafkaTopic)
    return {
      ok: false,
      reason: `unknown domain in MQTT topic: "${domain.slice(0, 64)}" (known: ${[...Object.keys(BUILTIN_MQTT_DOMAINS), ...Object.keys(declared)].join(", ")})`,
    };
  if (entityId === "") return { ok: false, reason: "MQTT topic names no entity" };
  return { ok: true, kafkaTopic, entityId };
}
