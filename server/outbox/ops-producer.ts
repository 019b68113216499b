import { Kafka, Partitioners, logLevel } from "kafkajs";
import { groupByTopic } from "@/server/ingest/kafka-producer";
import { consoleKafkaLogger, kafkaLogCreator, type TKafkaLogger } from "@/server/ingest/kafka-log";

export type TOpsMessage = { topic: string; key: string; value: string };

export type TOpsProducer = {
  /** Resolves once every message is acknowledged by all in-sync replicas; throws if any is not. */
  send(messages: readonly TOpsMessage[]): Promise<void>;
  disconnect(): Promise<void>;
};

/**
 * kafkajs's plain producer (idempotent and transactional ones need a real broker: the test mock refuses
 * them). One request in flight, so a retried batch can never overtake the next one and reorder a key.
 * Retries here are few and short: the relay's own backoff handles longer outages.
 */
export function createOpsProducer(options: { brokers: string[]; clientId: string; logger?: TKafkaLogger }): TOpsProducer {
  const kafka = new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(options.logger ?? consoleKafkaLogger),
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 },
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1 });
  let connecting: Promise<void> | undefined;

  return {
    async send(messages) {
      if (messages.length === 0) return;
      connecting ??= producer.connect().catch((error: unknown) => {
        connecting = undefined; // the next batch tries again
        throw error;
      });
      await connecting;
      await producer.sendBatch({ topicMessages: groupByTopic(messages), acks: -1 });
    },
    async disconnect() {
      connecting = undefined; // a new leader term connects again
      await producer.disconnect();
    },
  };
}
