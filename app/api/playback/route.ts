import { ZPlaybackFrame, ZPlaybackQuery } from "@/lib/contracts/history";
import { LAYERS } from "@/lib/contracts/layers";
import { defineRoute } from "@/server/http/define-route";
import { readPlaybackFrame } from "@/server/playback/read-playback-frame";

export const dynamic = "force-dynamic";

/** The city's layers as recorded for one minute (ZPlaybackQuery → ZPlaybackFrame); all layers unless `layers` narrows them. */
export const GET = defineRoute({ roles: ["supervisor"], query: ZPlaybackQuery, response: ZPlaybackFrame }, async ({ runtime, query }) =>
  readPlaybackFrame(runtime.database.prisma, new Date(query.at), query.layers ?? LAYERS),
);
