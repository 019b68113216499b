"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { TAlert, TIncident } from "@/lib/contracts/incidents";
import { isUnacknowledgedCritical, type TAlertFilters } from "@/components/alerts/alert-cache";
import { alertQueueQuery } from "@/components/alerts/alert-queries";
import { openIncidentsQuery } from "@/components/incidents/incident-queries";
import type { TOperationsLayerInput } from "@/components/map/layers/build-operations-layers";

type TLonLat = [number, number];

/** What the side drawer shows: one alert, one incident, or the new-incident form. */
export type TDrawer = { kind: "alert"; alert: TAlert } | { kind: "incident"; id: string } | { kind: "new-incident" } | null;

const NO_ALERTS: TAlert[] = [];
const NO_INCIDENTS: TIncident[] = [];

/** The control room's alert and incident state: queries, selection, and what the map draws for them. */
export function useOperationsView() {
  const [filters, setFilters] = useState<TAlertFilters>({});
  const [drawer, setDrawer] = useState<TDrawer>(null);
  const [pin, setPin] = useState<TLonLat | null>(null);

  // Unfiltered: the banner, escalations, zones and "related" look at every open alert whatever the filters.
  const allAlerts = useQuery(alertQueueQuery({})).data ?? NO_ALERTS;
  const incidents = useQuery(openIncidentsQuery()).data ?? NO_INCIDENTS;

  const criticals = useMemo(
    () =>
      allAlerts
        .filter(isUnacknowledgedCritical)
        .sort((a, b) => Date.parse(b.firstSeenAt) - Date.parse(a.firstSeenAt)),
    [allAlerts],
  );
  const escalated = useMemo(() => allAlerts.filter((alert) => alert.escalated), [allAlerts]);

  const selectedAlert = drawer?.kind === "alert" ? drawer.alert : null;
  const selectedIncidentId = drawer?.kind === "incident" ? drawer.id : null;
  const isPicking = drawer?.kind === "new-incident";

  const layers = useMemo<TOperationsLayerInput>(
    () => ({
      incidents,
      selectedIncidentId,
      highlight: selectedAlert ? { location: selectedAlert.location, severity: selectedAlert.severity } : null,
      pin: isPicking ? pin : null,
    }),
    [incidents, selectedIncidentId, selectedAlert, isPicking, pin],
  );

  return { filters, setFilters, drawer, setDrawer, pin, setPin, allAlerts, incidents, criticals, escalated, isPicking, layers };
}
