import type { TCityEntities } from "@/lib/contracts/city-pack";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { INSTANCE_ID } from "@/server/cluster/instance-id";
import type { TServerEnv } from "@/server/env";
import { createKafkaSource } from "./kafka-source";
import { mqttConnectionFrom } from "./mqtt-connection";
import { createMqttSource } from "./mqtt-source";
import { createSimulatorSource } from "./simulator-source";
import type { TEventSource } from "./types";
import type { TDomainRegistry } from "@/server/domains/domain-registry";

/**
 * KAFKA_BROKERS set → consume the city topics (MQTT_URL then adds the bridge MQTT → Kafka, see create-app.ts);
 * otherwise MQTT_URL set → subscribe to the sensors' MQTT topics; otherwise run the city simulator in-process.
 * Every instance holds the whole city: it reads every partition in a consumer group of its own and
 * replays the last KAFKA_BOOTSTRAP_REPLAY_SECONDS on start (see kafka-bootstrap.ts).
 */
export function createEventSource(
  env: TServerEnv,
  entities: TCityEntities,
  cluster: { writesDeadLetterTopic?: () => boolean } = {},
  domains?: TDomainRegistry,
): TEventSource {
  if (env.KAFKA_BROKERS) {
    return createKafkaSource({
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID,
      groupId: `${env.KAFKA_GROUP_ID}.${INSTANCE_ID}`,
      bootstrapReplaySeconds: env.KAFKA_BOOTSTRAP_REPLAY_SECONDS,
      topics: [...Object.values(TOPIC_BY_LAYER), ...(domains?.topics ?? [])],
      deadLetterTopic: DEAD_LETTER_TOPIC,
      writesDeadLetterTopic: cluster.writesDeadLetterTopic,
      fromBeginning: env.KAFKA_OFFSET_RESET === "earliest",
    });
  }
  const mqtt = mqttConnectionFrom(env, domains);
  if (mqtt) return createMqttSource(mqtt);
  return createSimulatorSource(entities, {
    seed: env.SIM_SEED,
    ratePerSecond: env.SIM_RATE,
    malformedRatio: env.SIM_MALFORMED_RATIO,
    timeZone: env.CITY_TIME_ZONE,
    domains,
  });
}
