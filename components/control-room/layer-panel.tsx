"use client";

import { useId, useSyncExternalStore } from "react";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import type { LiveCityStore, TLayerCounts } from "@/components/live/live-city-store";
import type { TCapWarning } from "@/lib/contracts/cap-warnings";
import { AreaSummaryKey, CapWarningsKey, NoDataKey } from "@/components/map/layer-legend";
import type { TCitySummaries, TLevelCounts, TLiveView } from "@/lib/contracts/realtime";
import { isTiledLayer, TILED_LAYERS, type TTiledLayer } from "@/lib/live/tile-index";
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
  /** Static entity counts of what the map shows (the pack, or the tiles in view); null while it loads. */
  totals: Readonly<Record<TLayer, number>> | null;
  /** Declared domains' sensors in view, by domain (absent: all of the domain's). */
  declaredTotals?: ReadonlyMap<string, number>;
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

/** Per tiled layer and subscribed declared domain, the readings an overview's summaries count (city-wide). */
function reportingOf(summaries: TCitySummaries | null): { layers: Record<TTiledLayer, number>; declared: Map<string, number> } {
  const reporting: Record<TTiledLayer, number> = { traffic: 0, parking: 0, waste: 0, energy: 0 };
  const declared = new Map<string, number>();
  const readings = (counts: TLevelCounts) => counts[1] + counts[2] + counts[3] + counts[4];
  for (const tile of summaries?.tiles ?? []) {
    for (const layer of TILED_LAYERS) {
      const counts = tile.layers[layer];
      if (counts) reporting[layer] += readings(counts);
    }
    for (const [domain, counts] of Object.entries(tile.declared ?? {}))
      declared.set(domain, (declared.get(domain) ?? 0) + readings(counts));
  }
  return { layers: reporting, declared };
}

function LayerStatus({
  layer,
  live,
  total,
  isVisible,
  hasSnapshot,
  scope,
}: {
  layer: TLayer | string;
  live: number;
  total: number | null;
  isVisible: boolean;
  hasSnapshot: boolean;
  /** What the figures cover: the whole city or the area in view. */
  scope: "city" | "view";
}) {
  if (!isVisible) return <span className={styles.status}>Hidden</span>;
  if (total === 0)
    return <span className={cx(styles.status, styles.empty)}>{scope === "view" ? "None in view" : "None in this city"}</span>;
  if (live === 0) {
    return (
      <span className={cx(styles.status, styles.empty)} data-testid={`layer-empty-${layer}`}>
        {hasSnapshot ? "No data yet" : "Waiting…"}
      </span>
    );
  }
  return (
    <span
      className={styles.status}
      title={`${live} of ${total ?? "?"} entities ${scope === "view" ? "in view " : ""}have reported`}
      data-scope={scope}
    >
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
  declaredTotals,
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
  const view: TLiveView = useSyncExternalStore(store.subscribe, store.getView, store.getView);
  const summaries = useSyncExternalStore(store.subscribe, store.getSummaries, store.getSummaries);
  const isOverview = view.mode === "overview";
  const reporting = isOverview ? reportingOf(summaries) : null;
  const scope = view.mode === "tiles" ? "view" : "city";
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
                  live={reporting && isTiledLayer(layer) ? reporting.layers[layer] : counts[layer]}
                  total={totals ? totals[layer] : null}
                  isVisible={isVisible}
                  hasSnapshot={hasSnapshot}
                  scope={isTiledLayer(layer) ? scope : "city"}
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
              isOverview={isOverview}
              status={
                <LayerStatus
                  layer={definition.id}
                  live={reporting ? (reporting.declared.get(definition.id) ?? 0) : store.countDeclared(definition.id)}
                  total={reporting ? entities.length : (declaredTotals?.get(definition.id) ?? entities.length)}
                  isVisible={isVisible}
                  hasSnapshot={hasSnapshot}
                  scope={scope}
                />
              }
            />
          );
        })}
      </ul>
      <ZoneOutlinesRow inputId={`${idPrefix}-zones`} {...zoneOutlines} />
      {isOverview && <AreaSummaryKey />}
      <NoDataKey />
      <CapWarningsKey warnings={capWarnings} />
    </BottomSheet>
  );
}
