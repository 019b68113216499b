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

export type TKafkaMockTopic = { name: string; partitions: number };
export type TKafkaMock = { brokers: string[]; stop(): Promise<void> };

export async function startKafkaMock(options: { topics: TKafkaMockTopic[]; brokers?: number }): Promise<TKafkaMock> {
  ensureBinary();
  const args = ["--brokers", String(options.brokers ?? 1)];
  for (const topic of options.topics) args.push("--topic", `${topic.name}:${topic.partitions}`);

  const child = spawn(BINARY, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

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
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = /^BOOTSTRAP=(.+)$/m.exec(stdout);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(match[1].trim().split(","));
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    brokers,
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

export type TCollectedMessage = KafkaMessage & { topic: string; partition: number };

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
