import type { TAuditEntry, TAuditPage, TAuditQuery } from "@/lib/contracts/auth";
import type { AuditLog, Prisma, PrismaClient } from "@/server/db/generated/client";
import { invalid } from "@/server/errors";

/**
 * Newest first, keyset-paged on the insertion-ordered id: a page never shifts when new rows arrive,
 * and reaching page 100 costs the same as page 1.
 */
export async function listAudit(prisma: PrismaClient, query: TAuditQuery): Promise<TAuditPage> {
  const where: Prisma.AuditLogWhereInput = {
    action: query.action,
    entityType: query.entityType,
    actorEmail: query.actor ? { contains: query.actor, mode: "insensitive" } : undefined,
    at: query.from || query.to ? { gte: parseDate(query.from), lte: parseDate(query.to) } : undefined,
    id: query.cursor ? { lt: decodeCursor(query.cursor) } : undefined,
  };
  // One extra row tells whether another page exists without a count.
  const rows = await prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { entries: page.map(toEntry), nextCursor: hasMore ? encodeCursor(page[page.length - 1].id) : null };
}

function toEntry(row: AuditLog): TAuditEntry {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    ip: row.ip,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

const parseDate = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

// Opaque to clients so the keyset can change without breaking them.
function encodeCursor(id: bigint): string {
  return Buffer.from(`audit:${id}`).toString("base64url");
}

function decodeCursor(cursor: string): bigint {
  const match = /^audit:(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw invalid("Invalid cursor", { cursor: ["not a cursor from a previous page"] });
  return BigInt(match[1]);
}
