import { ZPlaybackFrame, ZPlaybackQuery } from "@/lib/contracts/history";
import { invalid } from "@/server/errors";
import { defineRoute } from "@/server/http/define-route";
import { readPlaybackFrame } from "@/server/playback/read-playback-frame";

export const dynamic = "force-dynamic";

/** The city's domains as recorded for one minute (ZPlaybackQuery → ZPlaybackFrame); every domain unless `layers` narrows them. */
export const GET = defineRoute({ roles: ["supervisor"], query: ZPlaybackQuery, response: ZPlaybackFrame }, async ({ runtime, query }) => {
  const known = runtime.city.domains.catalog.entries.map((domain) => domain.id);
  const unknown = (query.layers ?? []).filter((layer) => !known.includes(layer));
  if (unknown.length > 0) {
    throw invalid(`This city has no domain ${unknown.map((id) => `"${id}"`).join(", ")}`, { layers: [`Known: ${known.join(", ")}`] });
  }
  return readPlaybackFrame(runtime.database.prisma, new Date(query.at), query.layers ?? known);
});
