import type { TDeadLetterPage, TDeadLetterQuery } from "@/lib/contracts/dead-letters";
import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { isUuid } from "@/server/db/transaction";
import { invalid } from "@/server/errors";
import { toDeadLetterView } from "./dead-letter-view";

/**
 * Newest first, keyset-paged on (received_at, id): a page never shifts when new letters arrive, and page 100
 * costs what page 1 does. Handled letters are left out unless asked for.
 */
export async function listDeadLetterPage(prisma: PrismaClient, query: TDeadLetterQuery): Promise<TDeadLetterPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.DeadLetterWhereInput = {
    reasonKind: query.reason,
    sourceTopic: query.source,
    handledAt: query.status === "open" ? null : query.status === "handled" ? { not: null } : undefined,
    OR: after ? [{ receivedAt: { lt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { lt: after.id } }] : undefined,
  };
  // One extra row tells whether another page exists without a count.
  const rows = await prisma.deadLetter.findMany({ where, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    letters: page.map(toDeadLetterView),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.receivedAt, last.id) : null,
  };
}

// Opaque to clients so the keyset can change without breaking them.
function encodeCursor(receivedAt: Date, id: string): string {
  return Buffer.from(`dead-letter:${receivedAt.toISOString()}:${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  const match = /^dead-letter:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z):(.+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const receivedAt = match ? new Date(match[1]) : null;
  if (!match || !receivedAt || Number.isNaN(receivedAt.getTime()) || !isUuid(match[2])) {
    throw invalid("Invalid cursor", { cursor: ["not a cursor from a previous page"] });
  }
  return { receivedAt, id: match[2] };
}
