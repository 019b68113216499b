"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { cityPackUrl } from "@/lib/contracts/city-pack";
import type { TIncidentDetail } from "@/lib/contracts/incidents";
import { loadFailure } from "@/components/api/load-failure";
import { errorMessage } from "@/components/api/request-json";
import { SeverityChip } from "@/components/alerts/severity-chip";
import { cityConfigQuery } from "@/components/city/city-queries";
import { INCIDENT_TYPE_LABEL, PRIORITY_LABEL } from "@/components/incidents/incident-labels";
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
import { IncidentStatus } from "@/components/incidents/incident-status";
import { QueryState } from "@/components/ui/query-state";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { FieldError } from "@/components/ui/field";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import mapStyles from "./incident-location-map.module.css";
import styles from "./incident-history-detail.module.css";

// WebGL and maplibre touch `window` at import: browser only.
const IncidentLocationMap = dynamic(() => import("./incident-location-map").then((m) => m.IncidentLocationMap), { ssr: false });

/** /history/incidents/[id]: everything that happened on one incident, read-only. */
export function IncidentHistoryDetail({ incidentId }: { incidentId: string }) {
  const detail = useQuery(incidentDetailQuery(incidentId));
  const [backHref, setBackHref] = useState("/history");
  useEffect(() => setBackHref(historyReturnHref()), []);

  return (
    <Page data-testid="incident-detail" data-ready={detail.data ? "true" : "false"}>
      <Link className={styles.back} href={backHref}>
        ← Back to history
      </Link>
      {detail.data ? (
        <IncidentRecord incident={detail.data} />
      ) : detail.isError ? (
        <Card as="div" flush>
          <IncidentLoadFailure error={detail.error} onRetry={() => void detail.refetch()} />
        </Card>
      ) : (
        <Card as="div" flush>
          <QueryState state="loading" size="page">
            <p>Loading the incident…</p>
          </QueryState>
        </Card>
      )}
    </Page>
  );
}

/** Said once; "Try again" only when another attempt could succeed (never for a 404). */
function IncidentLoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const failure = loadFailure(error, "incident");
  return (
    <QueryState state="error" size="page" title={failure.title} detail={failure.detail}>
      {failure.canRetry && <Button onClick={onRetry}>Try again</Button>}
    </QueryState>
  );
}

function IncidentRecord({ incident }: { incident: TIncidentDetail }) {
  const milestones = useMemo(() => incidentMilestones(incident.createdAt, incident.timeline), [incident.createdAt, incident.timeline]);
  const dispatches = useQuery(incidentDispatchesQuery(incident.id));
  const config = useQuery(cityConfigQuery());
  const [nowMs] = useState(() => Date.now());

  return (
    <>
      <PageHead as="header" className={styles.head}>
        <div>
          <p className={styles.eyebrow}>{INCIDENT_TYPE_LABEL[incident.type]}</p>
          <PageTitle>{incident.number}</PageTitle>
          <PageSubtitle>{incident.description}</PageSubtitle>
        </div>
        <div className={styles.chips}>
          <PriorityChip priority={incident.priority}>{PRIORITY_LABEL[incident.priority]}</PriorityChip>
          <IncidentStatus status={incident.status} />
        </div>
      </PageHead>

      <Card as="div">
        <dl className={styles.facts}>
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
            <dd className={styles.coords}>
              {incident.location[1].toFixed(5)}, {incident.location[0].toFixed(5)}
            </dd>
          </div>
        </dl>
      </Card>

      <div className={styles.grid}>
        <div className={styles.column}>
          <Card aria-labelledby="milestones-title">
            <CardTitle id="milestones-title">Response</CardTitle>
            <CardSubtitle>Measured from creation; arrival from the first dispatch.</CardSubtitle>
            <MilestoneList milestones={milestones} />
          </Card>

          <Card className={styles.tableCard} aria-labelledby="units-title">
            <CardTitle className={styles.tableTitle} id="units-title">
              Units involved
            </CardTitle>
            {dispatches.data ? (
              <UnitsInvolved dispatches={dispatches.data.dispatches} nowMs={nowMs} />
            ) : dispatches.isError ? (
              <FieldError role="alert">The dispatch records could not be loaded: {errorMessage(dispatches.error)}</FieldError>
            ) : (
              <p className="muted" role="status">
                Loading dispatches…
              </p>
            )}
          </Card>

          <Card aria-labelledby="timeline-title">
            <CardTitle id="timeline-title">Timeline</CardTitle>
            <CardSubtitle>Every status change, dispatch, unit report and note, oldest first, with who and when (time of day).</CardSubtitle>
            <IncidentTimeline entries={incident.timeline} />
          </Card>
        </div>

        <aside className={styles.column}>
          <Card aria-labelledby="map-title">
            <CardTitle id="map-title">Location</CardTitle>
            {config.data ? (
              <IncidentLocationMap
                styleUrl={cityPackUrl(config.data.packId, "style.json")}
                attribution={config.data.manifest.attribution}
                location={incident.location}
                label={`Map of ${incident.address ?? "the incident location"} in zone ${incident.zone}`}
              />
            ) : (
              // The global names are what e2e and the screenshot script wait on.
              <div className={cx(mapStyles.map, mapStyles.empty, "incident-location-map", "incident-location-map--empty")}>
                {config.isError ? "Map unavailable" : "Loading map…"}
              </div>
            )}
          </Card>

          <Card aria-labelledby="alerts-title">
            <CardTitle id="alerts-title">Linked alerts</CardTitle>
            {incident.alerts.length === 0 ? (
              <p className="muted">None: this incident was opened by hand.</p>
            ) : (
              <ul className={styles.alerts}>
                {incident.alerts.map((alert) => (
                  <li key={alert.id} className={styles.alert}>
                    <div className={styles.alertHead}>
                      <SeverityChip severity={alert.severity} />
                      <span className={styles.alertRule}>{alert.ruleName}</span>
                    </div>
                    <p className={styles.alertMessage}>{alert.message}</p>
                    <p className={styles.alertMeta}>
                      <DateTime iso={alert.firstSeenAt} /> · {ALERT_STATUS_LABEL[alert.status]}
                      {alert.acknowledgedBy ? ` by ${alert.acknowledgedBy.name}` : ""} · {alert.zone}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </aside>
      </div>
    </>
  );
}
