import { Kafka, Partitioners, logLevel, type ConsumerConfig, type Message } from "kafkajs";
import { handleBatch } from "./kafka-batch";
import { createLagTracker } from "./kafka-lag";
import { consoleKafkaLogger, kafkaLogCreator, type TKafkaLogger } from "./kafka-log";
import type { TEventSource, TIngestSink } from "./types";

/** How often lag is re-read from the brokers, so it stays right while no batches arrive. */
const LAG_REFRESH_MS = 2000;

export type TKafkaSourceOptions = {
  brokers: string[];
  clientId: string;
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  /** Where a group without committed offsets starts: the oldest message, or only new ones (default). */
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  consumerConfig?: Partial<Omit<ConsumerConfig, "groupId">>;
  lagRefreshMs?: number;
  logger?: TKafkaLogger;
};

/**
 * Consumes the city topics as one consumer-group member and feeds the ingest sink.
 * At-least-once: offsets are committed only after the sink (and the dead-letter
 * topic, for rejects) took the messages; see handleBatch.
 */
export function createKafkaSource(options: TKafkaSourceOptions): TEventSource {
  const logger = options.logger ?? consoleKafkaLogger;
  const fromBeginning = options.fromBeginning ?? false;
  const kafka = new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
  });
  const consumer = kafka.consumer({
    groupId: options.groupId,
    // The fetch long-poll: short keeps latency low where a broker answers only at the deadline
    // (librdkafka's mock does) and makes stop() quick; kafkajs' default is 5 s.
    maxWaitTimeInMs: 100,
    ...options.consumerConfig,
  });
  // Not idempotent: at-least-once is enough for dead letters, and librdkafka's mock rejects idempotence.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const admin = kafka.admin();
  const lag = createLagTracker({ admin, groupId: options.groupId, topics: options.topics, fromBeginning });

  let lagTimer: ReturnType<typeof setInterval> | undefined;
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  async function produceDeadLetters(messages: Message[]): Promise<void> {
    await producer.send({ topic: options.deadLetterTopic, messages });
  }

  let isRefreshing = false;
  async function refreshLag(): Promise<void> {
    if (isRefreshing || stopping) return;
    isRefreshing = true;
    try {
      await lag.refresh();
    } catch (error) {
      logger.warn("kafka source: could not refresh consumer lag", { error: (error as Error).message });
    } finally {
      isRefreshing = false;
    }
  }

  async function run(sink: TIngestSink): Promise<void> {
    await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topics: options.topics, fromBeginning });
    if (stopping) return; // stop() arrived while connecting

    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => lag.assign(payload.memberAssignment));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts itself after retriable failures; anything else leaves us without a consumer.
      if (!payload.restart) logger.error("kafka source: consumer stopped for good", { error: payload.error.message });
    });

    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Partitions are independent (ordering matters within one): overlapping their commit
      // round trips keeps produce→browser latency low when many partitions have data.
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) =>
        handleBatch(payload, { sink, produceDeadLetters, onLag: lag.set }).catch((error: Error) => {
          // Nothing was committed past the failure: kafkajs re-fetches and retries with backoff,
          // then restarts the consumer (logging that itself). KafkaJS errors (rebalances) are routine.
          if (!error.name.startsWith("KafkaJS")) {
            logger.error("kafka source: batch failed, will be retried", {
              topic: payload.batch.topic,
              partition: payload.batch.partition,
              firstOffset: payload.batch.firstOffset(),
              error: error.message,
            });
          }
          throw error;
        }),
    });

    if (stopping) return;
    lagTimer = setInterval(() => void refreshLag(), options.lagRefreshMs ?? LAG_REFRESH_MS);
    lagTimer.unref();
  }

  return {
    kind: "kafka",

    async inject(messages) {
      if (!starting || stopping) throw new Error("kafka source is not running");
      await starting; // the producer connects there
      const topics = new Set(messages.map((m) => m.topic));
      for (const topic of topics) {
        const group = messages.filter((m) => m.topic === topic).map((m) => ({ key: m.key, value: m.value }));
        await producer.send({ topic, messages: group });
      }
    },

    start(sink) {
      if (starting || stopping) return Promise.reject(new Error("kafka source already started or stopped"));
      starting = run(sink);
      return starting;
    },

    stop() {
      stopping ??= (async () => {
        // Let a start in progress settle first (it bails out once it sees `stopping`): a group
        // join racing the disconnect could make kafkajs restart the consumer afterwards.
        await starting?.catch(() => {});
        clearInterval(lagTimer);
        // Consumer first: it waits for the batch in flight, which may still produce dead letters.
        for (const client of [consumer, producer, admin]) {
          await client.disconnect().catch((error: Error) => {
            logger.warn("kafka source: disconnect failed", { error: error.message });
          });
        }
      })();
      return stopping;
    },

    consumerLag: () => lag.total(),
  };
}
