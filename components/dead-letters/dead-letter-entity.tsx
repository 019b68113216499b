"use client";

import type { TDeadLetterView } from "@/lib/contracts/dead-letters";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { builtinLayerOfTopic, MQTT_TOPIC_LEVEL_BY_LAYER } from "@/lib/domains/builtin-domains";
import { entityName } from "@/lib/city/entity-names";
import { useEntityIndex } from "@/components/city/use-entity-index";
import type { TEntityIndex } from "@/lib/city/entity-index";

/** The layer a source topic feeds: a built-in Kafka topic, or an MQTT city/<level>/<entity> topic of a built-in level. */
function layerOfTopic(topic: string): TLayer | null {
  const kafka = builtinLayerOfTopic(topic);
  if (kafka) return kafka;
  const mqtt = /^city\/([a-z][a-z0-9-]*)\//.exec(topic)?.[1];
  return LAYERS.find((layer) => MQTT_TOPIC_LEVEL_BY_LAYER[layer] === mqtt) ?? null;
}

function nameOf(index: TEntityIndex, letter: Pick<TDeadLetterView, "entityId" | "source">): string | null {
  if (!letter.entityId) return null;
  const layer = layerOfTopic(letter.source.topic);
  const domains = [...LAYERS, ...(index.declaredDomains ?? []).map((d) => d.definition.id)];
  const layers = layer ? [layer, ...domains.filter((l) => l !== layer)] : domains;
  for (const l of layers) {
    const name = entityName(index, l, letter.entityId);
    if (name) return name;
  }
  return null;
}

/**
 * What the message is about, by the name people use ("Bin on Main St", "P-11"); the id the sender wrote only in
 * the tooltip. A sender may name an entity the city does not have (often why it is a dead letter): then it says so.
 */
export function DeadLetterEntity({ letter }: { letter: Pick<TDeadLetterView, "entityId" | "source"> }) {
  const index = useEntityIndex();
  if (!letter.entityId) return <span className="muted">None named</span>;
  const name = index ? nameOf(index, letter) : null;
  return (
    <span title={`Id in the message: ${letter.entityId}`} data-testid="dead-letter-entity">
      {name ?? (index ? "Not in this city" : "…")}
    </span>
  );
}
