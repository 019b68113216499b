"use client";

import { useId, useSyncExternalStore } from "react";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import type { LiveCityStore, TLayerCounts } from "@/components/live/live-city-store";
import { formatInt } from "./format";
import { LAYER_META } from "./layer-meta";
import { LayerLegend, NoDataKey } from "./layer-legend";
import { useMediaQuery } from "./use-media-query";

/** Matches the stylesheet's phone breakpoint, where the panel becomes a bottom sheet. */
const PHONE_QUERY = "(max-width: 640px)";

type TLayerPanelProps = {
  store: LiveCityStore;
  visible: ReadonlySet<TLayer>;
  onToggle: (layer: TLayer, isVisible: boolean) => void;
  /** Static entity counts from the pack; null while it loads. */
  totals: Readonly<Record<TLayer, number>> | null;
  /** A snapshot has been applied, so a zero count really means "no data yet". */
  hasSnapshot: boolean;
  /** Desktop: open unless closed. Phone: a bottom sheet, closed unless opened. */
  open: boolean | null;
  onOpenChange: (open: boolean) => void;
};

function LayerStatus({ layer, live, total, isVisible, hasSnapshot }: {
  layer: TLayer;
  live: number;
  total: number | null;
  isVisible: boolean;
  hasSnapshot: boolean;
}) {
  if (!isVisible) return <span className="layer-row__status">Hidden</span>;
  if (total === 0) return <span className="layer-row__status layer-row__status--empty">None in this city</span>;
  if (live === 0) {
    return (
      <span className="layer-row__status layer-row__status--empty" data-testid={`layer-empty-${layer}`}>
        {hasSnapshot ? "No data yet" : "Waiting…"}
      </span>
    );
  }
  return (
    <span className="layer-row__status" title={`${live} of ${total ?? "?"} entities have reported`}>
      <strong>{formatInt(live)}</strong>
      {total !== null && ` / ${formatInt(total)}`}
    </span>
  );
}

export function LayerPanel({ store, visible, onToggle, totals, hasSnapshot, open, onOpenChange }: TLayerPanelProps) {
  const counts: TLayerCounts = useSyncExternalStore(store.subscribe, store.getCounts, store.getCounts);
  const idPrefix = useId();
  const bodyId = `${idPrefix}-body`;
  const isPhone = useMediaQuery(PHONE_QUERY);
  const isOpen = open ?? !isPhone;

  return (
    <aside className="layer-panel" data-open={open === null ? "auto" : String(open)} aria-label="Map layers">
      <button
        type="button"
        className="layer-panel__handle"
        aria-controls={bodyId}
        aria-expanded={isOpen}
        onClick={() => onOpenChange(!isOpen)}
      >
        <span className="layer-panel__handle-grip" aria-hidden="true" />
        <span className="layer-panel__title">Layers</span>
        <span className="layer-panel__summary">
          {visible.size} of {LAYERS.length} on
        </span>
        <svg className="layer-panel__chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div className="layer-panel__body" id={bodyId}>
        <ul className="layer-list">
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
                    data-testid={`toggle-${layer}`}
                    checked={isVisible}
                    onChange={(event) => onToggle(layer, event.target.checked)}
                    aria-describedby={`${inputId}-desc`}
                  />
                  <label htmlFor={inputId} className="layer-row__label">
                    {LAYER_META[layer].label}
                  </label>
                  <LayerStatus
                    layer={layer}
                    live={counts[layer]}
                    total={totals ? totals[layer] : null}
                    isVisible={isVisible}
                    hasSnapshot={hasSnapshot}
                  />
                </div>
                <p className="layer-row__description" id={`${inputId}-desc`}>
                  {LAYER_META[layer].description}
                </p>
                {isVisible && (
                  <div className="layer-row__legend">
                    <LayerLegend layer={layer} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        <NoDataKey />
      </div>
    </aside>
  );
}
