"use client";

import { formatCoordinates, usePlaceName } from "@/components/city/use-place-name";
import { AlertSubject } from "@/components/alerts/alert-subject";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident, TIncidentDetail } from "@/lib/contracts/incidents";
import { loadFailure } from "@/components/api/load-failure";
import { DispatchPanel } from "@/components/dispatch/dispatch-panel";
import type { TRouteLine } from "@/components/map/layers/route-layers";
import { SeverityChip } from "@/components/alerts/severity-chip";
import { INCIDENT_TYPE_LABEL, NEXT_INCIDENT_STATUS, NEXT_STATUS_ACTION, PRIORITY_LABEL } from "./incident-labels";
import { incidentDetailQuery } from "./incident-queries";
import { IncidentTimeline } from "./incident-timeline";
import { useIncidentAction, type TIncidentOutcome } from "./use-incident-action";
import { NoteForm } from "@/components/ui/note-form";
import { Button } from "@/components/ui/button";
import { PriorityChip } from "./priority-chip";
import { formatDateTime } from "@/components/format/date-time";
import {
  DrawerActions,
  DrawerChips,
  DrawerFeedback,
  DrawerLead,
  DrawerSection,
  DrawerSectionTitle,
  SideDrawer,
} from "@/components/ui/side-drawer";
import { Fact, Facts } from "@/components/ui/facts";
import { QueryState } from "@/components/ui/query-state";
import { Field, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { IncidentStatus } from "./incident-status";
import styles from "./incident-drawer.module.css";

type TIncidentDrawerProps = {
  incidentId: string;
  /** The list's copy, shown while the detail loads. */
  seed: TIncident | null;
  onClose: () => void;
  onSelectAlert: (alert: TAlert) => void;
  /** A recommended unit's route to preview on the map (null: none). */
  onPreviewRoute: (route: TRouteLine | null) => void;
};

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
        <IncidentLoadFailure error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <QueryState state="loading">Loading incident…</QueryState>
      )}
    </SideDrawer>
  );
}

/** Said once; "Try again" only when another attempt could succeed (never for a 404). */
function IncidentLoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const failure = loadFailure(error, "incident");
  return (
    <QueryState state="error" title={failure.title} detail={failure.detail} data-testid="incident-load-failure">
      {failure.canRetry && (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </QueryState>
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
      <DrawerChips>
        <PriorityChip priority={incident.priority}>{PRIORITY_LABEL[incident.priority]}</PriorityChip>
        <IncidentStatus status={incident.status} data-testid="incident-status" />
      </DrawerChips>
      <DrawerLead>{incident.description}</DrawerLead>
      <DrawerFeedback outcome={outcome} />

      {next && (
        <DrawerActions role="group" aria-label="Change status">
          <Button
            variant="accent"
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: "status", status: next })}
            data-testid="incident-next-status"
          >
            {pending?.kind === "status" && pending.status === next ? "Saving…" : NEXT_STATUS_ACTION[next]}
          </Button>
          {canResolveEarly && (
            <Button
              disabled={action.isPending || !reason.trim()}
              onClick={() => action.mutate({ kind: "status", status: "resolved", reason: reason.trim() })}
              title="Resolve now (needs a reason)"
            >
              Resolve now
            </Button>
          )}
        </DrawerActions>
      )}
      {canResolveEarly && (
        <Field>
          <FieldLabel htmlFor={`${id}-reason`}>Reason (to resolve now)</FieldLabel>
          <Input
            id={`${id}-reason`}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. False alarm"
          />
        </Field>
      )}

      <Facts>
        <Fact label="Location">
          {incident.address ? `${incident.address} · ` : ""}
          <IncidentPlace location={incident.location} />
        </Fact>
        <Fact label="Zone">{incident.zone}</Fact>
        <Fact label="Created">
          {formatDateTime(incident.createdAt)}
          {incident.createdBy ? ` by ${incident.createdBy.name}` : ""}
        </Fact>
      </Facts>

      <DispatchPanel incident={incident} onPreviewRoute={onPreviewRoute} />

      <DrawerSection aria-labelledby={`${id}-alerts`}>
        <DrawerSectionTitle id={`${id}-alerts`}>
          Linked alerts ({detail ? detail.alerts.length : incident.alertIds.length})
        </DrawerSectionTitle>
        {detail && detail.alerts.length > 0 ? (
          <ul className={styles.linkedAlerts}>
            {detail.alerts.map((alert) => (
              <li key={alert.id}>
                <button type="button" className={styles.linkedAlert} onClick={() => onSelectAlert(alert)}>
                  <SeverityChip severity={alert.severity} />
                  <span>
                    {alert.ruleName} · <AlertSubject alert={alert} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
      </DrawerSection>

      <DrawerSection aria-labelledby={`${id}-timeline`}>
        <DrawerSectionTitle id={`${id}-timeline`}>Timeline</DrawerSectionTitle>
        <NoteForm
          idPrefix={id}
          value={note}
          onChange={setNote}
          onSubmit={(text) => action.mutate({ kind: "note", text })}
          isBusy={action.isPending}
          isAdding={pending?.kind === "note"}
        />
        {detail ? <IncidentTimeline entries={[...detail.timeline].reverse()} /> : <p className="muted">Loading…</p>}
      </DrawerSection>
    </>
  );
}

/** The nearest street in words, the coordinates beside it for whoever needs them exactly. */
function IncidentPlace({ location }: { location: [number, number] }) {
  const place = usePlaceName(location);
  return (
    <>
      {place && <span>{place} · </span>}
      <code>{formatCoordinates(location)}</code>
    </>
  );
}
