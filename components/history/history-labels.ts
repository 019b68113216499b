import type { z } from "zod";
import { INCIDENT_PRIORITIES } from "@/lib/contracts/incidents";
import type { ZAlertStatus } from "@/lib/contracts/alerts";
import type { TIncidentPriority } from "@/components/incidents/incident-labels";

type TAlertStatus = z.infer<typeof ZAlertStatus>;

export const ALERT_STATUS_LABEL: Record<TAlertStatus, string> = { open: "Open", acknowledged: "Acknowledged", resolved: "Resolved" };

/** The short form for filter chips: "P1". */
export const PRIORITY_SHORT = Object.fromEntries(INCIDENT_PRIORITIES.map((p) => [p, p])) as Record<TIncidentPriority, string>;
