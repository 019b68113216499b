"use client";

import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TRouteLine } from "@/components/map/layers/route-layers";
import { AlertDrawer } from "@/components/alerts/alert-drawer";
import { IncidentDrawer } from "@/components/incidents/incident-drawer";
import { NewIncidentForm } from "@/components/incidents/new-incident-form";
import type { TDrawer } from "./use-drawer-url";

type TControlRoomDrawerProps = {
  drawer: TDrawer;
  user: TCurrentUser;
  incidents: readonly TIncident[];
  /** The queue, to open an alert without a request when it is there. */
  alerts: readonly TAlert[];
  pin: [number, number] | null;
  onPinChange: (pin: [number, number] | null) => void;
  readMapCenter: () => [number, number] | null;
  onSelectAlert: (alert: TAlert) => void;
  onOpenIncident: (id: string) => void;
  onPreviewRoute: (route: TRouteLine | null) => void;
  onClose: () => void;
};

/** Whichever drawer is open beside the queue: an alert, an incident, or the phoned-in incident form. */
export function ControlRoomDrawer({
  drawer,
  user,
  incidents,
  alerts,
  pin,
  onPinChange,
  readMapCenter,
  onSelectAlert,
  onOpenIncident,
  onPreviewRoute,
  onClose,
}: TControlRoomDrawerProps) {
  if (drawer?.kind === "alert") {
    return (
      <AlertDrawer
        key={drawer.id}
        alertId={drawer.id}
        seed={alerts.find((alert) => alert.id === drawer.id)}
        user={user}
        onClose={onClose}
        onOpenIncident={onOpenIncident}
      />
    );
  }
  if (drawer?.kind === "incident") {
    return (
      <IncidentDrawer
        key={drawer.id}
        incidentId={drawer.id}
        seed={incidents.find((incident) => incident.id === drawer.id) ?? null}
        onClose={onClose}
        onSelectAlert={onSelectAlert}
        onPreviewRoute={onPreviewRoute}
      />
    );
  }
  if (drawer?.kind === "new-incident") {
    return (
      <NewIncidentForm
        location={pin}
        onLocationChange={onPinChange}
        readMapCenter={readMapCenter}
        onCreated={(incident) => onOpenIncident(incident.id)}
        onClose={onClose}
      />
    );
  }
  return null;
}
