import type { THandover } from "@/lib/contracts/history";
import type { PrismaClient } from "@/server/db/generated/client";
import { HANDOVER_INCLUDE, toHandover } from "./handover-view";

/** Older handovers are yesterday's news: nobody is asked to confirm them. */
const PENDING_HANDOVER_HOURS = 24;

/**
 * The handover waiting for this user: the newest one from the last 24 h that someone else wrote and this
 * user has not confirmed. Handovers older than the user's own latest one are not theirs to take over
 * (they had already handed over themselves).
 */
export async function findPendingHandover(prisma: PrismaClient, { userId, now }: { userId: string; now: Date }): Promise<THandover | null> {
  const dayAgo = new Date(now.getTime() - PENDING_HANDOVER_HOURS * 3_600_000);
  const mine = await prisma.shiftHandover.findFirst({
    where: { authorId: userId, createdAt: { gt: dayAgo } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const row = await prisma.shiftHandover.findFirst({
    where: {
      authorId: { not: userId },
      createdAt: { gt: mine?.createdAt ?? dayAgo, lte: now },
      reads: { none: { userId } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: HANDOVER_INCLUDE,
  });
  return row ? toHandover(row) : null;
}
