"use client";

import { useId } from "react";
import { LayerLegend } from "@/components/map/layer-legend";
import { LAYER_META } from "@/components/map/layer-meta";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { formatMinute } from "./format-minute";
import type { TPlayback } from "./use-playback";

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
    <div className="analysis-panel__section">
      <p className="analysis-panel__text">
        {range ? (
          <>
            The city as it was, minute by minute, from <strong>{formatMinute(range.first)}</strong> to <strong>{formatMinute(range.last)}</strong>.
          </>
        ) : (
          "The city as it was, minute by minute, once something is recorded."
        )}
        {retentionDays !== null && ` Recordings are kept ${retentionDays} ${retentionDays === 1 ? "day" : "days"}.`}
      </p>
      <ul className="layer-list analysis-layers" aria-label="Layers">
        {LAYERS.map((layer) => {
          const inputId = `${idPrefix}-${layer}`;
          const isVisible = visible.has(layer);
          return (
            <li key={layer} className={`layer-row${isVisible ? "" : " layer-row--off"}`}>
              <div className="layer-row__head">
                <input
                  id={inputId}
                  type="checkbox"
                  role="switch"
                  className="switch"
                  checked={isVisible}
                  onChange={(event) => onToggle(layer, event.target.checked)}
                />
                <label htmlFor={inputId} className="layer-row__label">
                  {LAYER_META[layer].label}
                </label>
              </div>
              {isVisible && (
                <div className="layer-row__legend">
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
