"use client";

import { AlertSubject } from "./alert-subject";
import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TAlert } from "@/lib/contracts/alerts";
import { describeAlertStatus, formatAlertValue } from "./alert-labels";
import { alertItemQuery } from "./alert-queries";
import { AssignForm } from "./assign-form";
import { CitizenReportsSection } from "./citizen-reports-section";
import { CITIZEN_ALERT_RULE_PREFIX } from "@/lib/contracts/citizen-services";
import { PromoteForm } from "./promote-form";
import { SeverityChip } from "./severity-chip";
import { useAlertAction, type TActionOutcome } from "./use-alert-action";
import { NoteForm } from "@/components/ui/note-form";
import { LongText } from "@/components/ui/long-text";
import { errorMessage } from "@/components/api/request-json";
import { FormError } from "@/components/ui/form-error";
import { QueryState } from "@/components/ui/query-state";
import { formatAge } from "@/components/format/duration";
import { useNow } from "@/components/format/use-now";
import { Button, ButtonLink } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { formatClock } from "@/components/format/date-time";
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
import { SilencedChip, SilencedNote } from "./silenced-chip";
import { FlappingChip } from "./flapping-chip";
import { Field, FieldLabel } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { cx } from "@/components/ui/class-names";
import { Timeline, TimelineItem } from "@/components/incidents/timeline";
import { AlertDeliveriesSection } from "@/components/notifications/alert-deliveries-section";
import { AlertEscalationSection } from "@/components/on-call/alert-escalation-section";
import actionStyles from "./action-form.module.css";
import styles from "./alert-drawer.module.css";
import statusStyles from "./alert-status.module.css";

type TAlertDrawerProps = {
  alertId: string;
  /** The alert as the queue has it (no request then); the drawer follows its cache entry from then on. */
  seed: TAlert | undefined;
  user: TCurrentUser;
  onClose: () => void;
  onOpenIncident: (incidentId: string) => void;
};

type TForm = "none" | "promote" | "resolve";

function when(iso: string | null, now: number | null): string {
  if (!iso) return "—";
  const at = Date.parse(iso);
  const clock = formatClock(at, { withSeconds: false });
  return now === null ? clock : `${clock} (${formatAge(Math.max(0, now - at))})`;
}

export function AlertDrawer({ alertId, seed, user, onClose, onOpenIncident }: TAlertDrawerProps) {
  const item = useQuery(alertItemQuery(alertId, seed));
  if (item.data) return <AlertDrawerBody alert={item.data} user={user} onClose={onClose} onOpenIncident={onOpenIncident} />;
  return (
    <SideDrawer eyebrow="Alert" title="Alert" onClose={onClose} testId="alert-drawer" focusKey={alertId}>
      {item.isError ? (
        <FormError role="alert">{errorMessage(item.error)}</FormError>
      ) : (
        <QueryState state="loading">Loading alert…</QueryState>
      )}
    </SideDrawer>
  );
}

function AlertDrawerBody({ alert, user, onClose, onOpenIncident }: Omit<TAlertDrawerProps, "alertId" | "seed"> & { alert: TAlert }) {
  const now = useNow();
  const isCitizenReport = alert.ruleId.startsWith(CITIZEN_ALERT_RULE_PREFIX);
  const id = useId();
  const [outcome, setOutcome] = useState<TActionOutcome | null>(null);
  const [form, setForm] = useState<TForm>("none");
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const action = useAlertAction(alert, (next) => {
    setOutcome(next);
    if (next.tone === "ok") {
      setForm("none");
      setNote("");
      setReason("");
    }
  });
  const pending = action.isPending ? action.variables?.kind : undefined;
  const isResolved = alert.status === "resolved";
  const isMine = alert.assignedTo?.id === user.id;

  const resolve = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) action.mutate({ kind: "resolve", reason: reason.trim() });
  };

  return (
    <SideDrawer eyebrow="Alert" title={alert.ruleName} onClose={onClose} testId="alert-drawer" focusKey={alert.id}>
      <DrawerChips>
        <SeverityChip severity={alert.severity} />
        <span className={cx(statusStyles.status, statusStyles[alert.status])} data-testid="alert-drawer-status">
          {describeAlertStatus(alert)}
        </span>
        {alert.escalated && (
          <Chip appearance="tag" tone="hot">
            Escalated
          </Chip>
        )}
        {alert.silenced && <SilencedChip silence={alert.silenced} />}
        {alert.flapping && alert.flap && <FlappingChip flap={alert.flap} />}
      </DrawerChips>
      <DrawerLead>{alert.message}</DrawerLead>
      {alert.silenced && <SilencedNote silence={alert.silenced} />}

      <DrawerFeedback outcome={outcome} />

      {!isResolved && (
        <DrawerActions role="group" aria-label="Alert actions">
          {alert.status === "open" && (
            <Button
              variant="accent"
              disabled={action.isPending}
              onClick={() => action.mutate({ kind: "acknowledge" })}
              data-testid="alert-acknowledge"
            >
              {pending === "acknowledge" ? "Acknowledging…" : "Acknowledge"}
            </Button>
          )}
          {!isMine && (
            <Button disabled={action.isPending} onClick={() => action.mutate({ kind: "assign", userId: user.id })}>
              {pending === "assign" ? "Assigning…" : "Assign to me"}
            </Button>
          )}
          {!alert.incidentId && (
            <Button
              aria-expanded={form === "promote"}
              disabled={action.isPending}
              onClick={() => setForm(form === "promote" ? "none" : "promote")}
            >
              Promote to incident
            </Button>
          )}
          <Button
            aria-expanded={form === "resolve"}
            disabled={action.isPending}
            onClick={() => setForm(form === "resolve" ? "none" : "resolve")}
          >
            Resolve…
          </Button>
          <ButtonLink href={`/api/alerts/${encodeURIComponent(alert.id)}/cap`} download={`alert-${alert.id}.cap.xml`}>
            Download CAP
          </ButtonLink>
        </DrawerActions>
      )}

      {!isResolved && (
        <AssignForm
          user={user}
          assigneeId={alert.assignedTo?.id ?? null}
          isPending={pending === "assign"}
          disabled={action.isPending}
          onAssign={(userId) => action.mutate({ kind: "assign", userId })}
        />
      )}

      {form === "promote" && !isResolved && (
        <PromoteForm alert={alert} isPending={pending === "promote"} onSubmit={(a) => action.mutate(a)} onCancel={() => setForm("none")} />
      )}
      {form === "resolve" && !isResolved && (
        <form className={actionStyles.actionForm} onSubmit={resolve} aria-label="Resolve alert">
          <Field>
            <FieldLabel htmlFor={`${id}-reason`}>Reason for resolving</FieldLabel>
            <Textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={1000}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. Crew cleared the blockage"
            />
          </Field>
          <div className={actionStyles.buttons}>
            <Button type="submit" variant="danger" disabled={action.isPending || !reason.trim()}>
              {pending === "resolve" ? "Resolving…" : "Resolve alert"}
            </Button>
            <Button variant="ghost" onClick={() => setForm("none")}>
              Cancel
            </Button>
          </div>
        </form>
      )}

      <Facts>
        {isCitizenReport ? (
          <Fact label="Reported by">Citizens, through a city app</Fact>
        ) : (
          <Fact label="Entity">
            <AlertSubject alert={alert} />
          </Fact>
        )}
        <Fact label="Zone">{alert.zone}</Fact>
        {!isCitizenReport && (
          <Fact label="Value">
            {formatAlertValue(alert.value)} <span className="muted">(worst {formatAlertValue(alert.worstValue)})</span>
          </Fact>
        )}
        <Fact label={isCitizenReport ? "Reports" : "Readings"}>{alert.count}</Fact>
        <Fact label="First seen">{when(alert.firstSeenAt, now)}</Fact>
        <Fact label="Last seen">{when(alert.lastSeenAt, now)}</Fact>
        {alert.conditionClearedAt && <Fact label="Condition cleared">{when(alert.conditionClearedAt, now)}</Fact>}
        {alert.flap && (
          <Fact label="Flapping">
            {alert.flapping
              ? `${alert.flap.total} opens and clears so far; the condition is ${alert.flap.conditionActive ? "present" : "absent"} now`
              : `Stopped after ${alert.flap.total} opens and clears`}
          </Fact>
        )}
        <Fact label="Assigned to">{alert.assignedTo ? alert.assignedTo.name : "Nobody"}</Fact>
        {alert.incidentId && (
          <Fact label="Incident">
            <button type="button" className={styles.linkButton} onClick={() => onOpenIncident(alert.incidentId!)}>
              Open incident
            </button>
          </Fact>
        )}
        {alert.resolution && <Fact label="Resolution">{alert.resolution}</Fact>}
      </Facts>

      {isCitizenReport && <CitizenReportsSection alert={alert} titleId={`${id}-reports`} />}
      <AlertEscalationSection alertId={alert.id} titleId={`${id}-escalation`} />
      <AlertDeliveriesSection alertId={alert.id} titleId={`${id}-notified`} />

      <DrawerSection aria-labelledby={`${id}-notes`}>
        <DrawerSectionTitle id={`${id}-notes`}>Notes</DrawerSectionTitle>
        {alert.notes.length === 0 ? (
          <p className="muted">No notes yet.</p>
        ) : (
          <Timeline>
            {alert.notes.map((item) => (
              <TimelineItem key={item.id} meta={`${item.author.name} · ${when(item.at, now)}`}>
                <LongText text={item.text} />
              </TimelineItem>
            ))}
          </Timeline>
        )}
        <NoteForm
          idPrefix={id}
          value={note}
          onChange={setNote}
          onSubmit={(text) => action.mutate({ kind: "note", text })}
          isBusy={action.isPending}
          isAdding={pending === "note"}
        />
      </DrawerSection>
    </SideDrawer>
  );
}
