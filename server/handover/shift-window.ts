import type { PrismaClient } from "@/server/db/generated/client";

/** A shift is at most this long: a handover covers the last 8 h … */
const SHIFT_HOURS = 8;

/** … or less, when the author already handed over during that time (only what happened since then is new). */
export async function shiftWindow(prisma: PrismaClient, authorId: string, now: Date): Promise<{ from: Date; to: Date }> {
  const eightHoursAgo = new Date(now.getTime() - SHIFT_HOURS * 3_600_000);
  const previous = await prisma.shiftHandover.findFirst({
    where: { authorId, createdAt: { gt: eightHoursAgo, lte: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return { from: previous?.createdAt ?? eightHoursAgo, to: now };
}
