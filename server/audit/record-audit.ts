import type { TAuditAction } from "@/lib/contracts/audit-actions";
import type { TRole } from "@/lib/contracts/auth";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { recordOpsEvent } from "@/server/outbox/record-ops-event";

/** Who did it, copied into the row so it stays true after the user changes. null: nobody signed in. */
export type TAuditActor = { id: string; email: string; role: TRole | string } | null;

type TAuditRecord = {
  actor: TAuditActor;
  action: TAuditAction | (string & {});
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  before?: unknown;
  after?: unknown;
};

/** A client or an interactive transaction, so a change and its audit row can commit together. */
type TAuditWriter = PrismaClient | Prisma.TransactionClient;

/**
 * Appends one audit row (and, for alerts, incidents and units, the operational event of the change).
 * There is deliberately no update or delete counterpart anywhere in the app, and the database rejects
 * both (trigger in the auth_and_audit migration).
 */
export async function recordAudit(db: TAuditWriter, record: TAuditRecord): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: record.actor?.id ?? null,
      actorEmail: record.actor?.email ?? null,
      actorRole: record.actor?.role ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      ip: record.ip ?? null,
      before: toJson(record.before),
      after: toJson(record.after),
    },
  });
  // Every audited change of an alert, incident or unit is also an operational event (when those are on).
  await recordOpsEvent(db, { entityType: record.entityType, entityId: record.entityId, type: record.action });
}

/** Appends many audit rows in one statement (a storm's grouped message: one row per alert it named), then their events. */
export async function recordAudits(db: TAuditWriter, records: readonly TAuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.auditLog.createMany({
    data: records.map((record) => ({
      actorId: record.actor?.id ?? null,
      actorEmail: record.actor?.email ?? null,
      actorRole: record.actor?.role ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      ip: record.ip ?? null,
      before: toJson(record.before),
      after: toJson(record.after),
    })),
  });
  for (const record of records) await recordOpsEvent(db, { entityType: record.entityType, entityId: record.entityId, type: record.action });
}

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  // Round-trip through JSON so Dates become strings and undefined fields vanish, as they will on read.
  return value === undefined || value === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
