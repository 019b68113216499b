"use client";

import type { PickingInfo } from "@deck.gl/core";
import type { Map as MapLibreMap } from "maplibre-gl";
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
import { AlertDrawer } from "@/components/alerts/alert-drawer";
import { AlertQueuePanel } from "@/components/alerts/alert-queue-panel";
import { CriticalBanner } from "@/components/alerts/critical-banner";
import { EscalationsNotice } from "@/components/alerts/escalations-notice";
import { useAlertSoundMute } from "@/components/alerts/use-alert-sound-mute";
import { IncidentDrawer } from "@/components/incidents/incident-drawer";
import { NewIncidentForm } from "@/components/incidents/new-incident-form";
import { DECK_LAYER_ID } from "@/components/map/layers/deck-layer-ids";
import type { TAlert, TIncident } from "@/lib/contracts/incidents";
import type { TResponderUnit } from "@/lib/contracts/units";
import type { TRouteLine } from "@/components/map/layers/route-layers";
import { SidePanel } from "@/components/units/side-panel";
import { UnitBoard } from "@/components/units/unit-board";
import { useSidePanelTab } from "@/components/units/use-side-panel-tab";
import { EntityTooltip, type TTooltipTarget } from "./entity-tooltip";
import { LAYER_BY_KIND, toEntityPick } from "./entity-pick";
import { LayerPanel } from "./layer-panel";
import { MapStatus } from "./map-status";
import { TopBar } from "./top-bar";
import { useMediaQuery } from "./use-media-query";
import { useOperationsFeed } from "./use-operations-feed";
import { useOperationsView } from "./use-operations-view";

/** The stylesheet's phone breakpoint: layer panel and the alerts/units panel are bottom sheets, one open at a time. */
const PHONE_QUERY = "(max-width: 640px)";
/** Street level: close enough to see the alert's entity and its neighbours. */
const FLY_TO_MIN_ZOOM = 16;
/** Wide screens: the drawer (380 px + gap) sits left of the queue, covering the map's padded centre. */
const DRAWER_BESIDE_MIN_WIDTH_PX = 1100;
const DRAWER_SHIFT_PX = 196;
/** Phones: the drawer is a sheet over the lower part of the map. */
const PHONE_SHEET_SHIFT_SHARE = 0.33;

/** Flies to a place so it lands in the part of the map the open drawer leaves visible. */
function flyToBesideDrawer(map: MapLibreMap, center: readonly [number, number]): void {
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const offset: [number, number] =
    width <= 640 ? [0, -Math.round(height * PHONE_SHEET_SHIFT_SHARE)] : width > DRAWER_BESIDE_MIN_WIDTH_PX ? [-DRAWER_SHIFT_PX, 0] : [0, 0];
  map.flyTo({ center: [center[0], center[1]], zoom: Math.max(map.getZoom(), FLY_TO_MIN_ZOOM), offset, essential: true });
}

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

  const feed = useOperationsFeed();
  const { status, stats, retry } = useCitySocket(store, visibleLayers, feed);
  const ops = useOperationsView({ store, index, unitsVisible: visible.has("units") });
  const { drawer, setDrawer, setPin, isPicking, setSelectedUnitId, previewRoute } = ops;
  const [sideTab, setSideTab] = useSidePanelTab();
  const [isMuted, setMuted] = useAlertSoundMute();
  const isPhone = useMediaQuery(PHONE_QUERY);
  const [queueOpen, setQueueOpen] = useState<boolean | null>(null);
  const isQueueOpen = queueOpen ?? !isPhone;
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
    const [pickLng, pickLat] = info.coordinate ?? [];
    if (isPicking) {
      // Placing a phoned-in incident: the click is the location, not a selection.
      if (pickLng !== undefined && pickLat !== undefined) setPin([pickLng, pickLat]);
      return;
    }
    if (info.layer?.id === DECK_LAYER_ID.incidents && info.object) {
      setDrawer({ kind: "incident", id: (info.object as TIncident).id });
      setPinned(null);
      return;
    }
    const pick = toEntityPick(info.layer?.id, info.object);
    const [lng, lat] = info.coordinate ?? [];
    setPinned(pick && lng !== undefined && lat !== undefined ? { mode: "pinned", pick, lngLat: [lng, lat] } : null);
  }, [isPicking, setPin, setDrawer]);

  const map = handles?.map ?? null;
  const selectAlert = useCallback(
    (alert: TAlert) => {
      setDrawer({ kind: "alert", alert });
      setPinned(null);
      if (map) flyToBesideDrawer(map, alert.location);
    },
    [map, setDrawer],
  );
  const openIncident = useCallback(
    (id: string) => {
      setDrawer({ kind: "incident", id });
      const incident = ops.incidents.find((item) => item.id === id);
      if (incident && map) flyToBesideDrawer(map, incident.location);
    },
    [map, ops.incidents, setDrawer],
  );
  const closeDrawer = useCallback(() => setDrawer(null), [setDrawer]);
  const selectUnit = useCallback(
    (unit: TResponderUnit) => {
      setSelectedUnitId(unit.id);
      const position = store.get("units", unit.id)?.location ?? index?.stations.get(unit.stationId)?.position;
      if (map && position) flyToBesideDrawer(map, position);
      // Phones: the sheet would cover the unit the map just flew to.
      if (isPhone) setQueueOpen(false);
    },
    [map, store, index, isPhone, setSelectedUnitId],
  );
  const incidentNumbers = useMemo(() => new Map(ops.incidents.map((incident) => [incident.id, incident.number])), [ops.incidents]);
  const previewIncidentRoute = useCallback(
    (route: TRouteLine | null) => {
      if (drawer?.kind === "incident") previewRoute(drawer.id, route);
    },
    [drawer, previewRoute],
  );
  const startNewIncident = useCallback(() => {
    setPin(null);
    setPinned(null);
    setDrawer({ kind: "new-incident" });
  }, [setDrawer, setPin]);
  const readMapCenter = useCallback((): [number, number] | null => {
    if (!map) return null;
    const { lng, lat } = map.getCenter();
    return [lng, lat];
  }, [map]);

  // Phones have room for one bottom sheet at a time.
  const onLayerPanelOpenChange = (open: boolean) => {
    setPanelOpen(open);
    if (open && isPhone) setQueueOpen(false);
  };
  const onQueueOpenChange = (open: boolean) => {
    setQueueOpen(open);
    if (open && isPhone) setPanelOpen(false);
  };

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
      <CriticalBanner alerts={ops.criticals} isMuted={isMuted} onView={selectAlert} />
      <div className="control-room__body" data-drawer={drawer?.kind ?? "none"}>
        <LayerPanel
          store={store}
          visible={visible}
          onToggle={onToggle}
          totals={totals}
          hasSnapshot={snapshotCount > 0}
          open={panelOpen}
          onOpenChange={onLayerPanelOpenChange}
        />
        <SidePanel
          tab={sideTab}
          onTabChange={setSideTab}
          open={queueOpen}
          isOpen={isQueueOpen}
          onOpenChange={onQueueOpenChange}
          openAlertCount={ops.allAlerts.filter((alert) => alert.status === "open").length}
          alerts={
            <AlertQueuePanel
              filters={ops.filters}
              onFiltersChange={ops.setFilters}
              allAlerts={ops.allAlerts}
              selectedId={drawer?.kind === "alert" ? drawer.alert.id : null}
              onSelect={selectAlert}
              open={queueOpen}
              isOpen={isQueueOpen}
              onOpenChange={onQueueOpenChange}
              isMuted={isMuted}
              onMutedChange={setMuted}
              onNewIncident={startNewIncident}
              notice={user.role === "supervisor" ? <EscalationsNotice alerts={ops.escalated} onSelect={selectAlert} /> : null}
            />
          }
          units={
            <UnitBoard incidentNumbers={incidentNumbers} selectedId={ops.selectedUnitId} onSelect={selectUnit} onOpenIncident={openIncident} />
          }
        />
        {drawer?.kind === "alert" && (
          <AlertDrawer key={drawer.alert.id} seed={drawer.alert} user={user} onClose={closeDrawer} onOpenIncident={openIncident} />
        )}
        {drawer?.kind === "incident" && (
          <IncidentDrawer
            key={drawer.id}
            incidentId={drawer.id}
            seed={ops.incidents.find((incident) => incident.id === drawer.id) ?? null}
            onClose={closeDrawer}
            onSelectAlert={selectAlert}
            onPreviewRoute={previewIncidentRoute}
          />
        )}
        {drawer?.kind === "new-incident" && (
          <NewIncidentForm
            location={ops.pin}
            onLocationChange={setPin}
            readMapCenter={readMapCenter}
            onCreated={(incident) => openIncident(incident.id)}
            onClose={closeDrawer}
          />
        )}
        <main
          className={`map-stage${isPicking ? " map-stage--picking" : ""}`}
          data-testid="city-map"
          data-ready={isReady ? "true" : "false"}
          aria-label="Live city map"
        >
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
          {handles && index && (
            <DeckLayerSync map={handles.map} overlay={handles.overlay} index={index} store={store} visible={visible} operations={ops.layers} />
          )}
          {handles && index && tooltipTarget && (
            <EntityTooltip
              target={tooltipTarget}
              map={handles.map}
              index={index}
              store={store}
              onClose={() => setPinned(null)}
            />
          )}
          {isPicking && (
            <div className="map-notice map-notice--picking" role="status">
              {ops.pin ? "Incident location pinned — click to move it" : "Click the map where the incident is"}
            </div>
          )}
          {notice && !error && !isPicking && (
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
