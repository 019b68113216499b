"use client";

import type { PickingInfo } from "@deck.gl/core";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { cityPackUrl } from "@/lib/contracts/city-pack";
import { cityConfigQuery, cityEntitiesQuery } from "@/components/city/city-queries";
import { entityCounts, indexEntities } from "@/components/city/entity-index";
import { LiveCityStore } from "@/components/live/live-city-store";
import { useCitySocket } from "@/components/live/use-city-socket";
import type { TMapHandles } from "@/components/map/city-map";
import { DeckLayerSync } from "@/components/map/deck-layer-sync";
import { exposeDebugHandles } from "@/components/map/test-hooks";
import { EntityTooltip, type TTooltipTarget } from "./entity-tooltip";
import { LAYER_BY_KIND, toEntityPick } from "./entity-pick";
import { LayerPanel } from "./layer-panel";
import { MapStatus } from "./map-status";
import { TopBar } from "./top-bar";

// WebGL and maplibre touch `window` at import: browser only.
const CityMap = dynamic(() => import("@/components/map/city-map").then((m) => m.CityMap), { ssr: false });

function errorMessage(error: unknown): string | null {
  if (!error) return null;
  return error instanceof Error ? error.message : String(error);
}

/** The full-screen live map: top bar, layer panel, map with deck.gl layers and tooltips. */
export function ControlRoom({ user }: { user: TCurrentUser }) {
  const [store] = useState(() => new LiveCityStore());
  const [visible, setVisible] = useState<ReadonlySet<TLayer>>(() => new Set(LAYERS));
  const visibleLayers = useMemo(() => LAYERS.filter((layer) => visible.has(layer)), [visible]);

  const config = useQuery(cityConfigQuery());
  const packId = config.data?.packId;
  const entities = useQuery({ ...cityEntitiesQuery(packId ?? ""), enabled: packId !== undefined });
  const index = useMemo(() => (entities.data ? indexEntities(entities.data) : null), [entities.data]);
  const totals = useMemo(() => (entities.data ? entityCounts(entities.data) : null), [entities.data]);

  const [handles, setHandles] = useState<TMapHandles | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const [mapAttempt, setMapAttempt] = useState(0);

  const { status, stats, retry } = useCitySocket(store, visibleLayers);
  const snapshotCount = useSyncExternalStore(store.subscribe, store.getSnapshotCount, store.getSnapshotCount);

  const [hover, setHover] = useState<TTooltipTarget | null>(null);
  const [pinned, setPinned] = useState<TTooltipTarget | null>(null);
  const [panelOpen, setPanelOpen] = useState<boolean | null>(null);

  const isReady = handles !== null && index !== null && snapshotCount > 0;

  useEffect(() => {
    if (!handles) return;
    return exposeDebugHandles({ ...handles, store, entities: index });
  }, [handles, store, index]);

  useEffect(() => {
    if (!pinned) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setPinned(null);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [pinned]);

  const onToggle = useCallback((layer: TLayer, isVisible: boolean) => {
    setVisible((current) => {
      const next = new Set(current);
      if (isVisible) next.add(layer);
      else next.delete(layer);
      return next;
    });
    if (!isVisible) {
      // Hidden entities cannot be hovered or inspected.
      setPinned((current) => (current && LAYER_BY_KIND[current.pick.kind] === layer ? null : current));
      setHover(null);
    }
  }, []);

  const onHover = useCallback((info: PickingInfo) => {
    const pick = toEntityPick(info.layer?.id, info.object);
    setHover(pick ? { mode: "hover", pick, x: info.x, y: info.y } : null);
  }, []);

  const onClick = useCallback((info: PickingInfo) => {
    const pick = toEntityPick(info.layer?.id, info.object);
    const [lng, lat] = info.coordinate ?? [];
    setPinned(pick && lng !== undefined && lat !== undefined ? { mode: "pinned", pick, lngLat: [lng, lat] } : null);
  }, []);

  const onMapError = useCallback((message: string) => setMapError(message), []);
  const onStyleLoaded = useCallback((next: TMapHandles) => setHandles(next), []);

  const retryLoad = () => {
    setMapError(null);
    setHandles(null);
    setMapAttempt((n) => n + 1);
    void config.refetch();
    if (packId !== undefined) void entities.refetch();
  };

  const error = errorMessage(config.error) ?? errorMessage(entities.error) ?? mapError;
  const loading = config.isPending
    ? "Loading city…"
    : entities.isPending
      ? "Loading city assets…"
      : handles === null
        ? "Loading map…"
        : null;

  const notice =
    handles && index && snapshotCount === 0
      ? "Waiting for live data…"
      : snapshotCount > 0 && (status === "reconnecting" || status === "offline")
        ? "Connection lost — showing last known values"
        : null;

  const tooltipTarget = pinned ?? hover;

  return (
    <div className="control-room">
      <TopBar user={user} cityName={config.data?.manifest.name ?? null} status={status} stats={stats} onRetry={retry} />
      <div className="control-room__body">
        <LayerPanel
          store={store}
          visible={visible}
          onToggle={onToggle}
          totals={totals}
          hasSnapshot={snapshotCount > 0}
          open={panelOpen}
          onOpenChange={setPanelOpen}
        />
        <main className="map-stage" data-testid="city-map" data-ready={isReady ? "true" : "false"} aria-label="Live city map">
          {config.data && (
            <CityMap
              key={mapAttempt}
              styleUrl={cityPackUrl(config.data.packId, "style.json")}
              manifest={config.data.manifest}
              onStyleLoaded={onStyleLoaded}
              onHover={onHover}
              onClick={onClick}
              onError={onMapError}
            />
          )}
          {handles && index && <DeckLayerSync map={handles.map} overlay={handles.overlay} index={index} store={store} visible={visible} />}
          {handles && index && tooltipTarget && (
            <EntityTooltip
              target={tooltipTarget}
              map={handles.map}
              index={index}
              store={store}
              onClose={() => setPinned(null)}
            />
          )}
          {notice && !error && (
            <div className="map-notice" role="status">
              {notice}
            </div>
          )}
          <MapStatus loading={loading} error={error} onRetry={retryLoad} />
        </main>
      </div>
    </div>
  );
}
