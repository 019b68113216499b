"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { clampMinute, minuteRangeOf, speedIntervalMs, stepMinute, type TPlaybackSpeed } from "./playback-clock";
import { playbackFrameQuery, playbackRangeQuery } from "./playback-queries";

/**
 * The playback clock: which recorded minute is on screen, play/pause at a speed, and the frame for it.
 * Until the user picks a minute it follows the newest recording. While a frame loads the previous one
 * stays on screen, and while playing the next minute is fetched ahead.
 */
export function usePlayback(enabled: boolean) {
  const queryClient = useQueryClient();
  const rangeQuery = useQuery({ ...playbackRangeQuery(), enabled });
  const from = rangeQuery.data?.from ?? null;
  const to = rangeQuery.data?.to ?? null;
  const range = useMemo(() => minuteRangeOf({ from, to }), [from, to]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [isPlaying, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<TPlaybackSpeed>(5);
  const minute = range ? clampMinute(chosen ?? range.last, range) : null;

  const frame = useQuery({ ...playbackFrameQuery(minute ?? 0), enabled: enabled && minute !== null, placeholderData: keepPreviousData });

  useEffect(() => {
    if (!enabled || !isPlaying || !range || minute === null) return;
    const next = stepMinute(minute, 1, range);
    if (next !== null) void queryClient.prefetchQuery(playbackFrameQuery(next));
    const timer = setTimeout(() => {
      if (next === null) setPlaying(false);
      else setChosen(next);
    }, speedIntervalMs(speed));
    return () => clearTimeout(timer);
  }, [enabled, isPlaying, speed, minute, range, queryClient]);

  const seek = useCallback((next: number) => setChosen(next), []);
  const step = useCallback(
    (by: number) => {
      if (!range || minute === null) return;
      setChosen(clampMinute(minute + by, range));
    },
    [range, minute],
  );
  const togglePlay = useCallback(() => {
    if (!range || minute === null) return;
    // Play from the start when already at the end, as a video player does.
    if (!isPlaying && minute >= range.last && range.last > range.first) setChosen(range.first);
    setPlaying(!isPlaying);
  }, [isPlaying, minute, range]);

  return {
    rangeQuery,
    range,
    retentionDays: rangeQuery.data?.retentionDays ?? null,
    minute,
    frame,
    isPlaying,
    speed,
    setSpeed,
    seek,
    step,
    togglePlay,
  };
}

export type TPlayback = ReturnType<typeof usePlayback>;
