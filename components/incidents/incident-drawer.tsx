"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { TAlert, TIncident, TIncidentDetail } from "@/lib/contracts/incidents";
import { errorMessage } from "@/components/api/request-json";
import { DispatchPanel } from "@/components/dispatch/dispatch-panel";
import type { TRouteLine } from "@/components/map/layers/route-layers";
import { SeverityChip } from "@/components/alerts/severity-chip";
import { Feedback, SideDrawer } from "@/components/control-room/side-drawer";
import { INCIDENT_STATUS_LABEL, INCIDENT_TYPE_LABEL, NEXT_INCIDENT_STATUS, NEXT_STATUS_ACTION, PRIORITY_LABEL } from "./incident-labels";
import { incidentDetailQuery } from "./incident-queries";
import { IncidentTimeline } from "./incident-timeline";
import { useIncidentAction, type TIncidentOutcome } from "./use-incident-action";
import { NoteForm } from "@/components/control-room/note-form";

type TIncidentDrawerProps = {
  incidentId: string;
  /** The list's copy, shown while the detail loads. */
  seed: TIncident | null;
  onClose: () => void;
  onSelectAlert: (alert: TAlert) => void;
  /** A recommended unit's route to preview on the map (null: none). */
  onPreviewRoute: (route: TRouteLine | null) => void;
};

function formatLocation([lon, lat]: readonly [number, number]): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

export function IncidentDrawer({ incidentId, seed, onClose, onSelectAlert, onPreviewRoute }: TIncidentDrawerProps) {
  const detail = useQuery(incidentDetailQuery(incidentId));
  const incident = detail.data ?? seed;
  return (
    <SideDrawer
      eyebrow="Incident"
      title={incident ? `${incident.number} · ${INCIDENT_TYPE_LABEL[incident.type]}` : "Incident"}
      onClose={onClose}
      testId="incident-drawer"
      focusKey={incidentId}
    >
      {incident ? (
        <IncidentBody
          key={incident.id}
          incident={incident}
          detail={detail.data ?? null}
          onSelectAlert={onSelectAlert}
          onPreviewRoute={onPreviewRoute}
        />
      ) : detail.isError ? (
        <p className="form-error" role="alert">
          The incident could not be loaded: {errorMessage(detail.error)}
        </p>
      ) : (
        <p className="queue-state" role="status">
          <span className="spinner" aria-hidden="true" /> Loading incident…
        </p>
      )}
    </SideDrawer>
  );
}

function IncidentBody({
  incident,
  detail,
  onSelectAlert,
  onPreviewRoute,
}: {
  incident: TIncident;
  detail: Pick<TIncidentDetail, "timeline" | "alerts"> | null;
  onSelectAlert: (alert: TAlert) => void;
  onPreviewRoute: (route: TRouteLine | null) => void;
}) {
  const id = useId();
  const [outcome, setOutcome] = useState<TIncidentOutcome | null>(null);
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const action = useIncidentAction(incident, (next) => {
    setOutcome(next);
    if (next.tone === "ok") {
      setNote("");
      setReason("");
    }
  });
  const next = NEXT_INCIDENT_STATUS[incident.status];
  const pending = action.isPending ? action.variables : undefined;
  // Handled without (further) dispatch: the server allows resolving from these two early.
  const canResolveEarly = incident.status === "acknowledged" || incident.status === "dispatched";

  return (
    <>
      <div className="drawer__chips">
        <span className={`priority-chip priority-chip--${incident.priority}`}>{PRIORITY_LABEL[incident.priority]}</span>
        <span className={`incident-status incident-status--${incident.status}`} data-testid="incident-status">
          {INCIDENT_STATUS_LABEL[incident.status]}
        </span>
      </div>
      <p className="drawer__lead">{incident.description}</p>
      <Feedback outcome={outcome} />

      {next && (
        <div className="drawer__actions" role="group" aria-label="Change status">
          <button
            type="button"
            className="button button--accent"
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: "status", status: next })}
            data-testid="incident-next-status"
          >
            {pending?.kind === "status" && pending.status === next ? "Saving…" : NEXT_STATUS_ACTION[next]}
          </button>
          {canResolveEarly && (
            <button
              type="button"
              className="button"
              disabled={action.isPending || !reason.trim()}
              onClick={() => action.mutate({ kind: "status", status: "resolved", reason: reason.trim() })}
              title="Resolve now (needs a reason)"
            >
              Resolve now
            </button>
          )}
        </div>
      )}
      {canResolveEarly && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            Reason (to resolve now)
          </label>
          <input
            id={`${id}-reason`}
            className="input"
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. False alarm"
          />
        </div>
      )}

      <dl className="facts">
        <div>
          <dt>Location</dt>
          <dd>
            {incident.address ? `${incident.address} · ` : ""}
            <code>{formatLocation(incident.location)}</code>
          </dd>
        </div>
        <div>
          <dt>Zone</dt>
          <dd>{incident.zone}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            {new Date(incident.createdAt).toLocaleString("en-GB")}
            {incident.createdBy ? ` by ${incident.createdBy.name}` : ""}
          </dd>
        </div>
      </dl>

      <DispatchPanel incident={incident} onPreviewRoute={onPreviewRoute} />

      <section className="drawer__section" aria-labelledby={`${id}-alerts`}>
        <h3 className="drawer__section-title" id={`${id}-alerts`}>
          Linked alerts ({detail ? detail.alerts.length : incident.alertIds.length})
        </h3>
        {detail && detail.alerts.length > 0 ? (
          <ul className="linked-alerts">
            {detail.alerts.map((alert) => (
              <li key={alert.id}>
                <button type="button" className="linked-alert" onClick={() => onSelectAlert(alert)}>
                  <SeverityChip severity={alert.severity} />
                  <span>
                    {alert.ruleName} · {alert.entityId}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>

      <section className="drawer__section" aria-labelledby={`${id}-timeline`}>
        <h3 className="drawer__section-title" id={`${id}-timeline`}>
          Timeline
        </h3>
        <NoteForm
          idPrefix={id}
          value={note}
          onChange={setNote}
          onSubmit={(text) => action.mutate({ kind: "note", text })}
          isBusy={action.isPending}
          isAdding={pending?.kind === "note"}
        />
        {detail ? <IncidentTimeline entries={[...detail.timeline].reverse()} /> : <p className="muted">Loading…</p>}
      </section>
    </>
  );
}
