"use client";

import { useId, type KeyboardEvent } from "react";
import { formatMinute, formatMinuteTime } from "./format-minute";
import { isoToMinute, PLAYBACK_SPEEDS, type TPlaybackSpeed } from "./playback-clock";
import type { TPlayback } from "./use-playback";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Select } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import styles from "./playback-bar.module.css";

function PlayIcon({ isPlaying }: { isPlaying: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      {isPlaying ? <path d="M4 3h3v10H4zM9 3h3v10H9z" fill="currentColor" /> : <path d="M4.5 2.5v11l9-5.5z" fill="currentColor" />}
    </svg>
  );
}

/** The time line under the map: step, play/pause, the slider over the recorded minutes, speed. */
export function PlaybackBar({ playback }: { playback: TPlayback }) {
  const sliderId = useId();
  const speedId = useId();
  const { range, minute, isPlaying, speed, frame, rangeQuery } = playback;

  if (!range || minute === null) {
    return (
      <div className={cx(styles.bar, styles.empty)} role="status" data-testid="playback-empty">
        {rangeQuery.isPending ? (
          <span>Loading the recorded period…</span>
        ) : rangeQuery.isError ? (
          <span>The recorded period could not be loaded: {rangeQuery.error.message}</span>
        ) : (
          <>
            <strong>Nothing recorded yet.</strong> <span>Playback starts recording when the server runs; come back in a minute.</span>
          </>
        )}
      </div>
    );
  }

  const onSliderKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== " ") return;
    event.preventDefault();
    playback.togglePlay();
  };
  const label = formatMinute(minute);
  const shown = frame.data ? isoToMinute(frame.data.at) : null;
  // The reader falls back to the latest recorded minute shortly before; say so rather than pretend.
  const fallback = shown !== null && shown !== minute && !frame.isPlaceholderData ? `showing ${formatMinuteTime(shown)}` : null;

  return (
    <div className={styles.bar} role="group" aria-label="Playback">
      <div className={styles.buttons}>
        <Button onClick={() => playback.step(-1)} disabled={minute <= range.first} aria-label="Back one minute">
          −1 min
        </Button>
        <Button
          variant="primary"
          className={styles.play}
          onClick={playback.togglePlay}
          data-testid="playback-play"
          aria-pressed={isPlaying}
        >
          <PlayIcon isPlaying={isPlaying} />
          {isPlaying ? "Pause" : "Play"}
        </Button>
        <Button onClick={() => playback.step(1)} disabled={minute >= range.last} aria-label="Forward one minute">
          +1 min
        </Button>
      </div>
      <div className={styles.track}>
        <div className={styles.now}>
          <label htmlFor={sliderId} className={styles.label}>
            Time
          </label>
          <output htmlFor={sliderId} className={styles.time} data-testid="playback-time">
            {label}
          </output>
          {fallback && <span className={styles.fallback}>({fallback})</span>}
          {/* Unlike most spinners this one is named: no text beside it says the minute is loading. */}
          {frame.isFetching && <Spinner className={styles.spinner} aria-hidden={undefined} aria-label="Loading this minute" />}
        </div>
        <input
          id={sliderId}
          type="range"
          className={styles.slider}
          min={range.first}
          max={range.last}
          step={1}
          value={minute}
          onChange={(event) => playback.seek(Number(event.target.value))}
          onKeyDown={onSliderKeyDown}
          aria-valuetext={label}
          aria-describedby={`${sliderId}-hint`}
          data-testid="playback-slider"
        />
        <div className={styles.ends} aria-hidden="true">
          <span>{formatMinute(range.first)}</span>
          <span>{formatMinute(range.last)}</span>
        </div>
        <p id={`${sliderId}-hint`} className="visually-hidden">
          Arrow keys move one minute; Space plays or pauses.
        </p>
      </div>
      <div className={styles.speed}>
        <label htmlFor={speedId} className={styles.label}>
          Speed
        </label>
        <Select
          controlSize="responsive"
          id={speedId}
          className={styles.select}
          value={speed}
          onChange={(event) => playback.setSpeed(Number(event.target.value) as TPlaybackSpeed)}
        >
          {PLAYBACK_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
