import { ZSignalFlap, type TAlertSignal, type TSignalFlap } from "@/lib/contracts/rules";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TAlertSilence } from "@/lib/contracts/silences";
import type { TDomainName } from "@/lib/contracts/layers";
import { recordAudit, recordAudits } from "@/server/audit/record-audit";
import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { ALERT_INCLUDE, toAlert } from "./alert-view";
import { recordConditionCleared } from "./record-condition-cleared";
import { inTransaction, type TTx } from "@/server/db/transaction";
import { mapInChunks } from "@/server/db/map-in-chunks";
import { loadSilencesInForce, silenceFor } from "@/server/silences/silence-view";

export type TLocate = (domain: TDomainName, entityId: string) => { lon: number; lat: number; zone: string };

type TPersistSignalsDeps = {
  prisma: PrismaClient;
  ruleName: (ruleId: string) => string;
  locate: TLocate;
  /** The clock silences are matched against (wall time: a silence is about what rings now, not when readings were taken). */
  now?: () => Date;
  /** Runs first in the transaction and throws to refuse it (server/cluster/leader-fence.ts). */
  guard?: (tx: TTx) => Promise<void>;
  /** How many alerts this batch raised (new rows), once its transaction has committed. */
  onRaised?: (count: number) => void;
  /** Alerts per statement when opening and reading back (CHUNK_SIZE); the bench compares with all in one. */
  chunkSize?: number;
};

/**
 * Cleared warning/minor alerts nobody has taken on resolve themselves: a bin that was emptied or a lot
 * that freed up needs no one to close it. Critical and major alerts stay until a person resolves them.
 */
const AUTO_RESOLVE_SEVERITIES = new Set(["warning", "minor"]);
const AUTO_RESOLUTION = "Condition cleared (auto-resolved)";

/**
 * Writes a batch of engine signals in one transaction and returns the alerts that changed.
 *   open   → INSERT … ON CONFLICT (dedup_key) DO NOTHING: Kafka redelivery or a replay after restart
 *            produces the same dedup key, so never a second row; a silence in force that matches it is
 *            stored on it (`silencedBy`), so it does not ring or escalate (a re-raise is a new episode, a new
 *            row, and is matched afresh);
 *   update → count / last seen / value / worst value, never backwards in time (replays are no-ops);
 *   clear  → conditionClearedAt (the alert stays in the queue), auto-resolve as above.
 * The engine's telemetry does not bump `version` (see the schema); auto-resolve does, it is a status change.
 */
export async function persistSignals(deps: TPersistSignalsDeps, signals: readonly TAlertSignal[]): Promise<TAlert[]> {
  if (signals.length === 0) return [];
  const { opens, updates, clears } = coalesce(signals);
  let raised = 0;
  const changed = await inTransaction(deps.prisma, async (tx) => {
    await deps.guard?.(tx);
    const keys = new Set<string>();
    const inserted = opens.length > 0 ? await insertOpened(tx, deps, opens) : [];
    raised = inserted.length;
    for (const key of inserted) keys.add(key);
    for (const signal of updates) {
      if (signal.flap) {
        if (await applyFlap(tx, { ...signal, flap: signal.flap })) keys.add(signal.dedupKey);
        continue;
      }
      const { count } = await tx.alert.updateMany({
        where: { dedupKey: signal.dedupKey, status: { not: "resolved" }, lastSeenAt: { lte: new Date(signal.lastSeenAt) } },
        data: {
          count: signal.count,
          lastSeenAt: new Date(signal.lastSeenAt),
          value: json(signal.value),
          worstValue: json(signal.worstValue),
          message: signal.message,
        },
      });
      if (count > 0) keys.add(signal.dedupKey);
    }
    for (const signal of clears) if (await applyClear(tx, deps, signal)) keys.add(signal.dedupKey);
    return [...keys];
  });
  if (raised > 0) deps.onRaised?.(raised);
  if (changed.length === 0) return [];
  // Read back as written: a storm's worth of rows with their relations in one query stalled PGlite as long as a chunk of inserts.
  return mapInChunks(changed, deps.chunkSize ?? CHUNK_SIZE, async (keys) =>
    (await deps.prisma.alert.findMany({ where: { dedupKey: { in: keys } }, include: ALERT_INCLUDE })).map(toAlert),
  );
}

/**
 * Opened alerts per INSERT (with their audit rows and outbox events), and alerts per read-back. On PGlite a storm's
 * 1,000 opens written at once stalled sockets and timers for the whole write; chunk by chunk (server/db/map-in-chunks.ts)
 * the longest stall is one chunk's (npm run bench:alert-insert). The transaction stays one.
 */
const CHUNK_SIZE = 100;

async function insertOpened(tx: TTx, deps: TPersistSignalsDeps, opens: readonly TAlertSignal[]): Promise<string[]> {
  const now = deps.now?.() ?? new Date();
  const silences = await loadSilencesInForce(tx, now);
  const silenceOf: TSilenceOf = (s, zone) => silenceFor(silences, { ruleId: s.ruleId, entityId: s.entityId, domain: s.domain, zone }, now);
  return mapInChunks(opens, deps.chunkSize ?? CHUNK_SIZE, (chunk) => insertChunk(tx, deps, chunk, silenceOf));
}

type TSilenceOf = (signal: TAlertSignal, zone: string) => TAlertSilence | null;

/** One INSERT of opened alerts, then their audit rows (raised, silenced, flapping) in the same order, in one more. */
async function insertChunk(tx: TTx, deps: TPersistSignalsDeps, opens: readonly TAlertSignal[], silenceOf: TSilenceOf): Promise<string[]> {
  const inserted = await tx.alert.createManyAndReturn({
    data: opens.map((s) => {
      const place = deps.locate(s.domain, s.entityId);
      const silencedBy = silenceOf(s, place.zone);
      return {
        dedupKey: s.dedupKey,
        ruleId: s.ruleId,
        ruleName: deps.ruleName(s.ruleId),
        domain: s.domain,
        entityId: s.entityId,
        relatedEntityIds: s.relatedEntityIds ?? [],
        severity: s.severity,
        message: s.message,
        value: json(s.value),
        worstValue: json(s.worstValue),
        count: s.count,
        firstSeenAt: new Date(s.startedAt),
        lastSeenAt: new Date(s.lastSeenAt),
        ...place,
        ...(silencedBy ? { silencedBy } : {}),
        ...(s.flap ? { flapping: s.flap.flapping, flap: s.flap } : {}),
      };
    }),
    skipDuplicates: true,
    select: {
      id: true,
      dedupKey: true,
      ruleId: true,
      severity: true,
      entityId: true,
      zone: true,
      message: true,
      silencedBy: true,
      flapping: true,
      flap: true,
    },
  });
  await recordAudits(
    tx,
    inserted.flatMap(({ id, silencedBy, flapping, flap, ...after }) => [
      { actor: null, action: "alert.raised", entityType: "alert", entityId: id, after },
      ...(silencedBy
        ? [{ actor: null, action: "alert.silenced", entityType: "alert", entityId: id, after: { silenced: silencedBy } }]
        : []),
      ...(flapping ? [{ actor: null, action: "alert.flapping", entityType: "alert", entityId: id, after: { flap } }] : []),
    ]),
  );
  return inserted.map((r) => r.dedupKey);
}

/**
 * A flapping alert's update: its counter and condition, never backwards (a replayed change is older than the
 * stored last change). Entering and leaving flapping are audited; the changes in between only count.
 */
async function applyFlap(tx: TTx, signal: TAlertSignal & { flap: TSignalFlap }): Promise<boolean> {
  const row = await tx.alert.findUnique({
    where: { dedupKey: signal.dedupKey },
    select: { id: true, status: true, flapping: true, flap: true },
  });
  if (!row || row.status === "resolved") return false;
  const stored = ZSignalFlap.safeParse(row.flap);
  if (stored.success && !isNewer(signal.flap, stored.data)) return false;
  await tx.alert.update({
    where: { id: row.id },
    data: {
      flapping: signal.flap.flapping,
      flap: signal.flap,
      count: signal.count,
      lastSeenAt: new Date(signal.lastSeenAt),
      value: json(signal.value),
      worstValue: json(signal.worstValue),
      message: signal.message,
    },
  });
  if (row.flapping !== signal.flap.flapping)
    await recordAudit(tx, {
      actor: null,
      action: signal.flap.flapping ? "alert.flapping" : "alert.flapping_ended",
      entityType: "alert",
      entityId: row.id,
      before: { flapping: row.flapping },
      after: { flapping: signal.flap.flapping, flap: signal.flap },
    });
  return true;
}

/** Later in the engine's own order: more changes counted, or the same ones and flapping has since ended. */
function isNewer(next: TSignalFlap, stored: TSignalFlap): boolean {
  return next.total > stored.total || (next.total === stored.total && stored.flapping && !next.flapping);
}

async function applyClear(tx: TTx, deps: TPersistSignalsDeps, signal: TAlertSignal): Promise<boolean> {
  const row = await tx.alert.findUnique({ where: { dedupKey: signal.dedupKey } });
  if (!row || row.conditionClearedAt) return false;
  const autoResolve = row.status === "open" && !row.incidentId && AUTO_RESOLVE_SEVERITIES.has(row.severity);
  const clearedAt = new Date(signal.at);
  const { count } = await tx.alert.updateMany({
    where: { id: row.id, conditionClearedAt: null },
    data: {
      conditionClearedAt: clearedAt,
      // A flapping alert clears once it has been stable for its window, its counter kept.
      flapping: false,
      ...(signal.flap ? { flap: signal.flap } : {}),
      value: json(signal.value),
      worstValue: json(signal.worstValue),
      ...(autoResolve
        ? { status: "resolved", resolvedAt: deps.now?.() ?? new Date(), resolution: AUTO_RESOLUTION, version: { increment: 1 } }
        : {}),
    },
  });
  if (count === 0) return false;
  if (row.flapping)
    await recordAudit(tx, {
      actor: null,
      action: "alert.flapping_ended",
      entityType: "alert",
      entityId: row.id,
      before: { flapping: true },
      after: { flapping: false, ...(signal.flap ? { flap: signal.flap } : {}) },
    });
  await recordConditionCleared(tx, {
    alertId: row.id,
    statusBefore: row.status,
    isResolved: autoResolve,
    clearedAt,
    message: signal.message,
  });
  return true;
}

/** Per alert, in order: its open, only its latest update (they carry totals), its clear. */
function coalesce(signals: readonly TAlertSignal[]) {
  const opens = new Map<string, TAlertSignal>();
  const updates = new Map<string, TAlertSignal>();
  const clears = new Map<string, TAlertSignal>();
  for (const s of signals) {
    if (s.kind === "open" && !opens.has(s.dedupKey)) opens.set(s.dedupKey, s);
    else if (s.kind === "update") updates.set(s.dedupKey, s);
    else if (s.kind === "clear") clears.set(s.dedupKey, s);
  }
  return { opens: [...opens.values()], updates: [...updates.values()], clears: [...clears.values()] };
}

const json = (value: number | string) => value as Prisma.InputJsonValue;
