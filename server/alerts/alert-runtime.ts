import type { TAlertSignal, TRuleDefinition } from "@/lib/contracts/rules";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TLonLat } from "@/lib/geo";
import { createPositionLookup } from "@/server/rule-engine/entity-positions";
import { createRuleEngine, type TRuleEngine } from "@/server/rule-engine/rule-engine";
import type { CityState } from "@/server/city/city-state";
import type { PrismaClient } from "@/server/db/generated/client";
import { loadRules } from "@/server/rule-engine/load-rules";
import { escalateAlerts } from "./escalate-alerts";
import { persistSignals, type TLocate } from "./persist-signals";
import type { TPublisher } from "@/server/realtime/publisher";
import { createEpisodeRecovery, loadOngoingEpisodes } from "./recover-episodes";
import { createSignalQueue } from "./signal-queue";
import { updateCorrelations } from "./update-correlations";
import { cityBounds, zoneName } from "@/server/city/zones";

const ENGINE_TICK_MS = 1_000;
const ESCALATION_CHECK_MS = 5_000;

type TAlertRuntimeDeps = {
  prisma: PrismaClient;
  cityState: CityState;
  entities: TCityEntities;
  publish: TPublisher;
  /** An unacknowledged critical alert older than this is escalated (ALERT_ESCALATION_SECONDS). */
  escalationSeconds: number;
  /** Engine tick and escalation timers; tests drive them by hand with `false`. */
  timers?: boolean;
};

export type TAlertRuntime = {
  engine: TRuleEngine;
  zoneOf: (position: TLonLat) => string;
  /** Reads the rules from PostgreSQL again and hands them to the running engine. */
  reloadRules(): Promise<void>;
  /**
   * Carries on the open alerts of entities this process has not evaluated yet (done once at start);
   * call it when the source is assigned partitions another process owned, so their ongoing conditions
   * keep their alerts. Events arriving meanwhile wait for it.
   */
  recoverEpisodes(): Promise<void>;
  /** Advances engine time (stale sensors, sustain timers of quiet entities); the timer calls it every second. */
  tick(nowMs?: number): void;
  escalate(now?: Date): Promise<void>;
  /** Alerts this instance has raised (stored as new) since it started. */
  raisedCount(): number;
  /** Waits until every signal so far is written and pushed. */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The rules engine on the live city: every state change goes through engine.evaluate (pure, synchronous,
 * cheap), and the signals it returns go to a queue that writes them to PostgreSQL in batches, off the
 * ingest path (nothing here awaits the database inside a city-state listener). Changed alerts are pushed
 * after their transaction commits, then correlation groups are brought up to date.
 */
export async function startAlertRuntime(deps: TAlertRuntimeDeps): Promise<TAlertRuntime> {
  let rules: TRuleDefinition[] = await loadRules(deps.prisma);
  const engine = createRuleEngine({ rules, entities: deps.entities });
  const positionOf = createPositionLookup(deps.entities);
  const bounds = cityBounds(deps.entities);
  const centre: TLonLat = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];
  const zoneOf = (position: TLonLat) => zoneName(bounds, position);
  const locate: TLocate = (domain, entityId) => {
    const [lon, lat] = positionOf(domain, entityId) ?? centre;
    return { lon, lat, zone: zoneOf([lon, lat]) };
  };
  const ruleName = (ruleId: string) => rules.find((r) => r.id === ruleId)?.name ?? ruleId;
  let raised = 0;
  const onRaised = (count: number) => (raised += count);

  const queue = createSignalQueue({
    write: async (batch) => {
      const changed = await persistSignals({ prisma: deps.prisma, ruleName, locate, onRaised }, batch);
      const membershipChanged = batch.some((s) => s.kind !== "update");
      const regrouped = membershipChanged ? await updateCorrelations(deps.prisma, positionOf) : [];
      const latest = new Map([...changed, ...regrouped].map((a) => [a.id, a]));
      for (const alert of latest.values()) deps.publish.alert(alert);
    },
  });
  const push = (signals: TAlertSignal[]) => queue.push(signals);

  const recovery = createEpisodeRecovery({
    engine,
    load: () => loadOngoingEpisodes(deps.prisma),
    push,
    evaluate(event) {
      try {
        push(engine.evaluate(event));
      } catch (error) {
        // A rule bug must never stop ingestion.
        console.error("[alerts] rule evaluation failed:", error);
      }
    },
  });
  // Before the first event: a condition that held across the restart continues its stored alert.
  await recovery.recover();
  const unsubscribe = deps.cityState.onChange((_layer, event) => recovery.onEvent(event));

  const runtime: TAlertRuntime = {
    engine,
    zoneOf,
    async reloadRules() {
      rules = await loadRules(deps.prisma);
      push(engine.setRules(rules));
    },
    recoverEpisodes: () => recovery.recover(),
    tick(nowMs = Date.now()) {
      // Held-back events are older than now: ticking past them would call their sensors silent.
      if (recovery.isRecovering()) return;
      push(engine.tick(nowMs));
    },
    async escalate(now = new Date()) {
      const escalated = await escalateAlerts(deps.prisma, { now, escalationSeconds: deps.escalationSeconds });
      for (const alert of escalated) deps.publish.alert(alert);
    },
    raisedCount: () => raised,
    flush: () => queue.flush(),
    async stop() {
      clearInterval(tickTimer);
      clearInterval(escalationTimer);
      unsubscribe();
      await escalating;
      await queue.stop();
    },
  };

  let escalating: Promise<void> | undefined;
  const tickTimer = deps.timers === false ? undefined : setInterval(() => runtime.tick(), ENGINE_TICK_MS);
  const escalationTimer =
    deps.timers === false
      ? undefined
      : setInterval(() => {
          escalating ??= runtime
            .escalate()
            .catch((error: unknown) => console.error("[alerts] escalation check failed:", error))
            .finally(() => (escalating = undefined));
        }, ESCALATION_CHECK_MS);
  return runtime;
}
