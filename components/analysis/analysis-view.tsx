"use client";

import type { PickingInfo } from "@deck.gl/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { cityConfigQuery, cityEntitiesQuery } from "@/components/city/city-queries";
import { indexEntities } from "@/lib/city/entity-index";
import { MapStatus } from "@/components/map/map-status";
import { LiveCityStore } from "@/components/live/live-city-store";
import type { TMapHandles } from "@/components/map/city-map";
import { cityPackUrl } from "@/lib/contracts/city-pack";
import { LAYERS, type TDomainName } from "@/lib/contracts/layers";
import { analysisParamsToSearch, parseAnalysisParams, resolveRange, type TAnalysisParams } from "./analysis-params";
import { ANALYSIS_TABPANEL_ID, AnalysisTabs, tabIdOf } from "./analysis-tabs";
import { HotspotLayerSync } from "./hotspot-layer-sync";
import { HOTSPOT_LAYER_ID } from "./hotspot-layers";
import { hotspotPointsQuery } from "./hotspot-queries";
import { HotspotsPanel } from "./hotspots-panel";
import { PlaybackBar } from "./playback-bar";
import { PlaybackLayerSync } from "./playback-layer-sync";
import { PlaybackPanel } from "./playback-panel";
import { usePlayback } from "./use-playback";
import { MapPanel, MapPanelBody, MapPanelTitle } from "@/components/ui/map-panel";
import { cx } from "@/components/ui/class-names";
import styles from "./analysis-view.module.css";

// WebGL and maplibre touch `window` at import: browser only.
const CityMap = dynamic(() => import("@/components/map/city-map").then((m) => m.CityMap), { ssr: false });

type THexagonHover = { x: number; y: number; count: number };

function messageOf(error: unknown): string | null {
  if (!error) return null;
  return error instanceof Error ? error.message : String(error);
}

/** /analysis: where incidents and alerts cluster (heatmap / hexagons), and the city played back minute by minute. */
export function AnalysisView() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  // Re-derived from the URL, so back/forward and shared links show the same view.
  const params = useMemo(() => parseAnalysisParams(new URLSearchParams(search)), [search]);
  const paramsKey = analysisParamsToSearch(params);
  const [nowMs, setNowMs] = useState(() => Date.now());
  const setParams = useCallback(
    (next: TAnalysisParams) => {
      const query = analysisParamsToSearch(next);
      setNowMs(Date.now()); // a preset chosen again ends at the current minute
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  const config = useQuery(cityConfigQuery());
  const packId = config.data?.packId;
  const entities = useQuery({ ...cityEntitiesQuery(packId ?? ""), enabled: packId !== undefined });
  const definitions = config.data?.domains;
  const index = useMemo(() => (entities.data ? indexEntities(entities.data, definitions) : null), [entities.data, definitions]);
  const [handles, setHandles] = useState<TMapHandles | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const [mapAttempt, setMapAttempt] = useState(0);

  const isHotspots = params.mode === "hotspots";
  const hotspotRange = useMemo(() => resolveRange(params, nowMs), [params, nowMs]);
  const points = useQuery({ ...hotspotPointsQuery(params.kind, hotspotRange), enabled: isHotspots, placeholderData: keepPreviousData });
  const [hexagonHover, setHexagonHover] = useState<THexagonHover | null>(null);

  const playback = usePlayback(!isHotspots);
  const [frameStore] = useState(() => new LiveCityStore());
  // Built-in layers and declared domains in one set; declared ones start off, as on the live map.
  const [visible, setVisible] = useState<ReadonlySet<TDomainName>>(() => new Set(LAYERS));
  const frame = playback.frame.data;
  useEffect(() => {
    if (frame) frameStore.applySnapshot({ seq: 0, layers: frame.layers, declared: frame.declared, at: frame.at });
  }, [frame, frameStore]);

  const onToggle = useCallback((domain: TDomainName, isVisible: boolean) => {
    setVisible((current) => {
      const next = new Set(current);
      if (isVisible) next.add(domain);
      else next.delete(domain);
      return next;
    });
  }, []);

  const onHover = useCallback((info: PickingInfo) => {
    const cell = info.layer?.id === HOTSPOT_LAYER_ID.hexagon ? (info.object as { count?: number } | null) : null;
    setHexagonHover(cell?.count !== undefined ? { x: info.x, y: info.y, count: cell.count } : null);
  }, []);
  const onClick = useCallback(() => {}, []);
  const onStyleLoaded = useCallback((next: TMapHandles) => setHandles(next), []);
  const onMapError = useCallback((message: string) => setMapError(message), []);
  const retryLoad = () => {
    setMapError(null);
    setHandles(null);
    setMapAttempt((n) => n + 1);
    void config.refetch();
    if (packId !== undefined) void entities.refetch();
  };

  const error = messageOf(config.error) ?? messageOf(entities.error) ?? mapError;
  const loading = config.isPending
    ? "Loading city…"
    : entities.isPending
      ? "Loading city assets…"
      : handles === null
        ? "Loading map…"
        : null;
  // Ready once what the mode shows is on the map (or known to be empty): what screenshots and tests wait for.
  const isReady =
    handles !== null &&
    index !== null &&
    (isHotspots ? points.data !== undefined : playback.rangeQuery.isSuccess && (playback.range === null || frame !== undefined));

  const frameIsEmpty =
    frame !== undefined &&
    LAYERS.every((layer) => (frame.layers[layer]?.length ?? 0) === 0) &&
    Object.values(frame.declared ?? {}).every((events) => events.length === 0);
  const notice = isHotspots
    ? points.data && points.data.points.length === 0
      ? `No ${params.kind} in this range`
      : null
    : frameIsEmpty && !playback.frame.isPlaceholderData
      ? "Nothing was recorded at this minute"
      : null;

  return (
    <div className={cx(styles.analysis, !isHotspots && styles.playback)}>
      <MapPanel side="left" docksOnPhones aria-label="Map analysis">
        <MapPanelTitle>Map analysis</MapPanelTitle>
        <AnalysisTabs mode={params.mode} onChange={(mode) => setParams({ ...params, mode })} />
        <MapPanelBody id={ANALYSIS_TABPANEL_ID} role="tabpanel" aria-labelledby={tabIdOf(params.mode)}>
          {isHotspots ? (
            <HotspotsPanel
              key={paramsKey}
              params={params}
              onChange={setParams}
              count={points.data && !points.isPlaceholderData ? points.data.points.length : null}
              truncated={points.data?.truncated ?? false}
              error={points.isError ? points.error : null}
              onRetry={() => void points.refetch()}
            />
          ) : (
            <PlaybackPanel playback={playback} visible={visible} onToggle={onToggle} declared={index?.declaredDomains ?? []} />
          )}
        </MapPanelBody>
      </MapPanel>

      <main className={styles.map} data-testid="analysis-map" data-ready={isReady ? "true" : "false"} aria-label="Analysis map">
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
        {handles && isHotspots && <HotspotLayerSync overlay={handles.overlay} points={points.data?.points} style={params.style} />}
        {handles && index && !isHotspots && frame && (
          <PlaybackLayerSync map={handles.map} overlay={handles.overlay} index={index} store={frameStore} visible={visible} />
        )}
        {hexagonHover && isHotspots && params.style === "hexagon" && (
          <div className={styles.hover} style={{ left: hexagonHover.x, top: hexagonHover.y }} role="tooltip">
            {hexagonHover.count} {hexagonHover.count === 1 ? params.kind.replace(/s$/, "") : params.kind}
          </div>
        )}
        {notice && !error && (
          <div className={styles.notice} role="status">
            {notice}
          </div>
        )}
        <MapStatus loading={loading} error={error} onRetry={retryLoad} />
      </main>

      {!isHotspots && <PlaybackBar playback={playback} />}
    </div>
  );
}
