import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { requestJson } from "@/components/api/request-json";
import {
  ZEnergyMeasurement,
  ZOffStreetParking,
  ZTrafficFlowObserved,
  ZUnitPosition,
  ZWasteContainer,
} from "@/lib/contracts/events";
import { ZPlaybackRange, type TPlaybackFrame } from "@/lib/contracts/history";
import { minuteToIso } from "./playback-clock";

/** The server serves recorded events as stored; the browser checks them against the event schemas. */
const ZPlaybackFrame = z.object({
  at: z.iso.datetime(),
  layers: z.object({
    traffic: z.array(ZTrafficFlowObserved).optional(),
    parking: z.array(ZOffStreetParking).optional(),
    waste: z.array(ZWasteContainer).optional(),
    energy: z.array(ZEnergyMeasurement).optional(),
    units: z.array(ZUnitPosition).optional(),
  }),
}) satisfies z.ZodType<TPlaybackFrame>;

/** GET /api/playback/range: re-read every minute, as the recorder adds one. */
export const playbackRangeQuery = () =>
  queryOptions({
    queryKey: ["playback", "range"],
    queryFn: ({ signal }) => requestJson("/api/playback/range", ZPlaybackRange, { signal }),
    refetchInterval: 60_000,
  });

/** GET /api/playback?at=…: one recorded minute of every layer (a few hundred kB, so not kept long). */
export const playbackFrameQuery = (minute: number) =>
  queryOptions({
    queryKey: ["playback", "frame", minute],
    queryFn: ({ signal }): Promise<TPlaybackFrame> =>
      requestJson(`/api/playback?at=${encodeURIComponent(minuteToIso(minute))}`, ZPlaybackFrame, { signal }),
    // A past minute does not change; the newest one may still be filled in by the recorder.
    staleTime: 60_000,
    gcTime: 60_000,
  });
