import type { z } from "zod";
import { ZCityEvent, layerOf, type TCityEvent } from "@/lib/contracts/events";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import type { TDomainEvent } from "@/lib/contracts/domain-definition";
import type { TDeclaredDomain, TDomainRegistry } from "@/server/domains/domain-registry";
import type { TEntityRegistry } from "./entity-registry";
import { parseCityEventFast } from "./fast-city-event";
import { parseObservedAt } from "@/server/city/parse-observed-at";
import type { TRawMessage } from "./types";

/** An event of a declared domain (lib/domains/definitions), parsed by its definition's schema. */
export type TDeclaredEvent = { domain: string; event: TDomainEvent };

export type TValidation =
  | { ok: true; event: TCityEvent; declared?: undefined }
  | { ok: true; declared: TDeclaredEvent; event?: undefined }
  | { ok: false; reason: string };

/** When an event may have been observed, relative to `now` (ms since the epoch). */
export type TTimeWindow = {
  now: number;
  /** Further ahead than this is refused (a sensor clock gone wrong); Infinity = no limit. */
  maxFutureSkewMs: number;
  /** Older than this is refused; 0 = no limit. */
  maxAgeMs: number;
};

const KNOWN_TOPICS = new Set(Object.values(TOPIC_BY_LAYER));
const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * Turns one raw message into a city event, or says precisely why not.
 * Never throws: hostile input is expected and ends up as a dead letter.
 */
export function validateMessage(
  message: TRawMessage,
  registry: TEntityRegistry,
  time?: TTimeWindow,
  domains?: TDomainRegistry,
): TValidation {
  if (message.origin?.problem) return { ok: false, reason: message.origin.problem };
  if (message.value === null || message.value.length === 0) return { ok: false, reason: "empty message" };
  if (message.value.length > MAX_MESSAGE_BYTES) {
    return { ok: false, reason: `message too large (${message.value.length} bytes > ${MAX_MESSAGE_BYTES})` };
  }

  let json: unknown;
  try {
    json = JSON.parse(typeof message.value === "string" ? message.value : message.value.toString("utf8"));
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }

  json = withEntityOfTopic(json, message);
  const declared = domains && declaredDomainOf(json, message.topic, domains);
  if (declared) return validateDeclared(json, message, declared, time);

  let event = parseCityEventFast(json);
  if (!event) {
    const parsed = ZCityEvent.safeParse(json);
    if (!parsed.success) return { ok: false, reason: schemaReason(parsed.error) };
    event = parsed.data;
  }
  const layer = layerOf(event);

  if (KNOWN_TOPICS.has(message.topic) && TOPIC_BY_LAYER[layer] !== message.topic) {
    return { ok: false, reason: `wrong topic: ${event.type} belongs on ${TOPIC_BY_LAYER[layer]}, got ${message.topic}` };
  }

  if (message.origin && event.entityId !== message.origin.entityId) {
    return { ok: false, reason: `entity mismatch: the MQTT topic names "${message.origin.entityId}", the payload "${event.entityId}"` };
  }

  const entity = registry.get(event.entityId);
  if (!entity || entity.layer !== layer) {
    return { ok: false, reason: `unknown entity: no ${layer} entity "${event.entityId}" in the city pack` };
  }
  if (event.type === "EnergyMeasurement" && entity.kind !== event.assetKind) {
    return { ok: false, reason: `assetKind mismatch: "${event.entityId}" is a ${entity.kind}, event says ${event.assetKind}` };
  }
  const timeProblem = time ? checkObservedAt(event.observedAt, time) : null;
  if (timeProblem) return { ok: false, reason: timeProblem };
  return { ok: true, event };
}

function schemaReason(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  return `schema: ${issues.join("; ")}`;
}

/** A message on a declared domain's topic, or naming a declared event type anywhere, is that domain's. */
function declaredDomainOf(json: unknown, topic: string, domains: TDomainRegistry): TDeclaredDomain | undefined {
  const byTopic = domains.byTopic.get(topic);
  if (byTopic) return byTopic;
  const type = typeof json === "object" && json !== null && "type" in json ? (json as { type: unknown }).type : undefined;
  return typeof type === "string" ? domains.byEventType.get(type) : undefined;
}

function validateDeclared(json: unknown, message: TRawMessage, domain: TDeclaredDomain, time?: TTimeWindow): TValidation {
  const { definition } = domain;
  const parsed = domain.schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: schemaReason(parsed.error) };
  const event = parsed.data;
  // On a declared topic the schema's type literal already refused other types; a built-in topic is always wrong.
  if (KNOWN_TOPICS.has(message.topic)) {
    return { ok: false, reason: `wrong topic: ${event.type} belongs on ${definition.kafkaTopic}, got ${message.topic}` };
  }
  if (message.origin && event.entityId !== message.origin.entityId) {
    return { ok: false, reason: `entity mismatch: the MQTT topic names "${message.origin.entityId}", the payload "${event.entityId}"` };
  }
  if (!domain.entityById.has(event.entityId)) {
    return { ok: false, reason: `unknown entity: no ${definition.id} entity "${event.entityId}" in the city` };
  }
  const timeProblem = time ? checkObservedAt(event.observedAt, time) : null;
  if (timeProblem) return { ok: false, reason: timeProblem };
  return { ok: true, declared: { domain: definition.id, event } };
}

/** An MQTT topic names its entity: a payload that names none takes the topic's. */
function withEntityOfTopic(json: unknown, message: TRawMessage): unknown {
  if (!message.origin || typeof json !== "object" || json === null || Array.isArray(json) || "entityId" in json) return json;
  return { ...json, entityId: message.origin.entityId };
}

/**
 * City state keeps the newest observedAt per entity, so one event dated far ahead would make every
 * real event after it look stale: the entity would freeze until that date.
 */
function checkObservedAt(observedAt: string, time: TTimeWindow): string | null {
  const aheadMs = parseObservedAt(observedAt) - time.now;
  if (aheadMs > time.maxFutureSkewMs) {
    return `observedAt in the future: ${observedAt} is ${seconds(aheadMs)} s ahead of this server's clock (limit ${seconds(time.maxFutureSkewMs)} s)`;
  }
  if (time.maxAgeMs > 0 && -aheadMs > time.maxAgeMs) {
    return `observedAt too old: ${observedAt} is ${seconds(-aheadMs)} s old (limit ${seconds(time.maxAgeMs)} s)`;
  }
  return null;
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}
