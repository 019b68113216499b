import { spawn, spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Kafka, Partitioners, logLevel, type ConsumerConfig, type KafkaMessage, type Message } from "kafkajs";

/**
 * Test support: an in-memory Kafka cluster (librdkafka's mock cluster, real wire
 * protocol) started per test file. See tools/kafka-mock/kafka-mock.c.
 * Missing prerequisites FAIL with the install command; tests never skip silently.
 */

const TOOL_DIR = fileURLToPath(new URL("../tools/kafka-mock/", import.meta.url));
const BINARY = `${TOOL_DIR}kafka-mock`;
const SOURCES = [`${TOOL_DIR}kafka-mock.c`, `${TOOL_DIR}build.sh`];
const INSTALL_HINT = "install librdkafka-dev: apt-get install -y librdkafka-dev gcc";
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/** Consumer timings that keep group joins/rejoins short against the mock (see shared/FACTS.md). */
export const TEST_CONSUMER_CONFIG = {
  sessionTimeout: 6000,
  heartbeatInterval: 1000,
  // Idle fetches long-poll this long, and disconnect waits for the poll in flight.
  maxWaitTimeInMs: 500,
} satisfies Partial<ConsumerConfig>;

type TKafkaMockTopic = { name: string; partitions: number };
export type TKafkaMock = {
  brokers: string[];
  /** The broker (id 1..N) closes its connections and refuses new ones until `setBrokerUp`. */
  setBrokerDown(brokerId: number): Promise<void>;
  setBrokerUp(brokerId: number): Promise<void>;
  /** The next `errors.length` requests of this API (any broker) fail, one error code each, in order. */
  pushRequestErrors(apiKey: number, errors: number[]): Promise<void>;
  /** Delays every response of the broker by `ms` (0 restores). */
  setBrokerRtt(brokerId: number, ms: number): Promise<void>;
  stop(): Promise<void>;
};

/** Kafka protocol API keys, for `pushRequestErrors`. */
export const KAFKA_API = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  SyncGroup: 14,
} as const;

/** Kafka error codes, for `pushRequestErrors`; TRANSPORT makes the mock drop the connection instead of answering. */
export const KAFKA_ERROR = {
  TRANSPORT: -195,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  LEADER_NOT_AVAILABLE: 5,
  NOT_LEADER_FOR_PARTITION: 6,
  REQUEST_TIMED_OUT: 7,
  COORDINATOR_NOT_AVAILABLE: 15,
  NOT_COORDINATOR: 16,
  INVALID_REQUEST: 42,
} as const;

export async function startKafkaMock(options: { topics: TKafkaMockTopic[]; brokers?: number }): Promise<TKafkaMock> {
  ensureBinary();
  const args = ["--brokers", String(options.brokers ?? 1)];
  for (const topic of options.topics) args.push("--topic", `${topic.name}:${topic.partitions}`);

  const child = spawn(BINARY, args, { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.on("error", () => {}); // EPIPE once the mock has exited; `command` reports that itself
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  // After the BOOTSTRAP= line, stdout carries one answer line per control command, in order.
  const answers: ((line: string) => void)[] = [];
  let lines = "";
  let isStarted = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    if (!isStarted) return;
    lines += chunk;
    let newline: number;
    while ((newline = lines.indexOf("\n")) >= 0) {
      const line = lines.slice(0, newline);
      lines = lines.slice(newline + 1);
      answers.shift()?.(line);
    }
  });
  child.once("exit", () => {
    for (const answer of answers.splice(0)) answer("ERR kafka-mock exited");
  });

  const brokers = await new Promise<string[]>((resolve, reject) => {
    let stdout = "";
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`kafka-mock ${why}${stderr ? `:\n${stderr.trim()}` : ""}\n(if librdkafka is missing: ${INSTALL_HINT})`));
    };
    const timer = setTimeout(() => fail(`printed no BOOTSTRAP= line within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.on("error", (error) => fail(`could not start (${error.message})`));
    child.once("exit", (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    const onStartup = (chunk: string) => {
      stdout += chunk;
      const match = /^BOOTSTRAP=(.+)\n/m.exec(stdout);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout.off("data", onStartup);
      isStarted = true;
      lines = stdout.slice(match.index + match[0].length);
      resolve(match[1].trim().split(","));
    };
    child.stdout.on("data", onStartup);
  });

  async function command(line: string): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`kafka-mock: "${line}": the mock has exited`);
    const answer = new Promise<string>((resolve) => answers.push(resolve));
    child.stdin.write(`${line}\n`);
    const text = await answer;
    if (!text.startsWith("OK")) throw new Error(`kafka-mock: "${line}": ${text}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    brokers,
    setBrokerDown: (brokerId) => command(`down ${brokerId}`),
    setBrokerUp: (brokerId) => command(`up ${brokerId}`),
    pushRequestErrors: (apiKey, errors) => command(`errors ${apiKey} ${errors.length} ${errors.join(" ")}`),
    setBrokerRtt: (brokerId, ms) => command(`rtt ${brokerId} ${ms}`),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        const killTimer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(killTimer);
      })();
      return stopping;
    },
  };
}

/** A kafkajs client that stays quiet: expected rebalance chatter would drown test output. */
export function createTestKafka(brokers: string[], clientId = "citynerve-test"): Kafka {
  return new Kafka({ brokers, clientId, logLevel: logLevel.NOTHING, retry: { retries: 3, initialRetryTime: 100 } });
}

/** Unique names so tests sharing one cluster never see each other's topics or groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export { waitFor } from "./wait-for";

/** Produces with a short-lived producer (Java-compatible partitioner, so keys land where other clients expect). */
export async function produceTo(kafka: Kafka, topic: string, messages: Message[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

type TCollectedMessage = KafkaMessage & { topic: string; partition: number };

/** Reads topics from the beginning in the background, in a group of its own. */
export async function collectTopics(kafka: Kafka, topics: string[]) {
  const messages: TCollectedMessage[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName("collector"), ...TEST_CONSUMER_CONFIG });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ topic, partition, message }) => void messages.push({ ...message, topic, partition }) });
  return { messages, stop: () => consumer.disconnect() };
}

function ensureBinary(): void {
  const binaryTime = mtimeMs(BINARY);
  if (binaryTime !== null && SOURCES.every((source) => (mtimeMs(source) ?? 0) <= binaryTime)) return;

  const build = spawnSync("bash", [`${TOOL_DIR}build.sh`], { encoding: "utf8" });
  if (build.error || build.status !== 0) {
    const output = `${build.stdout ?? ""}${build.stderr ?? ""}`.trim() || (build.error?.message ?? "");
    const hint = output.includes("apt-get install") ? "" : `\nTo fix: ${INSTALL_HINT}`;
    throw new Error(`Cannot build the Kafka mock cluster (tools/kafka-mock/build.sh):\n${output}${hint}`);
  }
}

function mtimeMs(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}
