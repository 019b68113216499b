import type { TSourceState } from "@/lib/contracts/realtime";
import type { TMqttConnection } from "./mqtt-connection";
import { createMqttSubscriber, type TMqttSubscriberOptions } from "./mqtt-subscriber";
import type { TEventSource, TIngestSink } from "./types";

const SOURCE_STATE_OF = {
  unreachable: "unreachable",
  reconnecting: "restarting",
  connecting: "connecting",
  connected: "connected",
} as const;

/**
 * The event source without Kafka: every instance subscribes with a session of its own and feeds its own pipeline.
 * A message is acknowledged once the pipeline took it (applied, or dead-lettered with its MQTT topic as source).
 */
export function createMqttSource(
  connection: TMqttConnection,
  tuning: Pick<TMqttSubscriberOptions, "redeliveryBackoff" | "log"> = {},
): TEventSource {
  let sink: TIngestSink | undefined;
  let offset = 0n;
  const subscriber = createMqttSubscriber({
    ...tuning,
    connection,
    role: "source",
    handle: async (message) => {
      if (!sink) throw new Error("mqtt source is not running");
      await sink.ingestBatch([message]);
    },
  });

  return {
    kind: "mqtt",
    async start(started) {
      sink = started;
      subscriber.start();
    },
    stop: () => subscriber.stop(),
    consumerLag: () => null,
    mqttStatus: subscriber.status,
    status() {
      const mqtt = subscriber.status();
      const state: TSourceState = mqtt.state === "standby" ? "connecting" : SOURCE_STATE_OF[mqtt.state];
      return { state, since: mqtt.since, restarts: 0, offsetResets: 0, lastOffsetReset: null, lastError: mqtt.lastError, partitions: [] };
    },
    readiness() {
      const { state, since } = subscriber.status();
      return state === "connected" ? { ok: true } : { ok: false, detail: `MQTT broker ${state} since ${since}` };
    },
    // A crew's phone position: straight into the pipeline, as the simulator does (MQTT is the sensors' way in).
    async inject(messages) {
      if (!sink) throw new Error("mqtt source is not running");
      await sink.ingestBatch(messages.map((m) => ({ ...m, partition: 0, offset: `injected-${offset++}` })));
    },
  };
}
