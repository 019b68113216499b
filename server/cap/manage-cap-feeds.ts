import type { TCapFeed, TCreateCapFeedRequest } from "@/lib/contracts/cap-warnings";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { CapFeed, PrismaClient } from "@/server/db/generated/client";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { isUniqueViolation } from "@/server/dispatch/unique-violation";
import { conflict, notFound } from "@/server/errors";

type TFeedChange = { prisma: PrismaClient; actor: TAuditActor; ip: string | null };

export async function listCapFeeds(prisma: PrismaClient): Promise<TCapFeed[]> {
  return (await prisma.capFeed.findMany({ orderBy: { createdAt: "asc" } })).map(toCapFeed);
}

/** Subscribes to a feed (audited); the leader polls it from its next round. */
export async function addCapFeed(deps: TFeedChange, request: TCreateCapFeedRequest): Promise<TCapFeed> {
  try {
    return await inTransaction(deps.prisma, async (tx) => {
      const feed = await tx.capFeed.create({ data: { name: request.name, url: request.url } });
      await recordAudit(tx, {
        actor: deps.actor,
        action: "cap_feed.added",
        entityType: "cap_feed",
        entityId: feed.id,
        ip: deps.ip,
        after: request,
      });
      return toCapFeed(feed);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This feed is already subscribed");
    throw error;
  }
}

/** Unsubscribes (audited); the warnings it brought stay until they expire, are updated or are cancelled. */
export async function removeCapFeed(deps: TFeedChange, id: string): Promise<TCapFeed> {
  if (!isUuid(id)) throw notFound("No such feed");
  return inTransaction(deps.prisma, async (tx) => {
    const feed = await tx.capFeed.findUnique({ where: { id } });
    if (!feed) throw notFound("No such feed");
    await tx.capFeed.delete({ where: { id } });
    await recordAudit(tx, {
      actor: deps.actor,
      action: "cap_feed.removed",
      entityType: "cap_feed",
      entityId: id,
      ip: deps.ip,
      before: { name: feed.name, url: feed.url },
    });
    return toCapFeed(feed);
  });
}

function toCapFeed(feed: CapFeed): TCapFeed {
  return {
    id: feed.id,
    name: feed.name,
    url: feed.url,
    lastPolledAt: feed.lastPolledAt?.toISOString() ?? null,
    lastError: feed.lastError,
    createdAt: feed.createdAt.toISOString(),
  };
}
