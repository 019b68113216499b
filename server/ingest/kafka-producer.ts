import { CompressionTypes, Kafka, Partitioners, logLevel, type TopicMessages } from "kafkajs";
import { LAYER_BY_EVENT_TYPE, type TCityEvent } from "@/lib/contracts/events";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { consoleKafkaLogger, kafkaLogCreator, type TKafkaLogger } from "./kafka-log";

type TCityProducerOptions = {
  brokers: string[];
  clientId: string;
  /** gzip each batch: fewer bytes on the wire, more CPU. */
  gzip?: boolean;
  logger?: TKafkaLogger;
};

/** A message ready for the wire: what the simulator emits (possibly deliberately malformed). */
type TOutgoingMessage = { topic: string; key: string; value: string };

type TCityProducer = {
  send(events: readonly TCityEvent[]): Promise<void>;
  sendMessages(messages: readonly TOutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
};

/** Publishes city events to their layer topics; used by the simulator CLI and the benchmark. */
export function createCityProducer(options: TCityProducerOptions): TCityProducer {
  const kafka = new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(options.logger ?? consoleKafkaLogger),
  });
  // Java-compatible murmur2 partitioning, so other clients agree on key → partition.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  let connecting: Promise<void> | undefined;

  const sendMessages = async (messages: readonly TOutgoingMessage[]) => {
    if (messages.length === 0) return;
    connecting ??= producer.connect();
    await connecting;
    await producer.sendBatch({
      topicMessages: groupByTopic(messages),
      compression: options.gzip ? CompressionTypes.GZIP : CompressionTypes.None,
    });
  };

  return {
    send: (events) => sendMessages(toOutgoingMessages(events)),
    sendMessages,
    async disconnect() {
      await producer.disconnect();
    },
  };
}

/** Each event on its layer's topic, keyed by entity so an entity's events stay ordered in one partition. */
export function toOutgoingMessages(events: readonly TCityEvent[]): TOutgoingMessage[] {
  return events.map((event) => ({
    topic: TOPIC_BY_LAYER[LAYER_BY_EVENT_TYPE[event.type]],
    key: event.entityId,
    value: JSON.stringify(event),
  }));
}

/** One kafkajs entry per topic, messages in their original order. */
export function groupByTopic(messages: readonly TOutgoingMessage[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const { topic, key, value } of messages) {
    let entry = byTopic.get(topic);
    if (!entry) byTopic.set(topic, (entry = { topic, messages: [] }));
    entry.messages.push({ key, value });
  }
  return [...byTopic.values()];
}
