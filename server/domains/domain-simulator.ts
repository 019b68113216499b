import type { TDomainDefinition, TDomainEvent, TDomainField } from "@/lib/contracts/domain-definition";
import { createRandom, type TRandom } from "@/lib/seeded-random";
import { localHour } from "@/server/ingest/simulator/daily-profile";
import type { TDeclaredDomain, TDomainRegistry } from "./domain-registry";

type TSimulatedMessage = { topic: string; key: string; value: string };

/** At most this many readings per domain per step: after a pause the simulator skips ahead rather than flood the pipeline. */
const MAX_READINGS_PER_STEP = 5_000;

type TDomainRun = {
  domain: TDeclaredDomain;
  /** Readings sent so far; reading n goes to sensor n mod count, spread evenly over each interval. */
  sent: number;
  startMs: number;
  /** Until when each sensor is on an excursion (0 = not). */
  excursionUntilMs: Float64Array;
};

/**
 * Plausible readings for the declared domains from their definitions' simulator hints: a baseline with a
 * day curve and noise per number field, weighted picks for enums, and now and then an excursion (the
 * definition's values held for a while) so the rules have something to find. Its own seeded random, so the
 * built-in simulator's stream is the same with or without declared domains.
 */
export class DomainSimulator {
  private readonly random: TRandom;
  private readonly runs: TDomainRun[];
  private sequence = 0;

  constructor(
    registry: TDomainRegistry,
    private readonly options: { seed: number; timeZone?: string; startMs: number },
  ) {
    this.random = createRandom(options.seed ^ 0x5eed);
    this.runs = registry.domains
      .filter((d) => d.entities.length > 0)
      .map((domain) => ({ domain, sent: 0, startMs: options.startMs, excursionUntilMs: new Float64Array(domain.entities.length) }));
  }

  step(nowMs: number): TSimulatedMessage[] {
    const hour = localHour(nowMs, this.options.timeZone ?? "America/Detroit");
    const messages: TSimulatedMessage[] = [];
    for (const run of this.runs) {
      const { definition, entities } = run.domain;
      const due = Math.floor(((nowMs - run.startMs) / (definition.simulator.intervalSeconds * 1000)) * entities.length);
      if (due - run.sent > MAX_READINGS_PER_STEP) run.sent = due - MAX_READINGS_PER_STEP;
      for (; run.sent < due; run.sent++) {
        const index = run.sent % entities.length;
        const event = this.reading(run, index, nowMs, hour);
        messages.push({ topic: definition.kafkaTopic, key: event.entityId, value: JSON.stringify(event) });
      }
    }
    return messages;
  }

  private reading(run: TDomainRun, index: number, nowMs: number, hour: number): TDomainEvent {
    const { definition, entities } = run.domain;
    const { excursion, fields: hints } = definition.simulator;
    if (run.excursionUntilMs[index] < nowMs && this.random.chance(excursion.rate))
      run.excursionUntilMs[index] = nowMs + excursion.durationSeconds * 1000;
    const onExcursion = run.excursionUntilMs[index] >= nowMs;
    const event: TDomainEvent = {
      id: `${definition.id}-${++this.sequence}`,
      entityId: entities[index]!.id,
      observedAt: new Date(nowMs).toISOString(),
      type: definition.eventType,
    };
    for (const field of definition.fields) {
      const hint = hints[field.name];
      if (!hint) continue;
      const forced = onExcursion ? excursion.values[field.name] : undefined;
      event[field.name] = forced !== undefined ? this.jitter(field, forced) : this.normal(field, hint, hour);
    }
    return event;
  }

  private normal(field: TDomainField, hint: TDomainDefinition["simulator"]["fields"][string], hour: number): string | number | boolean {
    if ("weights" in hint) {
      const entries = Object.entries(hint.weights);
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let pick = this.random.next() * total;
      const value = entries.find(([, w]) => (pick -= w) < 0)?.[0] ?? entries[0]![0];
      return field.kind === "boolean" ? value === "true" : value;
    }
    const day = hint.diurnalAmplitude * Math.cos(((hour - hint.peakHour) / 24) * 2 * Math.PI);
    // Sum of three uniforms: a cheap bell shape, spread about ±noise.
    const noise = (this.random.next() + this.random.next() + this.random.next() - 1.5) * hint.noise;
    return this.clamp(field, hint.baseline + day + noise);
  }

  /** An excursion's number moves a little around its value, so it looks like a reading rather than a constant. */
  private jitter(field: TDomainField, value: string | number | boolean): string | number | boolean {
    if (typeof value !== "number" || field.kind !== "number") return value;
    return this.clamp(field, value * (1 + (this.random.next() - 0.5) * 0.04));
  }

  private clamp(field: TDomainField, value: number): number {
    if (field.kind !== "number") return value;
    const bounded = Math.min(field.max, Math.max(field.min, value));
    return field.integer ? Math.round(bounded) : Math.round(bounded * 100) / 100;
  }
}
