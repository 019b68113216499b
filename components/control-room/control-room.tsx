"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TCityConfigResponse } from "@/lib/contracts/city-api";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { cityPackUrl } from "@/lib/contracts/city-pack";
import { LiveCityStore } from "@/components/live/live-city-store";
import { useCitySocket } from "@/components/live/use-city-socket";
import { DeckLayerSync } from "@/components/map/deck-layer-sync";
import { mapViewportSource } from "@/components/map/map-viewport-source";
import { useShownEntities } from "@/components/map/use-shown-entities";
import { totalsOf } from "@/components/map/shown-entities";
import { exposeDebugHandles } from "@/components/map/test-hooks";
import { markFirstRender } from "@/components/map/first-render-marks";
import { AlertQueuePanel } from "@/components/alerts/alert-queue-panel";
import { CriticalBanner } from "@/components/alerts/critical-banner";
import { EscalationsNotice } from "@/components/alerts/escalations-notice";
import { ControlRoomSilencesNotice } from "@/components/silences/control-room-silences-notice";
import { useAlertSoundMute } from "@/components/alerts/use-alert-sound-mute";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TResponderUnit } from "@/lib/contracts/units";
import type { TRouteLine } from "@/components/map/layers/route-layers";
import { SidePanel } from "./side-panel";
import { UnitBoard } from "@/components/units/unit-board";
import { IncidentBoard } from "@/components/incidents/incident-board";
import { useIncidentBoardRows } from "@/components/incidents/use-incident-board-rows";
import { useSidePanelTab } from "./use-side-panel-tab";
import { ControlRoomDrawer } from "./control-room-drawer";
import { CapWarningTooltip } from "./cap-warning-tooltip";
import { AreaSummaryTooltip } from "./area-summary-tooltip";
import { EntityTooltip } from "./entity-tooltip";
import { flyToBesideDrawer } from "./fly-to-beside-drawer";
import { useFlyToDrawer } from "./use-fly-to-drawer";
import { LayerPanel } from "./layer-panel";
import { MapStatus } from "@/components/map/map-status";
import { AccessNotice } from "@/components/nav/access-notice";
import { TopBar } from "./top-bar";
import { useCityMapLoad } from "./use-city-map-load";
import { useMapPicking } from "./use-map-picking";
import { useOperationsFeed } from "./use-operations-feed";
import { useOperationsView } from "./use-operations-view";
import { usePhoneSheets } from "./use-phone-sheets";
import { cx } from "@/components/ui/class-names";
import styles from "./control-room.module.css";

// WebGL and maplibre touch `window` at import: browser only. The chunk (MapLibre, the deck.gl overlay) is
// requested as soon as this module runs in the browser, so it downloads while the page hydrates.
const loadCityMap = () => import("@/components/map/city-map");
if (typeof window !== "undefined") void loadCityMap();
const CityMap = dynamic(() => loadCityMap().then((m) => m.CityMap), { ssr: false });

type TControlRoomProps = {
  user: TCurrentUser;
  /** The city pack, when the server could read it (otherwise it comes from GET /api/city). */
  cityConfig?: TCityConfigResponse | null;
};

/** The full-screen live map: top bar, layer panel, map with deck.gl layers and tooltips. */
export function ControlRoom({ user, cityConfig = null }: TControlRoomProps) {
  const [store] = useState(() => new LiveCityStore());
  const [visible, setVisible] = useState<ReadonlySet<TLayer>>(() => new Set(LAYERS));
  const visibleLayers = useMemo(() => LAYERS.filter((layer) => visible.has(layer)), [visible]);

  const load = useCityMapLoad(cityConfig);
  const { config, index, tiles, slots, handles } = load;
  const bounds = config?.manifest.bounds ?? null;
  const viewport = useMemo(() => mapViewportSource(handles?.map ?? null, bounds), [handles, bounds]);

  const [visibleDomains, setVisibleDomains] = useState<ReadonlySet<string>>(() => new Set());
  const shownDefinitions = useMemo(
    () => (config?.domains ?? []).filter((d) => visibleDomains.has(d.id)),
    [config?.domains, visibleDomains],
  );
  const shownDomains = useMemo(() => shownDefinitions.map((d) => d.id), [shownDefinitions]);

  const feed = useOperationsFeed();
  const { status, stats, retry } = useCitySocket(store, visibleLayers, feed, true, shownDomains, viewport, slots);
  useEffect(() => {
    if (tiles) store.setPlacement(tiles);
  }, [store, tiles]);
  const shown = useShownEntities(store, index, tiles);
  const viewMode = useSyncExternalStore(
    store.subscribe,
    () => store.getView().mode,
    () => store.getView().mode,
  );
  // In view only: an overview's figures, like the whole city's, are the pack's.
  const viewTotals = useMemo(
    () => (viewMode === "tiles" && shown && index ? totalsOf(shown, index.entities.units.length) : null),
    [viewMode, shown, index],
  );
  const ops = useOperationsView({ store, index, unitsVisible: visible.has("units") });
  const { drawer, setDrawer, setPin, isPicking, setSelectedUnitId, previewRoute } = ops;
  const [sideTab, setSideTab] = useSidePanelTab();
  const [isMuted, setMuted] = useAlertSoundMute();
  const sheets = usePhoneSheets();
  const snapshotCount = useSyncExternalStore(store.subscribe, store.getSnapshotCount, store.getSnapshotCount);

  const showIncident = useCallback((id: string) => setDrawer({ kind: "incident", id }), [setDrawer]);
  const picking = useMapPicking({ isPicking, onPickLocation: setPin, onOpenIncident: showIncident });
  const { forgetLayer, unpin } = picking;

  const isReady = handles !== null && index !== null && snapshotCount > 0;

  useEffect(() => {
    if (isReady) markFirstRender("ready");
  }, [isReady]);

  useEffect(() => {
    if (!handles) return;
    return exposeDebugHandles({ ...handles, store, entities: index });
  }, [handles, store, index]);

  const onToggle = useCallback(
    (layer: TLayer, isVisible: boolean) => {
      setVisible((current) => {
        const next = new Set(current);
        if (isVisible) next.add(layer);
        else next.delete(layer);
        return next;
      });
      if (!isVisible) forgetLayer(layer);
    },
    [forgetLayer],
  );

  const onToggleDomain = useCallback(
    (domain: string, isVisible: boolean) => {
      setVisibleDomains((current) => {
        const next = new Set(current);
        if (isVisible) next.add(domain);
        else next.delete(domain);
        return next;
      });
      if (!isVisible) forgetLayer({ domain });
    },
    [forgetLayer],
  );
  const declaredPanel = useMemo(
    () => ({ domains: index?.declaredDomains ?? [], visible: visibleDomains, onToggle: onToggleDomain }),
    [index, visibleDomains, onToggleDomain],
  );

  const map = handles?.map ?? null;
  const selectAlert = useCallback(
    (alert: TAlert) => {
      setDrawer({ kind: "alert", id: alert.id });
      unpin();
    },
    [setDrawer, unpin],
  );
  const openIncident = useCallback((id: string) => setDrawer({ kind: "incident", id }), [setDrawer]);
  useFlyToDrawer({ map, drawer, alerts: ops.allAlerts, incidents: ops.incidents });
  const closeDrawer = useCallback(() => setDrawer(null), [setDrawer]);
  const selectUnit = useCallback(
    (unit: TResponderUnit) => {
      setSelectedUnitId(unit.id);
      const position = store.get("units", unit.id)?.location ?? index?.stations.get(unit.stationId)?.position;
      if (map && position) flyToBesideDrawer(map, position);
      sheets.closeQueueOnPhone();
    },
    [map, store, index, sheets.closeQueueOnPhone, setSelectedUnitId],
  );
  const board = useIncidentBoardRows(ops.incidents);
  const incidentNumbers = useMemo(() => new Map(ops.incidents.map((incident) => [incident.id, incident.number])), [ops.incidents]);
  const previewIncidentRoute = useCallback(
    (route: TRouteLine | null) => {
      if (drawer?.kind === "incident") previewRoute(drawer.id, route);
    },
    [drawer, previewRoute],
  );
  const startNewIncident = useCallback(() => {
    setPin(null);
    unpin();
    setDrawer({ kind: "new-incident" });
  }, [setDrawer, setPin, unpin]);
  const readMapCenter = useCallback((): [number, number] | null => {
    if (!map) return null;
    const { lng, lat } = map.getCenter();
    return [lng, lat];
  }, [map]);

  const notice =
    handles && index && snapshotCount === 0
      ? "Waiting for live data…"
      : snapshotCount > 0 && (status === "reconnecting" || status === "offline")
        ? "Connection lost — showing last known values"
        : null;

  const tooltipTarget = picking.tooltipTarget;
  const mapContainer = handles?.map.getContainer();
  const mapBounds = mapContainer && { width: mapContainer.clientWidth, height: mapContainer.clientHeight };

  return (
    // Global name kept: nav/user-menu.module.css places the user menu by `.control-room .top-bar` on phones.
    <div className={cx(styles.controlRoom, "control-room")}>
      <TopBar user={user} cityName={config?.manifest.name ?? null} status={status} stats={stats} onRetry={retry} />
      <CriticalBanner alerts={ops.criticals} isMuted={isMuted} onMutedChange={setMuted} onView={selectAlert} />
      <div className={styles.body} data-drawer={drawer?.kind ?? "none"}>
        <AccessNotice className={styles.accessNotice} />
        <LayerPanel
          store={store}
          visible={visible}
          onToggle={onToggle}
          totals={viewTotals?.layers ?? load.totals}
          declaredTotals={viewTotals?.declared}
          hasSnapshot={snapshotCount > 0}
          open={sheets.panelOpen}
          onOpenChange={sheets.onLayerPanelOpenChange}
          capWarnings={ops.activeCapWarnings}
          zoneOutlines={ops.zoneOutlinesShown}
          declared={declaredPanel}
        />
        <SidePanel
          tab={sideTab}
          onTabChange={setSideTab}
          open={sheets.queueOpen}
          isOpen={sheets.isQueueOpen}
          onOpenChange={sheets.onQueueOpenChange}
          openAlertCount={ops.allAlerts.filter((alert) => alert.status === "open" && alert.silenced === null).length}
          incidentCounts={board}
          panels={{
            alerts: (
              <AlertQueuePanel
                filters={ops.filters}
                onFiltersChange={ops.setFilters}
                allAlerts={ops.allAlerts}
                selectedId={drawer?.kind === "alert" ? drawer.id : null}
                onSelect={selectAlert}
                open={sheets.queueOpen}
                isOpen={sheets.isQueueOpen}
                onOpenChange={sheets.onQueueOpenChange}
                isMuted={isMuted}
                onMutedChange={setMuted}
                onNewIncident={startNewIncident}
                notice={
                  <>
                    {user.role === "supervisor" && <EscalationsNotice alerts={ops.escalated} onSelect={selectAlert} />}
                    <ControlRoomSilencesNotice />
                  </>
                }
              />
            ),
            incidents: (
              <IncidentBoard
                rows={board.rows}
                state={ops.incidentsState}
                selectedId={drawer?.kind === "incident" ? drawer.id : null}
                onSelect={openIncident}
              />
            ),
            units: (
              <UnitBoard
                incidentNumbers={incidentNumbers}
                selectedId={ops.selectedUnitId}
                onSelect={selectUnit}
                onOpenIncident={openIncident}
              />
            ),
          }}
        />
        <ControlRoomDrawer
          drawer={drawer}
          user={user}
          incidents={ops.incidents}
          alerts={ops.allAlerts}
          pin={ops.pin}
          onPinChange={setPin}
          readMapCenter={readMapCenter}
          onSelectAlert={selectAlert}
          onOpenIncident={openIncident}
          onPreviewRoute={previewIncidentRoute}
          onClose={closeDrawer}
        />
        <main
          className={cx(styles.mapStage, isPicking && styles.picking)}
          data-testid="city-map"
          data-ready={isReady ? "true" : "false"}
          aria-label="Live city map"
        >
          {config && (
            <CityMap
              key={load.mapAttempt}
              styleUrl={cityPackUrl(config.packId, "style.json")}
              manifest={config.manifest}
              onStyleLoaded={load.onStyleLoaded}
              onHover={picking.onHover}
              onClick={picking.onClick}
              onError={load.onMapError}
            />
          )}
          {handles && index && shown && (
            <DeckLayerSync
              map={handles.map}
              overlay={handles.overlay}
              index={index}
              shown={shown}
              store={store}
              visible={visible}
              visibleDomains={visibleDomains}
              operations={ops.layers}
            />
          )}
          {handles && index && tooltipTarget && (
            <EntityTooltip target={tooltipTarget} map={handles.map} index={index} store={store} onClose={unpin} />
          )}
          {picking.capWarningHover && <CapWarningTooltip {...picking.capWarningHover} bounds={mapBounds} />}
          {picking.areaHover && viewMode === "overview" && (
            <AreaSummaryTooltip {...picking.areaHover} bounds={mapBounds} shown={visible} shownDomains={shownDefinitions} />
          )}
          {isPicking && (
            <div className={cx(styles.notice, styles.picking)} role="status">
              {ops.pin ? "Incident location pinned — click to move it" : "Click the map where the incident is"}
            </div>
          )}
          {notice && !load.error && !isPicking && (
            <div className={styles.notice} role="status">
              {notice}
            </div>
          )}
          <MapStatus loading={load.loading} error={load.error} onRetry={load.retry} />
        </main>
      </div>
    </div>
  );
}
