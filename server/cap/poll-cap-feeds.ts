import type { TLeaderPart } from "@/server/cluster/run-while-leader";
import type { CapFeed, PrismaClient } from "@/server/db/generated/client";
import { fetchCapText } from "./fetch-cap-text";
import { CapFormatError } from "./parse-cap-xml";
import { publishCapWarnings, type TCapWarningsHub } from "./publish-cap-warnings";
import { readCapDocument, readCapMessage } from "./read-cap-document";
import { storeCapMessage } from "./store-cap-message";

/** Linked messages fetched per feed and poll: a feed of thousands of links is read over several polls, never in one go. */
const LINKS_PER_POLL_MAX = 20;
const ERROR_MAX_CHARS = 300;

export type TCapFeedPollerDeps = { prisma: PrismaClient; hub: TCapWarningsHub; everyMs: number };

export type TCapFeedPoller = {
  /** One round over every feed; resolves when it is done (tests call it instead of waiting for the clock). */
  pollOnce(): Promise<void>;
  leaderWork: TLeaderPart;
};

/**
 * Polls the subscribed CAP feeds on the leader (one poller per city, so a feed is read and stored once): each
 * with its ETag / Last-Modified, so an unchanged feed costs a 304. A failing feed records its error for admins
 * and the others go on. Rounds never overlap: the next is scheduled when the last one ends.
 */
export function createCapFeedPoller(deps: TCapFeedPollerDeps): TCapFeedPoller {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let leading = false;

  const pollOnce = async (): Promise<void> => {
    const feeds = await deps.prisma.capFeed.findMany({ orderBy: { createdAt: "asc" } });
    let stored = 0;
    for (const feed of feeds) stored += await pollFeed(deps.prisma, feed);
    if (stored > 0) await publishCapWarnings(deps.prisma, deps.hub);
  };

  const schedule = () => {
    if (!leading) return;
    timer = setTimeout(() => {
      running = pollOnce()
        .catch((error: unknown) => console.error("[cap] polling the feeds failed:", error))
        .finally(schedule);
    }, deps.everyMs);
    timer.unref?.();
  };

  return {
    pollOnce,
    leaderWork: {
      name: "cap-feeds",
      start() {
        if (leading) return;
        leading = true;
        schedule();
      },
      async stop() {
        leading = false;
        clearTimeout(timer);
        await running;
      },
    },
  };
}

/** Reads one feed and stores what is new; returns how many messages were stored. */
async function pollFeed(prisma: PrismaClient, feed: CapFeed): Promise<number> {
  const source = { name: feed.name, actor: null };
  let stored = 0;
  try {
    const fetched = await fetchCapText(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
    if (fetched.status === 200) {
      const document = readCapDocument(fetched.text);
      for (const message of document.messages) {
        if ((await storeCapMessage(prisma, message, source)).outcome === "stored") stored++;
      }
      // One bad linked message is reported, not a reason to keep refetching the whole feed.
      let linkError: string | null = null;
      for (const link of document.links.slice(0, LINKS_PER_POLL_MAX)) {
        try {
          const linked = await fetchCapText(link);
          if (linked.status === 200 && (await storeCapMessage(prisma, readCapMessage(linked.text), source)).outcome === "stored") stored++;
        } catch (error) {
          const reason = feedErrorReason(error);
          if (reason === null) throw error;
          linkError ??= `${link}: ${reason}`.slice(0, ERROR_MAX_CHARS);
        }
      }
      await prisma.capFeed.update({
        where: { id: feed.id },
        data: { etag: fetched.etag, lastModified: fetched.lastModified, lastPolledAt: new Date(), lastError: linkError },
      });
    } else {
      await prisma.capFeed.update({ where: { id: feed.id }, data: { lastPolledAt: new Date(), lastError: null } });
    }
  } catch (error) {
    const reason = feedErrorReason(error);
    if (reason === null) throw error;
    await prisma.capFeed
      .updateMany({ where: { id: feed.id }, data: { lastPolledAt: new Date(), lastError: reason.slice(0, ERROR_MAX_CHARS) } })
      .catch(() => {});
  }
  return stored;
}

/**
 * What the feed sent (or failed to) is the admin's to see; anything else (a database failure) is the leader's
 * problem: null, and the round is logged and tried again.
 */
function feedErrorReason(error: unknown): string | null {
  if (error instanceof CapFormatError) return error.message;
  // fetch fails with a TypeError (refused, DNS) or a DOMException (the timeout).
  if (error instanceof TypeError || error instanceof DOMException) return `The feed could not be reached (${error.message})`;
  return null;
}
