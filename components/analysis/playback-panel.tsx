"use client";

import { useId } from "react";
import { LayerRow } from "@/components/map/layer-row";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { formatMinute } from "./format-minute";
import type { TPlayback } from "./use-playback";
import panelStyles from "./analysis-panel.module.css";
import styles from "./playback-panel.module.css";

type TPlaybackPanelProps = {
  playback: TPlayback;
  visible: ReadonlySet<TLayer>;
  onToggle: (layer: TLayer, isVisible: boolean) => void;
};

/** What playback covers, and which of the city's layers to draw. */
export function PlaybackPanel({ playback, visible, onToggle }: TPlaybackPanelProps) {
  const idPrefix = useId();
  const { range, retentionDays } = playback;
  return (
    <div className={panelStyles.section}>
      <p className={styles.text}>
        {range ? (
          <>
            The city as it was, minute by minute, from <strong>{formatMinute(range.first)}</strong> to{" "}
            <strong>{formatMinute(range.last)}</strong>.
          </>
        ) : (
          "The city as it was, minute by minute, once something is recorded."
        )}
        {retentionDays !== null && ` Recordings are kept ${retentionDays} ${retentionDays === 1 ? "day" : "days"}.`}
      </p>
      <ul className={styles.layers} aria-label="Layers">
        {LAYERS.map((layer) => (
          <LayerRow
            key={layer}
            layer={layer}
            inputId={`${idPrefix}-${layer}`}
            isVisible={visible.has(layer)}
            onToggle={onToggle}
            className={styles.row}
          />
        ))}
      </ul>
    </div>
  );
}
