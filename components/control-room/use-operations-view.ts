"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TEntityIndex } from "@/lib/city/entity-index";
import { isUnacknowledgedCritical, type TAlertFilters } from "@/components/alerts/alert-cache";
import { alertQueueQuery } from "@/components/alerts/alert-queries";
import { drivingRoutes } from "@/components/dispatch/dispatch-format";
import { dispatchesQuery } from "@/components/dispatch/dispatch-queries";
import { openIncidentsQuery } from "@/components/incidents/incident-queries";
import type { LiveCityStore } from "@/components/live/live-city-store";
import type { TOperationsLayerInput } from "@/components/map/layers/build-operations-layers";
import type { TRouteLine } from "@/components/map/layers/route-layers";
import { activeCapWarningsQuery } from "@/components/cap/cap-warning-queries";
import { capWarningAreas } from "@/components/map/layers/cap-warning-layers";
import { useNowMinute } from "@/components/format/use-now";
import { unitsQuery } from "@/components/units/unit-queries";
import { unitsToDraw } from "@/components/units/units-to-draw";
import { zoneOutlines } from "@/components/map/layers/zone-layers";
import { zonesQuery } from "@/components/zones/zone-queries";
import { useDrawerUrl, type TDrawer } from "./use-drawer-url";

type TLonLat = [number, number];

/** The live map the unit markers are drawn on. */
type TMapContext = { store: LiveCityStore; index: TEntityIndex | null; unitsVisible: boolean };

const NO_ALERTS: TAlert[] = [];
const NO_INCIDENTS: TIncident[] = [];
const NO_ROUTES: TRouteLine[] = [];
const NO_OUTLINES: ReturnType<typeof zoneOutlines> = [];

/** The control room's alert, incident and unit state: queries, selection, and what the map draws for them. */
export function useOperationsView({ store, index, unitsVisible }: TMapContext) {
  const [filters, setFilters] = useState<TAlertFilters>({});
  const { drawer, setDrawer: setDrawerUrl, unitId: selectedUnitId, setUnitId: setSelectedUnitId } = useDrawerUrl();
  const [pin, setPin] = useState<TLonLat | null>(null);
  const [routePreview, setRoutePreview] = useState<{ incidentId: string; route: TRouteLine } | null>(null);

  // Unfiltered: the banner, escalations, zones and "related" look at every open alert whatever the filters.
  const allAlerts = useQuery(alertQueueQuery({})).data ?? NO_ALERTS;
  const incidentsQuery = useQuery(openIncidentsQuery());
  const incidents = incidentsQuery.data ?? NO_INCIDENTS;
  const units = useQuery(unitsQuery()).data;
  const capWarnings = useQuery(activeCapWarningsQuery()).data?.warnings;
  // Expiry is not pushed: each client drops a warning from the map once its time is up, checked once a minute
  // (not every second: this hook feeds the whole control room).
  const nowMinute = useNowMinute();
  const activeCapWarnings = useMemo(
    () => (capWarnings ?? []).filter((warning) => !warning.expires || nowMinute === null || Date.parse(warning.expires) > nowMinute),
    [capWarnings, nowMinute],
  );
  const capAreas = useMemo(() => capWarningAreas(activeCapWarnings), [activeCapWarnings]);
  const [zonesShown, setZonesShown] = useState(false);
  const zones = useQuery({ ...zonesQuery(), enabled: zonesShown }).data?.zones;
  const outlines = useMemo(() => (zonesShown && zones ? zoneOutlines(zones) : NO_OUTLINES), [zonesShown, zones]);

  // The queue is in compareAlerts' order, so its criticals are already newest first.
  const criticals = useMemo(() => allAlerts.filter(isUnacknowledgedCritical), [allAlerts]);
  const escalated = useMemo(() => allAlerts.filter((alert) => alert.escalated), [allAlerts]);

  const selectedAlert = drawer?.kind === "alert" ? (allAlerts.find((alert) => alert.id === drawer.id) ?? null) : null;
  const selectedIncidentId = drawer?.kind === "incident" ? drawer.id : null;
  const isPicking = drawer?.kind === "new-incident";

  const setDrawer = useCallback(
    (next: TDrawer) => {
      setDrawerUrl(next);
      setRoutePreview(null);
    },
    [setDrawerUrl],
  );
  const previewRoute = useCallback(
    (incidentId: string, route: TRouteLine | null) => setRoutePreview(route ? { incidentId, route } : null),
    [],
  );

  const dispatches = useQuery({ ...dispatchesQuery(selectedIncidentId ?? ""), enabled: selectedIncidentId !== null }).data;
  const activeRoutes = useMemo(
    () => (selectedIncidentId && dispatches ? drivingRoutes(dispatches) : NO_ROUTES),
    [selectedIncidentId, dispatches],
  );
  const preview = routePreview && routePreview.incidentId === selectedIncidentId ? routePreview.route : null;

  const statusById = useMemo(() => new Map(units?.units.map((unit) => [unit.id, unit.status])), [units]);
  const mapUnits = useMemo(() => (index ? unitsToDraw(index.entities.units, units?.units ?? [], index.stations) : null), [index, units]);

  const layers = useMemo<TOperationsLayerInput>(
    () => ({
      incidents,
      selectedIncidentId,
      capWarningAreas: capAreas,
      zoneOutlines: outlines,
      highlight: selectedAlert ? { location: selectedAlert.location, severity: selectedAlert.severity } : null,
      pin: isPicking ? pin : null,
      routes: { active: activeRoutes, preview },
      units:
        index && mapUnits
          ? { units: mapUnits, store, stationsById: index.stations, statusById, selectedId: selectedUnitId, visible: unitsVisible }
          : null,
    }),
    [
      incidents,
      selectedIncidentId,
      capAreas,
      outlines,
      selectedAlert,
      isPicking,
      pin,
      activeRoutes,
      preview,
      index,
      mapUnits,
      store,
      statusById,
      selectedUnitId,
      unitsVisible,
    ],
  );

  return {
    filters,
    setFilters,
    drawer,
    setDrawer,
    pin,
    setPin,
    allAlerts,
    incidents,
    /** Whether the open incidents are still loading or could not be read (the board says so rather than "none"). */
    incidentsState: { isPending: incidentsQuery.isPending, error: incidentsQuery.error, refetch: incidentsQuery.refetch },
    criticals,
    escalated,
    isPicking,
    selectedUnitId,
    setSelectedUnitId,
    previewRoute,
    layers,
    /** Other agencies' warnings still in force, for the map legend. */
    activeCapWarnings,
    /** Whether the zones' outlines are drawn (the layer panel's switch), and how many there are once loaded. */
    zoneOutlinesShown: { shown: zonesShown, setShown: setZonesShown, count: zones?.length ?? null },
  };
}
