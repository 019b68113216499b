import { ZCityEvent, layerOf, type TCityEvent } from "@/lib/contracts/events";
import { TOPIC_BY_LAYER } from "@/lib/contracts/layers";
import type { TEntityRegistry } from "./entity-registry";
import type { TRawMessage } from "./types";

export type TValidation = { ok: true; event: TCityEvent } | { ok: false; reason: string };

const KNOWN_TOPICS = new Set(Object.values(TOPIC_BY_LAYER));
const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * Turns one raw message into a city event, or says precisely why not.
 * Never throws: hostile input is expected and ends up as a dead letter.
 */
export function validateMessage(message: TRawMessage, registry: TEntityRegistry): TValidation {
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

  const parsed = ZCityEvent.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    return { ok: false, reason: `schema: ${issues.join("; ")}` };
  }
  const event = parsed.data;
  const layer = layerOf(event);

  if (KNOWN_TOPICS.has(message.topic) && TOPIC_BY_LAYER[layer] !== message.topic) {
    return { ok: false, reason: `wrong topic: ${event.type} belongs on ${TOPIC_BY_LAYER[layer]}, got ${message.topic}` };
  }

  const entity = registry.get(event.entityId);
  if (!entity || entity.layer !== layer) {
    return { ok: false, reason: `unknown entity: no ${layer} entity "${event.entityId}" in the city pack` };
  }
  if (event.type === "EnergyMeasurement" && entity.kind !== event.assetKind) {
    return { ok: false, reason: `assetKind mismatch: "${event.entityId}" is a ${entity.kind}, event says ${event.assetKind}` };
  }
  return { ok: true, event };
}
