"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { useId, useState, type FormEvent } from "react";
import { ZHandover, type THandover } from "@/lib/contracts/history";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { HandoverChecklist, checklistKeys } from "./handover-checklist";
import { handoverDraftQuery, handoverKeys } from "./handover-queries";
import { ShiftChanges, ShiftSpan } from "./handover-summary-view";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldHint, FieldLabel } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import styles from "./handover-form.module.css";

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

  const send = useGuardedMutation({
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
      <Card as="div" flush>
        <QueryState state="loading" size="page">
          <p>Preparing the summary of your shift…</p>
        </QueryState>
      </Card>
    );
  }
  if (draft.isError) {
    return (
      <Card as="div" flush>
        <QueryState state="error" size="page" title="The shift summary could not be prepared" detail={errorMessage(draft.error)}>
          <Button onClick={() => void draft.refetch()}>Try again</Button>
        </QueryState>
      </Card>
    );
  }

  const { summary } = draft.data;
  const keys = checklistKeys(summary);
  const done = keys.filter((key) => checked.has(key)).length;

  const onSubmit = (event: FormEvent<HTMLElement>) => {
    event.preventDefault();
    if (!note.trim()) {
      setFeedback({ tone: "error", message: "Write a note for the next shift first." });
      return;
    }
    send.mutate({ note: note.trim(), summary });
  };

  return (
    <Card as="form" className={styles.form} onSubmit={onSubmit} aria-labelledby={`${id}-title`} data-testid="handover-form">
      <div className={styles.head}>
        <div>
          <CardTitle id={`${id}-title`}>Write your handover</CardTitle>
          <CardSubtitle>
            Your shift: <ShiftSpan summary={summary} />
          </CardSubtitle>
        </div>
        <Button variant="ghost" onClick={() => void draft.refetch()} disabled={draft.isFetching}>
          {draft.isFetching ? "Refreshing…" : "Refresh summary"}
        </Button>
      </div>

      <ShiftChanges changes={summary.changes} />

      <div className={styles.checklist}>
        <FieldLabel as="p">
          Go through what is still open ({done} of {keys.length} checked)
        </FieldLabel>
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

      <Field>
        <FieldLabel htmlFor={`${id}-note`}>Note for the next shift</FieldLabel>
        <Textarea
          id={`${id}-note`}
          className={styles.note}
          value={note}
          onChange={(event) => setEditedNote(event.target.value)}
          maxLength={NOTE_MAX}
          rows={14}
          required
          aria-describedby={`${id}-note-hint`}
        />
        <FieldHint as="span" id={`${id}-note-hint`}>
          Pre-filled from the summary; add what only you know. {editedNote !== null && "Refreshing the summary keeps your text."}
        </FieldHint>
      </Field>

      <Feedback feedback={feedback} onDismiss={() => setFeedback(null)} />

      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={send.isPending}>
          {send.isPending ? "Saving…" : "Hand over"}
        </Button>
        {editedNote !== null && (
          <Button variant="ghost" onClick={() => setEditedNote(null)}>
            Start again from the summary
          </Button>
        )}
      </div>
    </Card>
  );
}
