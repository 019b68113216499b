import { Kafka, Partitioners, logLevel, type Producer, type RetryOptions } from "kafkajs";
import type { TMqttStatus } from "@/lib/contracts/realtime";
import type { TLeaderPart } from "@/server/cluster/run-while-leader";
import { toDeadLetterMessage } from "./kafka-batch";
import { consoleKafkaLogger, kafkaLogCreator, type TKafkaLogger } from "./kafka-log";
import { brokerAddressOf, type TMqttConnection } from "./mqtt-connection";
import { createMqttSubscriber, type TMqttSubscriber, type TMqttSubscriberOptions } from "./mqtt-subscriber";
import type { TIngestPipeline } from "./pipeline";
import type { TRawMessage, TSourceReadiness } from "./types";

export type TMqttKafkaBridgeOptions = {
  connection: TMqttConnection;
  brokers: string[];
  clientId: string;
  deadLetterTopic: string;
  /** The pipeline's validation without applying (rejects are recorded and counted there); read when a message arrives. */
  screenBatch: () => TIngestPipeline["screenBatch"];
  /** kafkajs' retries of a produce before the message is left to the broker's redelivery (its defaults when absent). */
  retry?: RetryOptions;
  redeliveryBackoff?: TMqttSubscriberOptions["redeliveryBackoff"];
  logger?: TKafkaLogger;
};

export type TMqttKafkaBridge = {
  /** Runs on the leader alone: one MQTT session for the city, so each message is forwarded once (at least). */
  leaderWork: TLeaderPart;
  status(): TMqttStatus;
  /** Ready unless this instance bridges and the broker is out of reach. */
  readiness(): TSourceReadiness;
};

/**
 * MQTT → Kafka: each valid message goes, as it came, to its domain's Kafka topic keyed by its entity; a malformed one
 * to the dead-letter topic (and PostgreSQL) with its MQTT topic as source. The MQTT acknowledgement is sent only after
 * Kafka acknowledged the produce (all in-sync replicas): Kafka stays the backbone and the buffer, and a produce that
 * fails leaves the message with the broker, which delivers it again.
 */
export function createMqttKafkaBridge(options: TMqttKafkaBridgeOptions): TMqttKafkaBridge {
  const logger = options.logger ?? consoleKafkaLogger;
  const kafka = new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    retry: options.retry,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
  });
  let producer: Producer | undefined;
  let connecting: Promise<void> | undefined;
  let subscriber: TMqttSubscriber | undefined;
  let standbySince = new Date().toISOString();
  let counted = { acknowledged: 0, unacknowledged: 0 };

  /** Connected once; a failed connect is tried again with the next message (its redelivery). */
  function connectProducer(running: Producer): Promise<void> {
    connecting ??= running.connect().catch((error: Error) => {
      connecting = undefined;
      throw error;
    });
    return connecting;
  }

  async function forward(message: TRawMessage): Promise<void> {
    if (!producer) throw new Error("the MQTT bridge is not running");
    await connectProducer(producer);
    const { passed, rejected } = options.screenBatch()([message]);
    // Java-compatible partitioning on the entity id, as every producer of the city topics does.
    for (const { message: valid } of passed) {
      await producer.send({ topic: valid.topic, acks: -1, messages: [{ key: valid.key, value: forwardedValue(valid) }] });
    }
    if (rejected.length > 0) {
      const messages = rejected.map((letter) => ({ ...toDeadLetterMessage(letter, undefined), key: message.key, value: message.value }));
      await producer.send({ topic: options.deadLetterTopic, acks: -1, messages });
    }
  }

  return {
    leaderWork: {
      name: "mqttBridge",
      async start() {
        if (subscriber) return;
        producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
        // Connected before the first message, so a Kafka that is down shows at once; kafkajs reconnects on its own later.
        await connectProducer(producer).catch((error: Error) =>
          logger.warn("mqtt bridge: Kafka not reachable yet", { error: error.message }),
        );
        subscriber = createMqttSubscriber({
          connection: options.connection,
          role: "bridge",
          handle: forward,
          redeliveryBackoff: options.redeliveryBackoff,
          log: (message, error) => logger.error(`mqtt bridge: ${message}`, { error: (error as Error)?.message ?? String(error) }),
        });
        subscriber.start();
      },
      async stop() {
        const stopped = subscriber;
        subscriber = undefined;
        if (!stopped) return;
        await stopped.stop();
        const { acknowledged, unacknowledged } = stopped.status();
        counted = { acknowledged: counted.acknowledged + acknowledged, unacknowledged: counted.unacknowledged + unacknowledged };
        standbySince = new Date().toISOString();
        await producer?.disconnect().catch((error: Error) => logger.warn("mqtt bridge: Kafka disconnect failed", { error: error.message }));
        producer = undefined;
        connecting = undefined;
      },
    },

    status,
    readiness() {
      const { state, since } = status();
      return state === "unreachable" ? { ok: false, detail: `MQTT broker unreachable since ${since}` } : { ok: true };
    },
  };

  function status(): TMqttStatus {
    const current = subscriber?.status();
    if (!current) {
      return {
        role: "bridge",
        state: "standby",
        since: standbySince,
        broker: brokerAddressOf(options.connection.url),
        ...counted,
        lastError: null,
      };
    }
    return {
      ...current,
      acknowledged: counted.acknowledged + current.acknowledged,
      unacknowledged: counted.unacknowledged + current.unacknowledged,
    };
  }
}

/** As it came; a payload that left its entity to the MQTT topic gets it written in, for Kafka's readers. */
function forwardedValue(message: TRawMessage): Buffer | string | null {
  const { value, origin } = message;
  if (value === null || !origin) return value;
  const json: unknown = JSON.parse(typeof value === "string" ? value : value.toString("utf8"));
  if (typeof json !== "object" || json === null || "entityId" in json) return value;
  return JSON.stringify({ ...json, entityId: origin.entityId });
}
