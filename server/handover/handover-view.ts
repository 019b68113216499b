import { ZHandoverSummary, type THandover } from "@/lib/contracts/history";
import type { Prisma } from "@/server/db/generated/client";

const PERSON = { select: { id: true, name: true } } as const;

export const HANDOVER_INCLUDE = {
  author: PERSON,
  reads: { include: { user: PERSON }, orderBy: [{ readAt: "asc" }, { userId: "asc" }] },
} as const satisfies Prisma.ShiftHandoverInclude;

type THandoverRow = Prisma.ShiftHandoverGetPayload<{ include: typeof HANDOVER_INCLUDE }>;

export function toHandover(row: THandoverRow): THandover {
  return {
    id: row.id,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    note: row.note,
    // Validated before it was stored; parsed again so a hand-edited row cannot break the page.
    summary: ZHandoverSummary.parse(row.summary),
    readBy: row.reads.map((read) => ({ id: read.user.id, name: read.user.name, at: read.readAt.toISOString() })),
  };
}
