import { ZPlaybackRange } from "@/lib/contracts/history";
import { defineRoute } from "@/server/http/define-route";
import { DEFAULT_PLAYBACK_RETENTION_DAYS } from "@/server/playback/entity-history-recorder";
import { readPlaybackRange } from "@/server/playback/read-playback-range";

export const dynamic = "force-dynamic";

/** The retained period of time playback (ZPlaybackRange): first and last recorded minute, retention in days. */
export const GET = defineRoute({ roles: ["supervisor"], response: ZPlaybackRange }, async ({ runtime }) =>
  // Without a running recorder nothing new is recorded; what is there is described with the default retention.
  readPlaybackRange(runtime.database.prisma, runtime.recorder?.retentionDays ?? DEFAULT_PLAYBACK_RETENTION_DAYS),
);
