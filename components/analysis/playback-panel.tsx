"use client";

import { useId } from "react";
import { LayerLegend } from "@/components/map/layer-legend";
import { LAYER_META } from "@/components/map/layer-meta";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { formatMinute } from "./format-minute";
import type { TPlayback } from "./use-playback";
import { cx } from "@/components/ui/class-names";
import { Switch } from "@/components/ui/switch";
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
        {LAYERS.map((layer) => {
          const inputId = `${idPrefix}-${layer}`;
          const isVisible = visible.has(layer);
          return (
            <li key={layer} className={cx(styles.row, !isVisible && styles.off)}>
              <div className={styles.head}>
                <Switch id={inputId} checked={isVisible} onChange={(event) => onToggle(layer, event.target.checked)} />
                <label htmlFor={inputId} className={styles.label}>
                  {LAYER_META[layer].label}
                </label>
              </div>
              {isVisible && (
                <div className={styles.legend}>
                  <LayerLegend layer={layer} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
