import { CITIZEN_ALERT_RULE_PREFIX } from "@/lib/contracts/citizen-services";
import type { TAlertSignal } from "@/lib/contracts/rules";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TRuleEngine } from "@/server/rule-engine/rule-engine";
import { ZStoredEpisode, type TStoredEpisode } from "@/server/rule-engine/stored-episode";
import type { PrismaClient } from "@/server/db/generated/client";
import { setImmediate as nextTurn } from "node:timers/promises";

/** Events held back while open alerts are read; past this, they are evaluated at once (those entities are then not restored). */
const RECOVERY_MAX_BUFFERED_EVENTS = 50_000;
/** Held events evaluated, and open alerts restored, per turn of the event loop (each some tens of milliseconds). */
const RELEASE_SLICE_EVENTS = 1_000;
const RESTORE_SLICE_ROWS = 1_000;

/**
 * Alerts whose condition has not cleared, whatever their status: an operator may resolve an alert while
 * its condition still holds, and that condition must not raise a second alert after a restart either
 * (it still clears once). Rules are not filtered here: the engine clears the alerts of rules that went away.
 */
export async function loadOngoingEpisodes(prisma: PrismaClient): Promise<TStoredEpisode[]> {
  const rows = await prisma.alert.findMany({
    // Citizens' reports are no rule's episodes: an engine that knew nothing of them would "retire" them as cleared.
    where: { conditionClearedAt: null, NOT: { ruleId: { startsWith: CITIZEN_ALERT_RULE_PREFIX } } },
    select: {
      ruleId: true,
      entityId: true,
      domain: true,
      severity: true,
      dedupKey: true,
      firstSeenAt: true,
      lastSeenAt: true,
      count: true,
      value: true,
      worstValue: true,
      relatedEntityIds: true,
      flap: true,
    },
  });
  const episodes: TStoredEpisode[] = [];
  for (const { firstSeenAt, lastSeenAt, relatedEntityIds, flap, ...row } of rows) {
    const parsed = ZStoredEpisode.safeParse({
      ...row,
      ...(flap ? { flap } : {}),
      startedAt: firstSeenAt.toISOString(),
      lastSeenAt: lastSeenAt.toISOString(),
      ...(relatedEntityIds.length > 0 ? { relatedEntityIds } : {}),
    });
    if (parsed.success) episodes.push(parsed.data);
    else console.error(`[alerts] open alert ${row.dedupKey} cannot be carried on; it stays as it is`, parsed.error.issues);
  }
  return episodes;
}

type TEpisodeRecoveryDeps = {
  engine: TRuleEngine;
  load: () => Promise<TStoredEpisode[]>;
  /** Evaluates one event and pushes its signals (the runtime's normal path). */
  evaluate: (event: TCityEvent) => void;
  push: (signals: TAlertSignal[]) => void;
  maxBufferedEvents?: number;
};

type TEpisodeRecovery = {
  /** The city-state listener: evaluates now, or once the recovery in flight is done, in arrival order. */
  onEvent(event: TCityEvent): void;
  /** Whether events are being held back (then the engine must not tick past them either). */
  isRecovering(): boolean;
  /**
   * Reads open alerts from PostgreSQL and hands them to the engine; call it at start, before the
   * source runs, and whenever this process takes over partitions. Events that arrive meanwhile wait,
   * so an entity's first event here cannot start a second alert before its stored one is restored.
   */
  recover(): Promise<void>;
};

export function createEpisodeRecovery(deps: TEpisodeRecoveryDeps): TEpisodeRecovery {
  const maxBuffered = deps.maxBufferedEvents ?? RECOVERY_MAX_BUFFERED_EVENTS;
  /** Events held back, oldest first; undefined while events are evaluated as they come. */
  let held: TCityEvent[] | undefined;
  let pending = 0;
  /** Too many events waited: they are being evaluated although a read is still in flight. */
  let overflowed = false;
  let chain: Promise<void> = Promise.resolve();

  /** Evaluates the oldest held events, up to a slice; returns whether any are left. */
  function evaluateSlice(): boolean {
    const slice = held?.splice(0, RELEASE_SLICE_EVENTS) ?? [];
    for (const event of slice) deps.evaluate(event);
    if (held && held.length > 0) return true;
    held = undefined;
    overflowed = false;
    return false;
  }

  /**
   * Evaluates the held events a slice per turn of the event loop: tens of thousands at once held it for seconds, past
   * a Kafka session timeout. Events arriving meanwhile queue behind them. Several of these loops may run at once
   * (each slice is taken from the front and evaluated whole), so every caller can await its own.
   */
  async function release(): Promise<void> {
    while ((pending === 0 || overflowed) && evaluateSlice()) await nextTurn();
  }

  async function recoverOnce(): Promise<void> {
    const restore = deps.engine.beginRestore(await deps.load(), Date.now());
    deps.push(restore.next(RESTORE_SLICE_ROWS));
    while (!restore.done) {
      await nextTurn();
      deps.push(restore.next(RESTORE_SLICE_ROWS));
    }
  }

  return {
    onEvent(event) {
      if (!held) return deps.evaluate(event);
      held.push(event);
      if (held.length >= maxBuffered && !overflowed) {
        console.warn(`[alerts] ${held.length} events waited for open alerts to be read; evaluating them now`);
        overflowed = true;
        void release();
      }
    },
    isRecovering: () => held !== undefined,
    recover() {
      // Events are held from this call on, not from when the read starts: one arriving in between
      // would otherwise start a second alert for a condition whose stored one is about to be restored.
      pending++;
      overflowed = false;
      held ??= [];
      // One read at a time; a second takeover during a read waits for it, then reads again.
      const next = chain.then(recoverOnce).finally(() => (--pending === 0 ? release() : undefined));
      chain = next.catch(() => {});
      return next;
    },
  };
}
