import { Kafka, Partitioners, logLevel, type ConsumerConfig, type Message, type RetryOptions } from "kafkajs";
import { handleBatch } from "./kafka-batch";
import { toReplayedKafkaMessage } from "./replayed-message";
import { createBootstrapProgress, planBootstrap, type TBootstrapProgress } from "./kafka-bootstrap";
import { createLagTracker } from "./kafka-lag";
import { consoleKafkaLogger, kafkaLogCreator, type TKafkaLogEntry, type TKafkaLogger } from "./kafka-log";
import { superviseConsumer, type TBackoff, type TSupervisedRun } from "./kafka-supervisor";
import { createSourceStatusTracker, type TSourceStatusOptions } from "./source-status";
import type { TEventSource, TIngestSink } from "./types";

/** How often lag is re-read from the brokers, so it stays right while no batches arrive. */
const LAG_REFRESH_MS = 2000;
/** Readiness: caught up while no message has waited longer than this. */
const READY_MAX_WAITING_MS = 30_000;

export type TKafkaSourceOptions = {
  brokers: string[];
  clientId: string;
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  /**
   * Whether this instance writes rejects to the dead-letter topic (default: always). Every instance reads
   * the same messages, so with several only one should (the leader); PostgreSQL stores each once anyway.
   */
  writesDeadLetterTopic?: () => boolean;
  /**
   * Where consumption starts when the group has no committed offset, or its offset fell out of the broker's
   * retention: the oldest message, or only new ones (default). KAFKA_OFFSET_RESET earliest/latest.
   */
  fromBeginning?: boolean;
  /**
   * Every instance reads every partition in a group of its own, and on start replays this many seconds of
   * each (the city's state is the latest reading of each entity); readiness waits for the replay.
   * Absent: the group's committed offsets decide where reading starts (one group shared by instances).
   */
  bootstrapReplaySeconds?: number;
  partitionsConsumedConcurrently?: number;
  consumerConfig?: Partial<Omit<ConsumerConfig, "groupId">>;
  /** kafkajs' retries of connections and requests for all our clients (its defaults when absent). */
  retry?: RetryOptions;
  lagRefreshMs?: number;
  /** Backoff between consumer restarts (default 1 s doubling to 30 s); thresholds of the status. */
  supervision?: { restartBackoff?: TBackoff; readyMaxWaitingMs?: number } & Omit<TSourceStatusOptions, "now">;
  logger?: TKafkaLogger;
};

/**
 * Consumes the city topics as one consumer-group member and feeds the ingest sink (with a bootstrap
 * replay: the only member of this instance's own group, reading every partition).
 * At-least-once: offsets are committed only after the sink (and the dead-letter
 * topic, for rejects) took the messages; see handleBatch.
 * Supervised: a consumer that stops for good is replaced by a fresh one after a backoff (see
 * superviseConsumer); `status()` and `readiness()` say how it is doing.
 */
export function createKafkaSource(options: TKafkaSourceOptions): TEventSource {
  const logger = options.logger ?? consoleKafkaLogger;
  const fromBeginning = options.fromBeginning ?? false;
  const status = createSourceStatusTracker(options.supervision);
  const kafka = new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    retry: options.retry,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger, observeKafkaLog),
  });
  // Not idempotent: at-least-once is enough for dead letters, and librdkafka's mock rejects idempotence.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const admin = kafka.admin();
  // Any answer from a broker, to any of our clients, means it is reachable.
  producer.on(producer.events.REQUEST, () => status.brokerAnswered());
  admin.on(admin.events.REQUEST, () => status.brokerAnswered());
  let bootstrap: TBootstrapProgress | undefined;
  const lag = createLagTracker({
    admin,
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning,
    startOffset: (topic, partition) => bootstrap?.positions().find((p) => p.topic === topic && p.partition === partition)?.offset,
  });

  const assignedListeners = new Set<() => void>();
  let lagTimer: ReturnType<typeof setInterval> | undefined;
  let supervisor: ReturnType<typeof superviseConsumer> | undefined;
  let stopping: Promise<void> | undefined;
  const connected = new Set<"producer" | "admin">();

  /** Only kafkajs' log tells of refused connections and of offset resets. */
  function observeKafkaLog(entry: TKafkaLogEntry): void {
    if (entry.namespace === "Connection" && /^Connection (error|timeout)/.test(entry.message)) {
      status.brokerFailed(`${entry.message}${typeof entry.extra.broker === "string" ? ` (${entry.extra.broker})` : ""}`);
    } else if (entry.message.startsWith("Offset out of range, resetting")) {
      status.offsetReset(String(entry.extra.topic), Number(entry.extra.partition));
    }
  }

  async function produceDeadLetters(messages: Message[]): Promise<void> {
    if (options.writesDeadLetterTopic?.() === false) return;
    await producer.send({ topic: options.deadLetterTopic, messages });
  }

  let isRefreshing = false;
  async function refreshLag(): Promise<void> {
    if (isRefreshing || stopping || !connected.has("admin")) return;
    isRefreshing = true;
    try {
      await lag.refresh();
    } catch (error) {
      status.error(`could not read consumer lag: ${(error as Error).message}`);
      logger.warn("kafka source: could not refresh consumer lag", { error: (error as Error).message });
    } finally {
      isRefreshing = false;
    }
  }

  /** Kafkajs keeps producer and admin connected once they are; they only need a first success. */
  async function connectClients(): Promise<void> {
    await Promise.all(
      (["producer", "admin"] as const).map(async (name) => {
        if (connected.has(name)) return;
        await (name === "producer" ? producer : admin).connect();
        connected.add(name);
      }),
    );
  }

  /** Once per source: the offsets a fresh consumer of this instance starts from, and the ends readiness waits for. */
  async function planOnce(replaySeconds: number): Promise<void> {
    if (bootstrap) return;
    const plan = await planBootstrap(admin, { topics: options.topics, replaySeconds });
    if (!plan.isByTimestamp) logger.warn("kafka source: the broker cannot look offsets up by time; replaying every retained message");
    bootstrap = createBootstrapProgress(plan);
  }

  /** One fresh kafkajs consumer: joined, subscribed and running, or rejected. */
  async function startConsumer(sink: TIngestSink): Promise<TSupervisedRun> {
    await connectClients();
    if (options.bootstrapReplaySeconds !== undefined) await planOnce(options.bootstrapReplaySeconds);
    const consumer = kafka.consumer({
      groupId: options.groupId,
      // The fetch long-poll: short keeps latency low where a broker answers only at the deadline
      // (librdkafka's mock does) and makes stop() quick; kafkajs' default is 5 s.
      maxWaitTimeInMs: 100,
      ...options.consumerConfig,
      // Restarts are ours (a fresh consumer, our backoff, counted); kafkajs' own would restart only some crashes.
      retry: { ...options.consumerConfig?.retry, restartOnFailure: async () => false },
    });
    let onCrash!: (error: Error) => void;
    const crashed = new Promise<Error>((resolve) => (onCrash = resolve));
    consumer.on(consumer.events.CRASH, ({ payload }) => onCrash(payload.error));
    consumer.on(consumer.events.REQUEST, () => status.brokerAnswered());
    consumer.on(consumer.events.REQUEST_TIMEOUT, ({ payload }) => {
      status.brokerFailed(`${payload.apiName} request to ${payload.broker} timed out`);
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      // Before the first fetch (kafkajs applies seeks there): the replay's start, or how far this instance got.
      for (const position of bootstrap?.positions() ?? []) {
        if (payload.memberAssignment[position.topic]?.includes(position.partition)) consumer.seek(position);
      }
      lag.assign(payload.memberAssignment);
      status.assigned();
      void refreshLag();
      for (const listener of assignedListeners) listener();
    });

    try {
      await consumer.connect();
      await consumer.subscribe({ topics: options.topics, fromBeginning });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        // Partitions are independent (ordering matters within one): overlapping their commit
        // round trips keeps produce→browser latency low when many partitions have data.
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) =>
          handleBatch(payload, {
            sink,
            produceDeadLetters,
            onProgress: (topic, partition, progress) => {
              lag.progress(topic, partition, progress);
              bootstrap?.progress(topic, partition, progress.nextOffset);
              if (progress.processed > 0) status.processed();
            },
          }).catch((error: Error) => {
            // Nothing was committed past the failure: kafkajs re-fetches and retries with backoff;
            // past its retries the consumer crashes and the supervisor starts a fresh one.
            status.error(`batch of ${payload.batch.topic}/${payload.batch.partition} failed: ${error.message}`);
            // KafkaJS errors (rebalances, a failed commit) are routine and kafkajs logs them itself.
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
    } catch (error) {
      await consumer.disconnect().catch(() => {});
      throw error;
    }
    return { crashed, stop: () => consumer.disconnect() };
  }

  return {
    kind: "kafka",

    onPartitionsAssigned: (listener) => void assignedListeners.add(listener),

    async inject(messages) {
      if (!supervisor || stopping) throw new Error("kafka source is not running");
      await supervisor.started; // the producer connects there
      const topics = new Set(messages.map((m) => m.topic));
      for (const topic of topics) {
        const group = messages.filter((m) => m.topic === topic).map((m) => ({ key: m.key, value: m.value }));
        await producer.send({ topic, messages: group });
      }
    },

    async replay(messages) {
      if (!supervisor || stopping) throw new Error("kafka source is not running");
      await supervisor.started; // the producer connects there
      for (const topic of new Set(messages.map((m) => m.topic))) {
        await producer.send({ topic, messages: messages.filter((m) => m.topic === topic).map(toReplayedKafkaMessage) });
      }
    },

    start(sink) {
      if (supervisor || stopping) return Promise.reject(new Error("kafka source already started or stopped"));
      // Lag keeps being read while the consumer is down: that is when it matters most.
      lagTimer = setInterval(() => void refreshLag(), options.lagRefreshMs ?? LAG_REFRESH_MS);
      lagTimer.unref();
      supervisor = superviseConsumer({
        start: () => startConsumer(sink),
        backoff: options.supervision?.restartBackoff,
        wasStable: status.wasStable,
        onRestart: () => status.restarting(),
        onFailure: (error, retryInMs) => {
          status.crashed(error);
          logger.error("kafka source: consumer stopped, starting a fresh one", { error: error.message, retryInMs });
        },
      });
      return supervisor.started;
    },

    stop() {
      stopping ??= (async () => {
        clearInterval(lagTimer);
        // The consumer first (the supervisor stops it, after any start in progress settled): it waits
        // for the batch in flight, which may still produce dead letters.
        await supervisor?.stop();
        for (const client of [producer, admin]) {
          await client.disconnect().catch((error: Error) => {
            logger.warn("kafka source: disconnect failed", { error: error.message });
          });
        }
      })();
      return stopping;
    },

    consumerLag: () => lag.total(),

    status: () => status.read(lag.partitions()),

    readiness: () =>
      status.readiness(() => {
        if (options.bootstrapReplaySeconds !== undefined) {
          const replayed = bootstrap?.caughtUp() ?? { ok: false, detail: "bootstrap not planned yet" };
          if (!replayed.ok) return replayed;
        }
        return lag.caughtUp(options.supervision?.readyMaxWaitingMs ?? READY_MAX_WAITING_MS);
      }),
  };
}
