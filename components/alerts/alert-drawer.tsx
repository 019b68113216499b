"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TAlert } from "@/lib/contracts/incidents";
import { formatAge } from "@/components/control-room/format";
import { LAYER_META } from "@/components/control-room/layer-meta";
import { Feedback, SideDrawer } from "@/components/control-room/side-drawer";
import { useNow } from "@/components/control-room/use-now";
import { describeAlertStatus, formatAlertValue } from "./alert-labels";
import { alertItemQuery } from "./alert-queries";
import { AssignForm } from "./assign-form";
import { PromoteForm } from "./promote-form";
import { SeverityChip } from "./severity-chip";
import { useAlertAction, type TActionOutcome } from "./use-alert-action";
import { NoteForm } from "@/components/control-room/note-form";

type TAlertDrawerProps = {
  /** The alert as it was when opened; the drawer follows its cache entry from then on. */
  seed: TAlert;
  user: TCurrentUser;
  onClose: () => void;
  onOpenIncident: (incidentId: string) => void;
};

type TForm = "none" | "promote" | "resolve";

function when(iso: string | null, now: number | null): string {
  if (!iso) return "—";
  const at = Date.parse(iso);
  const clock = new Date(at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return now === null ? clock : `${clock} (${formatAge(Math.max(0, now - at))})`;
}

export function AlertDrawer({ seed, user, onClose, onOpenIncident }: TAlertDrawerProps) {
  const { data: alert } = useQuery(alertItemQuery(seed));
  const now = useNow();
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
    <SideDrawer
      eyebrow="Alert"
      title={alert.ruleName}
      onClose={onClose}
      testId="alert-drawer"
      focusKey={alert.id}
    >
      <div className="drawer__chips">
        <SeverityChip severity={alert.severity} />
        <span className={`alert-status alert-status--${alert.status}`} data-testid="alert-drawer-status">
          {describeAlertStatus(alert)}
        </span>
        {alert.escalated && <span className="tag-pill tag-pill--escalated">Escalated</span>}
      </div>
      <p className="drawer__lead">{alert.message}</p>

      <Feedback outcome={outcome} />

      {!isResolved && (
        <div className="drawer__actions" role="group" aria-label="Alert actions">
          {alert.status === "open" && (
            <button
              type="button"
              className="button button--accent"
              disabled={action.isPending}
              onClick={() => action.mutate({ kind: "acknowledge" })}
              data-testid="alert-acknowledge"
            >
              {pending === "acknowledge" ? "Acknowledging…" : "Acknowledge"}
            </button>
          )}
          {!isMine && (
            <button
              type="button"
              className="button"
              disabled={action.isPending}
              onClick={() => action.mutate({ kind: "assign", userId: user.id })}
            >
              {pending === "assign" ? "Assigning…" : "Assign to me"}
            </button>
          )}
          {!alert.incidentId && (
            <button
              type="button"
              className="button"
              aria-expanded={form === "promote"}
              disabled={action.isPending}
              onClick={() => setForm(form === "promote" ? "none" : "promote")}
            >
              Promote to incident
            </button>
          )}
          <button
            type="button"
            className="button"
            aria-expanded={form === "resolve"}
            disabled={action.isPending}
            onClick={() => setForm(form === "resolve" ? "none" : "resolve")}
          >
            Resolve…
          </button>
          <a className="button" href={`/api/alerts/${encodeURIComponent(alert.id)}/cap`} download={`alert-${alert.id}.cap.xml`}>
            Download CAP
          </a>
        </div>
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
        <form className="action-form" onSubmit={resolve} aria-label="Resolve alert">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-reason`}>
              Reason for resolving
            </label>
            <textarea
              id={`${id}-reason`}
              className="input textarea"
              rows={2}
              maxLength={1000}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. Crew cleared the blockage"
            />
          </div>
          <div className="action-form__buttons">
            <button type="submit" className="button button--danger" disabled={action.isPending || !reason.trim()}>
              {pending === "resolve" ? "Resolving…" : "Resolve alert"}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setForm("none")}>
              Cancel
            </button>
          </div>
        </form>
      )}

      <dl className="facts">
        <div>
          <dt>Entity</dt>
          <dd>
            {LAYER_META[alert.domain].label} · <code>{alert.entityId}</code>
          </dd>
        </div>
        <div>
          <dt>Zone</dt>
          <dd>{alert.zone}</dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>
            {formatAlertValue(alert.value)} <span className="muted">(worst {formatAlertValue(alert.worstValue)})</span>
          </dd>
        </div>
        <div>
          <dt>Readings</dt>
          <dd>{alert.count}</dd>
        </div>
        <div>
          <dt>First seen</dt>
          <dd>{when(alert.firstSeenAt, now)}</dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd>{when(alert.lastSeenAt, now)}</dd>
        </div>
        {alert.conditionClearedAt && (
          <div>
            <dt>Condition cleared</dt>
            <dd>{when(alert.conditionClearedAt, now)}</dd>
          </div>
        )}
        <div>
          <dt>Assigned to</dt>
          <dd>{alert.assignedTo ? alert.assignedTo.name : "Nobody"}</dd>
        </div>
        {alert.incidentId && (
          <div>
            <dt>Incident</dt>
            <dd>
              <button type="button" className="link-button" onClick={() => onOpenIncident(alert.incidentId!)}>
                Open incident
              </button>
            </dd>
          </div>
        )}
        {alert.resolution && (
          <div>
            <dt>Resolution</dt>
            <dd>{alert.resolution}</dd>
          </div>
        )}
      </dl>

      <section className="drawer__section" aria-labelledby={`${id}-notes`}>
        <h3 className="drawer__section-title" id={`${id}-notes`}>
          Notes
        </h3>
        {alert.notes.length === 0 ? (
          <p className="muted">No notes yet.</p>
        ) : (
          <ol className="timeline">
            {alert.notes.map((item) => (
              <li key={item.id} className="timeline__item">
                <span className="timeline__meta">
                  {item.author.name} · {when(item.at, now)}
                </span>
                <span className="timeline__text">{item.text}</span>
              </li>
            ))}
          </ol>
        )}
        <NoteForm
          idPrefix={id}
          value={note}
          onChange={setNote}
          onSubmit={(text) => action.mutate({ kind: "note", text })}
          isBusy={action.isPending}
          isAdding={pending === "note"}
        />
      </section>
    </SideDrawer>
  );
}
