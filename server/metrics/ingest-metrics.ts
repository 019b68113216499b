import { Counter, Gauge, type Registry } from "prom-client";
import type { TCityRuntime } from "@/server/city-runtime";

/** Read from the pipeline's own counters, the source's partition status and the dead-letter buffer at each scrape. */
export function registerIngestMetrics(registry: Registry, city: Pick<TCityRuntime, "stats" | "source" | "deadLetters">): void {
  new Counter({
    name: "citynerve_events_total",
    help: "Messages through the ingest pipeline by topic: accepted into city state, or dead-lettered.",
    labelNames: ["topic", "outcome"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [topic, counts] of city.stats.outcomesByTopic()) {
        this.inc({ topic, outcome: "accepted" }, counts.accepted);
        this.inc({ topic, outcome: "dead_lettered" }, counts.dead_lettered);
      }
    },
  });

  const partitions = () => city.source.status?.().partitions ?? [];
  new Gauge({
    name: "citynerve_kafka_consumer_lag",
    help: "Messages waiting on each Kafka partition this instance consumes, behind the high watermark.",
    labelNames: ["topic", "partition"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const p of partitions()) if (p.lag !== null) this.set({ topic: p.topic, partition: String(p.partition) }, p.lag);
    },
  });
  new Gauge({
    name: "citynerve_kafka_oldest_waiting_seconds",
    help: "Age of the oldest message not yet processed on each partition this instance consumes.",
    labelNames: ["topic", "partition"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const p of partitions()) {
        this.set({ topic: p.topic, partition: String(p.partition) }, (p.oldestWaitingMs ?? 0) / 1000);
      }
    },
  });

  new Gauge({
    name: "citynerve_dead_letters_waiting",
    help: "Dead letters waiting for PostgreSQL (it is down or slow).",
    registers: [registry],
    collect() {
      this.set(city.deadLetters.stats().waiting);
    },
  });
  new Counter({
    name: "citynerve_dead_letters_total",
    help: "Dead letters by what became of them: stored, stored in minimal form, dropped at the buffer's bound, refused.",
    labelNames: ["outcome"] as const,
    registers: [registry],
    collect() {
      const stats = city.deadLetters.stats();
      this.reset();
      this.inc({ outcome: "stored" }, stats.stored - stats.storedMinimal);
      this.inc({ outcome: "stored_minimal" }, stats.storedMinimal);
      this.inc({ outcome: "dropped_at_bound" }, stats.droppedAtBound);
      this.inc({ outcome: "unstorable" }, stats.unstorable);
    },
  });
}
