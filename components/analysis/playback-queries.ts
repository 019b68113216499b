import { queryOptions } from "@tanstack/react-query";
import { requestJson } from "@/components/api/request-json";
import { ZPlaybackFrame, ZPlaybackRange, type TPlaybackFrame } from "@/lib/contracts/history";
import { minuteToIso } from "./playback-clock";

const playbackKeys = {
  all: ["playback"] as const,
  range: () => ["playback", "range"] as const,
  frame: (minute: number) => ["playback", "frame", minute] as const,
};

/** GET /api/playback/range: re-read every minute, as the recorder adds one. */
export const playbackRangeQuery = () =>
  queryOptions({
    queryKey: playbackKeys.range(),
    queryFn: ({ signal }) => requestJson("/api/playback/range", ZPlaybackRange, { signal }),
    refetchInterval: 60_000,
  });

/** GET /api/playback?at=…: one recorded minute of every layer (a few hundred kB, so not kept long). */
export const playbackFrameQuery = (minute: number) =>
  queryOptions({
    queryKey: playbackKeys.frame(minute),
    queryFn: ({ signal }): Promise<TPlaybackFrame> =>
      requestJson(`/api/playback?at=${encodeURIComponent(minuteToIso(minute))}`, ZPlaybackFrame, { signal }),
    // A past minute does not change; the newest one may still be filled in by the recorder.
    staleTime: 60_000,
    gcTime: 60_000,
  });
