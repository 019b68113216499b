import { isBuiltinRule, type TAlertRule, type TAlertSignal, type TDeclaredRule } from "@/lib/contracts/rules";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TDomainEvent } from "@/lib/contracts/domain-definition";
import type { TLonLat } from "@/lib/geo";
import { createPositionLookup, type TPositionOf } from "@/server/rule-engine/entity-positions";
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
import { cityBounds } from "@/server/city/zones";
import type { TLeaderFence } from "@/server/cluster/leader-fence";
import type { TLeaderPart } from "@/server/cluster/run-while-leader";
import { LAYERS, isBuiltinLayer } from "@/lib/contracts/layers";
import { createDomainRuleEngine, type TDomainRuleEngine } from "@/server/domains/domain-rule-engine";
import type { TDomainRegistry } from "@/server/domains/domain-registry";

const ENGINE_TICK_MS = 1_000;
const ESCALATION_CHECK_MS = 5_000;
/** With several instances a rule may be changed through another one: the leader reads the rules this often. */
const RULES_REFRESH_MS = 5_000;

type TAlertRuntimeDeps = {
  prisma: PrismaClient;
  cityState: CityState;
  entities: TCityEntities;
  publish: TPublisher;
  /** An unacknowledged critical alert older than this is escalated (ALERT_ESCALATION_SECONDS). */
  escalationSeconds: number;
  /** Engine tick and escalation timers; tests drive them by hand with `false`. */
  timers?: boolean;
  /** Whether this instance starts as the one that evaluates, stores and escalates (default yes: one process). */
  leading?: boolean;
  /** With several instances: refuses writes once the lease is lost, and lets a new leader wait for them. */
  fence?: TLeaderFence;
  /** The zone an alert is placed in (server/zones/zone-directory.ts), by the entity's position. */
  zoneOf: (position: TLonLat) => string;
  /** Declared domains: their rule templates raise alerts beside the built-in rules. */
  domains?: TDomainRegistry;
};

export type TAlertRuntime = {
  /** The engine of the current leadership (a new one each time this instance becomes the leader). */
  readonly engine: TRuleEngine;
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
  /**
   * With several instances only the leader evaluates, stores and escalates, so each alert is written
   * once. `start` begins with a fresh engine that reads the open alerts back and then evaluates the
   * latest event of every entity, so conditions that held across the takeover continue their stored
   * alerts; `stop` stops evaluating and writes what was already signalled.
   */
  leaderWork: TLeaderPart;
  stop(): Promise<void>;
};

/**
 * The rules engine on the live city: every state change goes through engine.evaluate (pure, synchronous,
 * cheap), and the signals it returns go to a queue that writes them to PostgreSQL in batches, off the
 * ingest path (nothing here awaits the database inside a city-state listener). Changed alerts are pushed
 * after their transaction commits, then correlation groups are brought up to date.
 */
export async function startAlertRuntime(deps: TAlertRuntimeDeps): Promise<TAlertRuntime> {
  const catalog = deps.domains?.rules;
  let rules: TAlertRule[] = await loadRules(deps.prisma, catalog);
  const builtinRules = () => rules.filter(isBuiltinRule);
  const declaredRules = () => rules.filter((rule): rule is TDeclaredRule => !isBuiltinRule(rule));
  const builtinPositionOf = createPositionLookup(deps.entities);
  const positionOf: TPositionOf = (domain, entityId) =>
    isBuiltinLayer(domain) ? builtinPositionOf(domain, entityId) : deps.domains?.positionOf(domain, entityId);
  const bounds = cityBounds(deps.entities);
  const centre: TLonLat = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];
  const zoneOf = deps.zoneOf;
  const locate: TLocate = (domain, entityId) => {
    const [lon, lat] = positionOf(domain, entityId) ?? centre;
    return { lon, lat, zone: zoneOf([lon, lat]) };
  };
  const ruleName = (ruleId: string) => rules.find((r) => r.id === ruleId)?.name ?? catalog?.defaultOf(ruleId)?.name ?? ruleId;
  let raised = 0;
  const onRaised = (count: number) => (raised += count);

  const queue = createSignalQueue({
    write: async (batch) => {
      const changed = await persistSignals({ prisma: deps.prisma, ruleName, locate, guard: deps.fence?.guard, onRaised }, batch);
      const membershipChanged = batch.some((s) => s.kind !== "update");
      const regrouped = membershipChanged ? await updateCorrelations(deps.prisma, positionOf) : [];
      const latest = new Map([...changed, ...regrouped].map((a) => [a.id, a]));
      for (const alert of latest.values()) deps.publish.alert(alert);
    },
  });
  const push = (signals: TAlertSignal[]) => queue.push(signals);

  /** One leadership's engine; once it has ended, nothing it still computes is written. */
  const newLeadership = () => {
    const engine = createRuleEngine({ rules: builtinRules(), entities: deps.entities });
    // Declared domains' rules: their definitions' templates as tuned on /rules.
    const domainEngine: TDomainRuleEngine | undefined = deps.domains && createDomainRuleEngine(deps.domains, declaredRules());
    let active = true;
    const pushOwn = (signals: TAlertSignal[]) => {
      if (active) push(signals);
    };
    const recovery = createEpisodeRecovery({
      engine,
      load: async () => {
        await deps.fence?.drain();
        // The built-in engine would retire a declared domain's alert as "rule gone": it is not one of its rules.
        return (await loadOngoingEpisodes(deps.prisma)).filter((row) => isBuiltinLayer(row.domain));
      },
      push: pushOwn,
      evaluate(event) {
        try {
          pushOwn(engine.evaluate(event));
        } catch (error) {
          // A rule bug must never stop ingestion.
          console.error("[alerts] rule evaluation failed:", error);
        }
      },
    });
    // Declared domains' events wait while their open alerts are read back, so a reading carries its alert on.
    let heldDeclared: [string, TDomainEvent][] | null = [];
    const evaluateNow = (domain: string, event: TDomainEvent) => {
      try {
        if (domainEngine) pushOwn(domainEngine.evaluate(domain, event));
      } catch (error) {
        console.error("[alerts] declared rule evaluation failed:", error);
      }
    };
    const evaluateDeclared = (domain: string, event: TDomainEvent) => {
      if (heldDeclared) heldDeclared.push([domain, event]);
      else evaluateNow(domain, event);
    };
    const tickDeclared = (nowMs: number) => (domainEngine ? pushOwn(domainEngine.tick(nowMs)) : undefined);
    const restoreDeclared = async () => {
      try {
        if (domainEngine) {
          const rows = (await loadOngoingEpisodes(deps.prisma)).filter((row) => !isBuiltinLayer(row.domain));
          pushOwn(domainEngine.restoreEpisodes(rows, Date.now()));
        }
      } finally {
        const held = heldDeclared ?? [];
        heldDeclared = null;
        for (const [domain, event] of held) evaluateNow(domain, event);
      }
    };
    return { engine, domainEngine, recovery, evaluateDeclared, tickDeclared, restoreDeclared, end: () => (active = false) };
  };

  let leadership = newLeadership();
  let unsubscribe: (() => void) | undefined;
  let escalating: Promise<void> | undefined;
  let tickTimer: NodeJS.Timeout | undefined;
  let escalationTimer: NodeJS.Timeout | undefined;
  let rulesTimer: NodeJS.Timeout | undefined;

  const runtime: TAlertRuntime = {
    get engine() {
      return leadership.engine;
    },
    zoneOf,
    async reloadRules() {
      rules = await loadRules(deps.prisma, catalog);
      const signals = [...leadership.engine.setRules(builtinRules()), ...(leadership.domainEngine?.setRules(declaredRules()) ?? [])];
      if (unsubscribe) push(signals);
    },
    recoverEpisodes: () => (unsubscribe ? leadership.recovery.recover() : Promise.resolve()),
    tick(nowMs = Date.now()) {
      // Held-back events are older than now: ticking past them would call their sensors silent.
      if (!unsubscribe || leadership.recovery.isRecovering()) return;
      push(leadership.engine.tick(nowMs));
      leadership.tickDeclared(nowMs);
    },
    async escalate(now = new Date()) {
      const escalated = await escalateAlerts(deps.prisma, { now, escalationSeconds: deps.escalationSeconds });
      for (const alert of escalated) deps.publish.alert(alert);
    },
    raisedCount: () => raised,
    flush: () => queue.flush(),
    leaderWork: {
      name: "alerts",
      async start() {
        if (unsubscribe) return;
        // Nothing of an earlier leadership is trusted: another leader may have changed the alerts since.
        leadership = newLeadership();
        const { recovery } = leadership;
        const unsubscribeBuiltin = deps.cityState.onChange((_layer, event) => recovery.onEvent(event));
        const unsubscribeDeclared = deps.cityState.onDeclaredChange(leadership.evaluateDeclared);
        unsubscribe = () => {
          unsubscribeBuiltin();
          unsubscribeDeclared();
        };
        // Events are held from here until the open alerts are read; the city as it stands now goes in
        // after them, oldest first (at start-up the city is still empty).
        const recovering = Promise.all([recovery.recover(), leadership.restoreDeclared()]);
        const latest = Object.values(deps.cityState.snapshot(LAYERS))
          .flat()
          .map((event) => ({ event, atMs: Date.parse(event.observedAt) }));
        for (const { event } of latest.sort((a, b) => a.atMs - b.atMs)) recovery.onEvent(event);
        try {
          await recovering;
        } catch (error) {
          // Evaluating without the stored alerts would raise them a second time.
          await runtime.leaderWork.stop();
          throw error;
        }
        if (deps.timers === false) return;
        tickTimer = setInterval(() => runtime.tick(), ENGINE_TICK_MS);
        escalationTimer = setInterval(() => {
          escalating ??= runtime
            .escalate()
            .catch((error: unknown) => console.error("[alerts] escalation check failed:", error))
            .finally(() => (escalating = undefined));
        }, ESCALATION_CHECK_MS);
        if (deps.fence)
          rulesTimer = setInterval(
            () => void runtime.reloadRules().catch((error: unknown) => console.error("[alerts] reading the rules failed:", error)),
            RULES_REFRESH_MS,
          );
      },
      async stop() {
        leadership.end();
        unsubscribe?.();
        unsubscribe = undefined;
        clearInterval(tickTimer);
        clearInterval(escalationTimer);
        clearInterval(rulesTimer);
        await escalating;
        // Once the lease is lost the fence refuses these writes; the new leader evaluates afresh.
        const isHeld = deps.fence ? await deps.fence.isHeld().catch(() => false) : true;
        if (!isHeld) return void queue.discard();
        await queue.flush().catch((error: unknown) => console.error("[alerts] unwritten alert signals on stepping down:", error));
      },
    },
    async stop() {
      await runtime.leaderWork.stop();
      await queue.stop();
    },
  };

  // Before the first event: a condition that held across the restart continues its stored alert.
  if (deps.leading !== false) await runtime.leaderWork.start();
  return runtime;
}
