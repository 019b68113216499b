import mqtt from "mqtt";
import type { TMqttConnection } from "./mqtt-connection";
import { mqttTopicOf } from "./mqtt-topic";

/** A message as the simulator emits it for Kafka: its layer's topic, keyed by entity. */
type TOutgoingMessage = { topic: string; key: string; value: string };

type TCityMqttPublisher = {
  /** Publishes at QoS 1 and resolves once the broker has every message; returns how many had no MQTT topic. */
  sendMessages(messages: readonly TOutgoingMessage[]): Promise<{ skipped: number }>;
  disconnect(): Promise<void>;
};

/** Publishes the simulated city as sensors at the MQTT edge would: `city/<domain>/<entityId>` (the topic pattern). */
export async function createCityMqttPublisher(connection: TMqttConnection): Promise<TCityMqttPublisher> {
  const client = await mqtt.connectAsync(connection.url, {
    protocolVersion: 5,
    clientId: connection.clientId,
    username: connection.username,
    password: connection.password,
    ...connection.tls,
  });
  return {
    async sendMessages(messages) {
      let skipped = 0;
      await Promise.all(
        messages.map((message) => {
          const topic = mqttTopicOf(connection.topicPattern, message.topic, message.key);
          if (!topic) {
            skipped++;
            return undefined;
          }
          return client.publishAsync(topic, message.value, { qos: 1 });
        }),
      );
      return { skipped };
    },
    disconnect: () => client.endAsync(),
  };
}
