"use client";

import { useId, useSyncExternalStore } from "react";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import type { LiveCityStore, TLayerCounts } from "@/components/live/live-city-store";
import type { TCapWarning } from "@/lib/contracts/cap-warnings";
import { CapWarningsKey, NoDataKey } from "@/components/map/layer-legend";
import { ZoneOutlinesRow } from "./zone-outlines-row";
import { LayerRow } from "@/components/map/layer-row";
import { DeclaredLayerRow } from "@/components/map/declared-layer-row";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { useMediaQuery } from "./use-media-query";
import { formatInt } from "@/components/format/number";
import { BottomSheet, SheetSummary, SheetTitle } from "@/components/ui/bottom-sheet";
import { cx } from "@/components/ui/class-names";
import styles from "./layer-panel.module.css";

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
  /** Other agencies' warnings in force, keyed under the layers. */
  capWarnings: readonly TCapWarning[];
  /** The zones' outlines: off by default (they are for orientation, not live data). */
  zoneOutlines: { shown: boolean; setShown: (shown: boolean) => void; count: number | null };
  /** Declared sensor domains (lib/domains/definitions): off until switched on. */
  declared: {
    domains: readonly { definition: TDomainDefinition; entities: readonly unknown[] }[];
    visible: ReadonlySet<string>;
    onToggle: (domain: string, isVisible: boolean) => void;
  };
};

function LayerStatus({
  layer,
  live,
  total,
  isVisible,
  hasSnapshot,
}: {
  layer: TLayer | string;
  live: number;
  total: number | null;
  isVisible: boolean;
  hasSnapshot: boolean;
}) {
  if (!isVisible) return <span className={styles.status}>Hidden</span>;
  if (total === 0) return <span className={cx(styles.status, styles.empty)}>None in this city</span>;
  if (live === 0) {
    return (
      <span className={cx(styles.status, styles.empty)} data-testid={`layer-empty-${layer}`}>
        {hasSnapshot ? "No data yet" : "Waiting…"}
      </span>
    );
  }
  return (
    <span className={styles.status} title={`${live} of ${total ?? "?"} entities have reported`}>
      <strong>{formatInt(live)}</strong>
      {total !== null && ` / ${formatInt(total)}`}
    </span>
  );
}

export function LayerPanel({
  store,
  visible,
  onToggle,
  totals,
  hasSnapshot,
  open,
  onOpenChange,
  capWarnings,
  zoneOutlines,
  declared,
}: TLayerPanelProps) {
  const counts: TLayerCounts = useSyncExternalStore(store.subscribe, store.getCounts, store.getCounts);
  // Re-renders with declared domains' changes so their live counts follow.
  useSyncExternalStore(store.subscribe, store.getDeclaredVersions, store.getDeclaredVersions);
  const idPrefix = useId();
  const bodyId = `${idPrefix}-body`;
  const isPhone = useMediaQuery(PHONE_QUERY);
  const isOpen = open ?? !isPhone;

  return (
    <BottomSheet
      side="left"
      // Global name kept: the control room's phone rules (control-room.module.css) set it beside the alerts panel by it.
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
            {visible.size + declared.visible.size} of {LAYERS.length + declared.domains.length} on
          </SheetSummary>
        </>
      }
    >
      <ul className={styles.list}>
        {LAYERS.map((layer) => {
          const isVisible = visible.has(layer);
          return (
            <LayerRow
              key={layer}
              layer={layer}
              inputId={`${idPrefix}-${layer}`}
              isVisible={isVisible}
              onToggle={onToggle}
              switchTestId={`toggle-${layer}`}
              hasDescription
              status={
                <LayerStatus
                  layer={layer}
                  live={counts[layer]}
                  total={totals ? totals[layer] : null}
                  isVisible={isVisible}
                  hasSnapshot={hasSnapshot}
                />
              }
            />
          );
        })}
        {declared.domains.map(({ definition, entities }) => {
          const isVisible = declared.visible.has(definition.id);
          return (
            <DeclaredLayerRow
              key={definition.id}
              definition={definition}
              inputId={`${idPrefix}-${definition.id}`}
              isVisible={isVisible}
              onToggle={declared.onToggle}
              status={
                <LayerStatus
                  layer={definition.id}
                  live={store.countDeclared(definition.id)}
                  total={entities.length}
                  isVisible={isVisible}
                  hasSnapshot={hasSnapshot}
                />
              }
            />
          );
        })}
      </ul>
      <ZoneOutlinesRow inputId={`${idPrefix}-zones`} {...zoneOutlines} />
      <NoDataKey />
      <CapWarningsKey warnings={capWarnings} />
    </BottomSheet>
  );
}
