import type { TOpen311ServiceRequest } from "@/lib/contracts/open311";
import type { TCitizenServiceCatalog } from "@/lib/domains/citizen-service-catalog";

/** What the status of a report is read from: its alert, and the incident that alert was promoted into. */
export type TReportSource = {
  id: string;
  serviceCode: string;
  description: string;
  address: string;
  lon: number;
  lat: number;
  mediaUrl: string | null;
  createdAt: Date;
  alert: {
    status: string;
    resolution: string | null;
    acknowledgedAt: Date | null;
    resolvedAt: Date | null;
    incident: { status: string; updatedAt: Date } | null;
  };
  /** The reason given when its incident was last resolved or closed, if any. */
  incidentClosingReason: string | null;
};

const CLOSED_INCIDENT_STATUSES = new Set(["resolved", "closed"]);
const DEFAULT_CLOSED_NOTE = "The city has dealt with this problem. Thank you for reporting it.";
const UUID_ANYWHERE = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * A report as GeoReport shows it to the public: closed once its alert is resolved or its incident resolved or
 * closed, with the operator's reason as the public note (their free text, with any internal id taken out;
 * never who wrote it), else a default text of where it stands. A service the city no longer offers reads as its code.
 */
export function toServiceRequest(report: TReportSource, services: TCitizenServiceCatalog): TOpen311ServiceRequest {
  const service = services.find(report.serviceCode);
  const { alert } = report;
  const incident = alert.incident;
  const isClosed = alert.status === "resolved" || (incident !== null && CLOSED_INCIDENT_STATUSES.has(incident.status));
  const reason = incident && CLOSED_INCIDENT_STATUSES.has(incident.status) ? report.incidentClosingReason : alert.resolution;
  const times = [report.createdAt, alert.acknowledgedAt, alert.resolvedAt, incident?.updatedAt].filter((t): t is Date => t instanceof Date);
  return {
    service_request_id: report.id,
    status: isClosed ? "closed" : "open",
    status_notes: isClosed ? publicNote(reason) : openNote(report),
    service_name: service?.name ?? report.serviceCode,
    service_code: report.serviceCode,
    description: report.description,
    agency_responsible: service?.agency ?? "City operations centre",
    service_notice: null,
    requested_datetime: report.createdAt.toISOString(),
    updated_datetime: new Date(Math.max(...times.map((t) => t.getTime()))).toISOString(),
    expected_datetime: null,
    address: report.address,
    address_id: null,
    zipcode: null,
    lat: report.lat,
    long: report.lon,
    media_url: report.mediaUrl,
  };
}

function publicNote(reason: string | null): string {
  const cleaned = reason?.replace(UUID_ANYWHERE, "").replace(/\s+/g, " ").trim();
  return cleaned ? cleaned : DEFAULT_CLOSED_NOTE;
}

function openNote({ alert }: TReportSource): string {
  const incidentStatus = alert.incident?.status;
  if (incidentStatus === "dispatched" || incidentStatus === "onScene") return "A crew is on its way or already there.";
  if (incidentStatus) return "The city is working on it.";
  if (alert.status === "acknowledged") return "An operator is looking at it.";
  return "Received; it is on the operators' map.";
}
