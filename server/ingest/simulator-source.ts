import type { TCityEntities } from "@/lib/contracts/city-pack";
import { CitySimulator, type TSimulatorOptions } from "./simulator/city-simulator";
import { DomainSimulator } from "@/server/domains/domain-simulator";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import { toReplayedRawMessage } from "./replayed-message";
import type { TEventSource, TIngestSink, TRawMessage } from "./types";

const TICK_MS = 100;

/**
 * The embedded event source used when no Kafka is configured: the city simulator
 * on the wall clock, feeding the same ingest pipeline as the Kafka consumer.
 * Its `units` lets dispatch drive the simulated units.
 */
export function createSimulatorSource(
  entities: TCityEntities,
  options: TSimulatorOptions & { domains?: TDomainRegistry },
  log: (message: string, error?: unknown) => void = console.error,
): TEventSource {
  const simulator = new CitySimulator(entities, options, log);
  const domainSimulator =
    options.domains && new DomainSimulator(options.domains, { seed: options.seed, timeZone: options.timeZone, startMs: Date.now() });
  let timer: NodeJS.Timeout | undefined;
  let offset = 0n;
  let busy = false;
  let sink: TIngestSink | undefined;
  const createdAt = new Date().toISOString();

  return {
    kind: "simulator",
    async start(started: TIngestSink) {
      sink = started;
      let lastMs = Date.now();
      const tick = async () => {
        if (busy) return; // the pipeline is behind: skip a tick rather than queue work
        busy = true;
        const now = Date.now();
        const produced = simulator.step(now, now - lastMs);
        if (domainSimulator) produced.push(...domainSimulator.step(now));
        const messages: TRawMessage[] = produced.map((m) => ({
          topic: m.topic,
          partition: 0,
          offset: String(offset++),
          key: m.key,
          value: m.value,
        }));
        lastMs = now;
        try {
          await started.ingestBatch(messages);
        } catch (error) {
          log("simulator batch failed", error);
        } finally {
          busy = false;
        }
      };
      timer = setInterval(() => void tick(), TICK_MS);
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
    },
    consumerLag: () => null,
    // In-process: nothing to reach, nothing to restart, never behind.
    status: () => ({
      state: "connected",
      since: createdAt,
      restarts: 0,
      offsetResets: 0,
      lastOffsetReset: null,
      lastError: null,
      partitions: [],
    }),
    readiness: () => (timer ? { ok: true } : { ok: false, detail: "simulator not running" }),
    units: simulator.units,
    async inject(messages) {
      if (!sink) throw new Error("simulator source is not running");
      await sink.ingestBatch(messages.map((m) => ({ ...m, partition: 0, offset: String(offset++) })));
    },
    // No broker to send them back to: through the same validation, in-process.
    async replay(messages) {
      if (!sink) throw new Error("simulator source is not running");
      await sink.ingestBatch(messages.map((m) => toReplayedRawMessage(m, String(offset++))));
    },
  };
}
