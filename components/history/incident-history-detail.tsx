"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { cityPackUrl } from "@/lib/contracts/city-pack";
import type { TIncidentDetail } from "@/lib/contracts/incidents";
import { ApiRequestError, errorMessage } from "@/components/api/request-json";
import { SeverityChip } from "@/components/alerts/severity-chip";
import { cityConfigQuery } from "@/components/city/city-queries";
import { INCIDENT_STATUS_LABEL, INCIDENT_TYPE_LABEL, PRIORITY_LABEL } from "@/components/incidents/incident-labels";
import { incidentDetailQuery } from "@/components/incidents/incident-queries";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { DateTime } from "./date-time";
import { historyReturnHref } from "./history-return";
import { ALERT_STATUS_LABEL } from "./history-labels";
import { incidentDispatchesQuery } from "./history-queries";
import { incidentMilestones } from "./incident-milestones";
import { MilestoneList } from "./milestone-list";
import { UnitsInvolved } from "./units-involved";
import { Button } from "@/components/ui/button";
import { PriorityChip } from "@/components/incidents/priority-chip";
import { QueryState } from "@/components/ui/query-state";
import { FieldError } from "@/components/ui/field";

// WebGL and maplibre touch `window` at import: browser only.
const IncidentLocationMap = dynamic(() => import("./incident-location-map").then((m) => m.IncidentLocationMap), { ssr: false });

/** /history/incidents/[id]: everything that happened on one incident, read-only. */
export function IncidentHistoryDetail({ incidentId }: { incidentId: string }) {
  const detail = useQuery(incidentDetailQuery(incidentId));
  const [backHref, setBackHref] = useState("/history");
  useEffect(() => setBackHref(historyReturnHref()), []);

  return (
    <div className="page incident-history" data-testid="incident-detail" data-ready={detail.data ? "true" : "false"}>
      <Link className="incident-history__back" href={backHref}>
        ← Back to history
      </Link>
      {detail.data ? (
        <IncidentRecord incident={detail.data} />
      ) : detail.isError ? (
        <QueryState state="error" size="page" className="card" title={detail.error instanceof ApiRequestError && detail.error.status === 404 ? "No such incident" : "The incident could not be loaded"} detail={errorMessage(detail.error)}>
          <Button onClick={() => void detail.refetch()}>
            Try again
          </Button>
        </QueryState>
      ) : (
        <QueryState state="loading" size="page" className="card">
          <p>Loading the incident…</p>
        </QueryState>
      )}
    </div>
  );
}

function IncidentRecord({ incident }: { incident: TIncidentDetail }) {
  const milestones = useMemo(() => incidentMilestones(incident.createdAt, incident.timeline), [incident.createdAt, incident.timeline]);
  const dispatches = useQuery(incidentDispatchesQuery(incident.id));
  const config = useQuery(cityConfigQuery());
  const [nowMs] = useState(() => Date.now());

  return (
    <>
      <header className="page__head incident-history__head">
        <div>
          <p className="incident-history__eyebrow">{INCIDENT_TYPE_LABEL[incident.type]}</p>
          <h1 className="page__title">{incident.number}</h1>
          <p className="page__subtitle">{incident.description}</p>
        </div>
        <div className="incident-history__chips">
          <PriorityChip priority={incident.priority}>{PRIORITY_LABEL[incident.priority]}</PriorityChip>
          <span className={`incident-status incident-status--${incident.status}`}>{INCIDENT_STATUS_LABEL[incident.status]}</span>
        </div>
      </header>

      <dl className="card incident-history__facts">
        <div>
          <dt>Created</dt>
          <dd>
            <DateTime iso={incident.createdAt} />
            {incident.createdBy && <span className="muted"> by {incident.createdBy.name}</span>}
          </dd>
        </div>
        <div>
          <dt>Zone</dt>
          <dd>{incident.zone}</dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd>{incident.address ?? <span className="muted">None given</span>}</dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd className="incident-history__coords">
            {incident.location[1].toFixed(5)}, {incident.location[0].toFixed(5)}
          </dd>
        </div>
      </dl>

      <div className="incident-history__grid">
        <div className="incident-history__main">
          <section className="card" aria-labelledby="milestones-title">
            <h2 className="card__title" id="milestones-title">
              Response
            </h2>
            <p className="card__subtitle">Measured from creation; arrival from the first dispatch.</p>
            <MilestoneList milestones={milestones} />
          </section>

          <section className="card card--table" aria-labelledby="units-title">
            <h2 className="card__title" id="units-title">
              Units involved
            </h2>
            {dispatches.data ? (
              <UnitsInvolved dispatches={dispatches.data.dispatches} nowMs={nowMs} />
            ) : dispatches.isError ? (
              <FieldError role="alert">
                The dispatch records could not be loaded: {errorMessage(dispatches.error)}
              </FieldError>
            ) : (
              <p className="muted" role="status">
                Loading dispatches…
              </p>
            )}
          </section>

          <section className="card" aria-labelledby="timeline-title">
            <h2 className="card__title" id="timeline-title">
              Timeline
            </h2>
            <p className="card__subtitle">Every status change, dispatch, unit report and note, oldest first, with who and when (time of day).</p>
            <IncidentTimeline entries={incident.timeline} />
          </section>
        </div>

        <aside className="incident-history__side">
          <section className="card incident-history__map-card" aria-labelledby="map-title">
            <h2 className="card__title" id="map-title">
              Location
            </h2>
            {config.data ? (
              <IncidentLocationMap
                styleUrl={cityPackUrl(config.data.packId, "style.json")}
                attribution={config.data.manifest.attribution}
                location={incident.location}
                label={`Map of ${incident.address ?? "the incident location"} in zone ${incident.zone}`}
              />
            ) : (
              <div className="incident-location-map incident-location-map--empty">{config.isError ? "Map unavailable" : "Loading map…"}</div>
            )}
          </section>

          <section className="card" aria-labelledby="alerts-title">
            <h2 className="card__title" id="alerts-title">
              Linked alerts
            </h2>
            {incident.alerts.length === 0 ? (
              <p className="muted">None: this incident was opened by hand.</p>
            ) : (
              <ul className="history-alerts">
                {incident.alerts.map((alert) => (
                  <li key={alert.id} className="history-alerts__item">
                    <div className="history-alerts__head">
                      <SeverityChip severity={alert.severity} />
                      <span className="history-alerts__rule">{alert.ruleName}</span>
                    </div>
                    <p className="history-alerts__message">{alert.message}</p>
                    <p className="history-alerts__meta">
                      <DateTime iso={alert.firstSeenAt} /> · {ALERT_STATUS_LABEL[alert.status]}
                      {alert.acknowledgedBy ? ` by ${alert.acknowledgedBy.name}` : ""} · {alert.zone}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
