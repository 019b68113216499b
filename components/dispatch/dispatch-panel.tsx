"use client";

import type { TIncident } from "@/lib/contracts/incidents";
import type { TRouteLine } from "@/components/map/layers/route-layers";
import { OPEN_INCIDENT_STATUSES } from "@/components/incidents/incident-queries";
import { AssignedUnits } from "./assigned-units";
import { RecommendedUnits } from "./recommended-units";
import { DrawerSection } from "@/components/ui/side-drawer";
import styles from "./dispatch-panel.module.css";

type TDispatchPanelProps = { incident: TIncident; onPreviewRoute: (route: TRouteLine | null) => void };

/** The incident drawer's dispatch section: what to send (while the incident is open) and who was sent. */
export function DispatchPanel({ incident, onPreviewRoute }: TDispatchPanelProps) {
  const isOpen = OPEN_INCIDENT_STATUSES.includes(incident.status);
  return (
    <DrawerSection className={styles.panel} aria-label="Dispatch" data-testid="dispatch-panel">
      {isOpen && <RecommendedUnits incident={incident} onPreviewRoute={onPreviewRoute} />}
      <AssignedUnits incidentId={incident.id} />
    </DrawerSection>
  );
}
