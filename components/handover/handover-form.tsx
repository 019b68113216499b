"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ZHandover, type THandover } from "@/lib/contracts/history";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { HandoverChecklist, checklistKeys } from "./handover-checklist";
import { handoverDraftQuery, handoverKeys } from "./handover-queries";
import { ShiftChanges, ShiftSpan } from "./handover-summary-view";

const NOTE_MAX = 10_000;

/**
 * The outgoing operator's handover: the shift's open items as a checklist to go through, and the note
 * (pre-filled from them) to edit and send. Refreshing the summary keeps a note that was already edited.
 */
export function HandoverForm() {
  const id = useId();
  const queryClient = useQueryClient();
  const draft = useQuery(handoverDraftQuery());
  const [editedNote, setEditedNote] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [feedback, setFeedback] = useState<TFeedback | null>(null);
  const note = editedNote ?? draft.data?.note ?? "";

  const send = useMutation({
    mutationFn: (body: { note: string; summary: NonNullable<typeof draft.data>["summary"] }) =>
      requestJson("/api/handover", ZHandover, { method: "POST", body }),
    onSuccess: (handover: THandover) => {
      queryClient.setQueryData<THandover[]>(handoverKeys.recent(), (list) => (list ? [handover, ...list] : list));
      void queryClient.invalidateQueries({ queryKey: handoverKeys.recent() });
      setEditedNote(null);
      setChecked(new Set());
      setFeedback({ tone: "ok", message: "Handover saved. The next shift sees it when they sign in." });
      // The next handover starts where this one ended.
      void draft.refetch();
    },
    onError: (error) => setFeedback({ tone: "error", message: errorMessage(error) }),
  });

  if (draft.isPending) {
    return (
      <section className="card empty-state" role="status">
        <span className="spinner" aria-hidden="true" />
        <p>Preparing the summary of your shift…</p>
      </section>
    );
  }
  if (draft.isError) {
    return (
      <section className="card empty-state" role="alert">
        <p className="empty-state__title">The shift summary could not be prepared</p>
        <p className="empty-state__detail">{errorMessage(draft.error)}</p>
        <button type="button" className="button" onClick={() => void draft.refetch()}>
          Try again
        </button>
      </section>
    );
  }

  const { summary } = draft.data;
  const keys = checklistKeys(summary);
  const done = keys.filter((key) => checked.has(key)).length;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!note.trim()) {
      setFeedback({ tone: "error", message: "Write a note for the next shift first." });
      return;
    }
    send.mutate({ note: note.trim(), summary });
  };

  return (
    <form className="card handover-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} data-testid="handover-form">
      <div className="handover-form__head">
        <div>
          <h2 className="card__title" id={`${id}-title`}>
            Write your handover
          </h2>
          <p className="card__subtitle">
            Your shift: <ShiftSpan summary={summary} />
          </p>
        </div>
        <button type="button" className="button button--ghost" onClick={() => void draft.refetch()} disabled={draft.isFetching}>
          {draft.isFetching ? "Refreshing…" : "Refresh summary"}
        </button>
      </div>

      <ShiftChanges changes={summary.changes} />

      <div className="handover-form__checklist">
        <p className="field__label">
          Go through what is still open ({done} of {keys.length} checked)
        </p>
        <HandoverChecklist
          summary={summary}
          checked={checked}
          onToggle={(key, isChecked) =>
            setChecked((current) => {
              const next = new Set(current);
              if (isChecked) next.add(key);
              else next.delete(key);
              return next;
            })
          }
        />
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          Note for the next shift
        </label>
        <textarea
          id={`${id}-note`}
          className="input textarea handover-form__note"
          value={note}
          onChange={(event) => setEditedNote(event.target.value)}
          maxLength={NOTE_MAX}
          rows={14}
          required
          aria-describedby={`${id}-note-hint`}
        />
        <span className="field__hint" id={`${id}-note-hint`}>
          Pre-filled from the summary; add what only you know. {editedNote !== null && "Refreshing the summary keeps your text."}
        </span>
      </div>

      <Feedback feedback={feedback} onDismiss={() => setFeedback(null)} />

      <div className="handover-form__actions">
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? "Saving…" : "Hand over"}
        </button>
        {editedNote !== null && (
          <button type="button" className="button button--ghost" onClick={() => setEditedNote(null)}>
            Start again from the summary
          </button>
        )}
      </div>
    </form>
  );
}
