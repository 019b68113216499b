"use client";

import { useId, useSyncExternalStore } from "react";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import type { LiveCityStore, TLayerCounts } from "@/components/live/live-city-store";
import { LAYER_META } from "@/components/map/layer-meta";
import { LayerLegend, NoDataKey } from "@/components/map/layer-legend";
import { useMediaQuery } from "./use-media-query";
import { formatInt } from "@/components/format/number";
import { BottomSheet, SheetSummary, SheetTitle } from "@/components/ui/bottom-sheet";

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
    <BottomSheet
      side="left"
      className="layer-panel"
      open={open}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      bodyId={bodyId}
      aria-label="Map layers"
      handle={
        <>
          <SheetTitle>Layers</SheetTitle>
          <SheetSummary>
            {visible.size} of {LAYERS.length} on
          </SheetSummary>
        </>
      }
    >
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
    </BottomSheet>
  );
}
