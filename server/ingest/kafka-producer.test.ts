import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCityEvent, TOffStreetParking, TTrafficFlowObserved } from "@/lib/contracts/events";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { collectTopics, createTestKafka, startKafkaMock, waitFor, type TKafkaMock } from "@/test/kafka-mock";
import { createCityProducer, groupByTopic, toOutgoingMessages } from "./kafka-producer";

// The producer writes to the fixed city topics, so this file gets a cluster of its own.
let mock: TKafkaMock;

beforeAll(async () => {
  mock = await startKafkaMock({
    topics: [
      { name: TOPIC_BY_LAYER.traffic, partitions: 4 },
      { name: TOPIC_BY_LAYER.parking, partitions: 3 },
    ],
  });
});

afterAll(async () => {
  await mock?.stop();
});

function traffic(entityId: string, n: number): TTrafficFlowObserved {
  return {
    id: `${entityId}#${n}`,
    entityId,
    type: "TrafficFlowObserved",
    observedAt: new Date(Date.UTC(2030, 0, 1, 0, 0, n)).toISOString(),
    intensity: 100 + n,
    averageVehicleSpeed: 40,
    occupancy: 0.2,
    congested: false,
  };
}

function parking(entityId: string, n: number): TOffStreetParking {
  return {
    id: `${entityId}#${n}`,
    entityId,
    type: "OffStreetParking",
    observedAt: new Date(Date.UTC(2030, 0, 1, 0, 0, n)).toISOString(),
    availableSpotNumber: n,
    totalSpotNumber: 50,
  };
}

/** Entities interleaved, as a simulator tick would emit them. */
function events(rounds: number, firstRound = 0): TCityEvent[] {
  return Array.from({ length: rounds }, (_, r) => [
    ...["road-1", "road-2", "road-3", "road-4", "road-5", "road-6"].map((id) => traffic(id, firstRound + r)),
    ...["lot-1", "lot-2", "lot-3"].map((id) => parking(id, firstRound + r)),
  ]).flat();
}

describe("groupByTopic(toOutgoingMessages(…))", () => {
  it("groups events by their layer's topic, keyed by entity id, as JSON", () => {
    const grouped = groupByTopic(toOutgoingMessages([traffic("road-1", 0), parking("lot-1", 0), traffic("road-2", 0)]));
    expect(grouped.map((g) => [g.topic, g.messages.map((m) => m.key)])).toEqual([
      ["city.traffic", ["road-1", "road-2"]],
      ["city.parking", ["lot-1"]],
    ]);
    expect(JSON.parse(String(grouped[1].messages[0].value))).toEqual(parking("lot-1", 0));
  });
});

describe("createCityProducer", () => {
  it("keeps each entity's events in one partition, in order (plain and gzip)", async () => {
    const kafka = createTestKafka(mock.brokers);
    const collector = await collectTopics(kafka, [TOPIC_BY_LAYER.traffic, TOPIC_BY_LAYER.parking]);
    const plain = createCityProducer({ brokers: mock.brokers, clientId: "producer-test" });
    const gzip = createCityProducer({ brokers: mock.brokers, clientId: "producer-test-gzip", gzip: true });
    try {
      const sent = [...events(3), ...events(3, 3)];
      await plain.send(events(3));
      await gzip.send(events(3, 3));
      await waitFor(() => collector.messages.length === sent.length, `${sent.length} messages on the city topics`);

      const partitionsByEntity = new Map<string, Set<number>>();
      const idsByEntity = new Map<string, string[]>();
      for (const record of collector.messages) {
        const event = JSON.parse(String(record.value)) as TCityEvent;
        expect(String(record.key)).toBe(event.entityId);
        expect(record.topic).toBe(event.type === "TrafficFlowObserved" ? TOPIC_BY_LAYER.traffic : TOPIC_BY_LAYER.parking);
        partitionsByEntity.set(event.entityId, (partitionsByEntity.get(event.entityId) ?? new Set()).add(record.partition));
        idsByEntity.set(event.entityId, [...(idsByEntity.get(event.entityId) ?? []), event.id]);
      }
      for (const [entityId, partitions] of partitionsByEntity) {
        expect(partitions.size, entityId).toBe(1);
        expect(idsByEntity.get(entityId)).toEqual(sent.filter((e) => e.entityId === entityId).map((e) => e.id));
      }
      // Keys spread over partitions rather than piling into one.
      const trafficPartitions = new Set(collector.messages.filter((m) => m.topic === TOPIC_BY_LAYER.traffic).map((m) => m.partition));
      expect(trafficPartitions.size).toBeGreaterThan(1);
    } finally {
      await Promise.all([plain.disconnect(), gzip.disconnect(), collector.stop()]);
    }
  });
});
