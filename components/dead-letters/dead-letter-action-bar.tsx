"use client";

import { useId, useState } from "react";
import { DEAD_LETTER_NOTE_MAX_CHARS } from "@/lib/contracts/dead-letters";
import { errorMessage } from "@/components/api/request-json";
import { Button } from "@/components/ui/button";
import { FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { describeActionResult } from "./describe-action-result";
import { useDeadLetterActions } from "./use-dead-letter-actions";
import styles from "./dead-letter-action-bar.module.css";

type TDeadLetterActionBarProps = {
  selectedIds: readonly string[];
  /** After an action: the selection is cleared (the rows it named may have left the view). */
  onDone: () => void;
};

/** What to do with the selected letters: send them back to their source, or mark them handled with a note. */
export function DeadLetterActionBar({ selectedIds, onDone }: TDeadLetterActionBarProps) {
  const id = useId();
  const [note, setNote] = useState("");
  const [message, setMessage] = useState("");
  const { replay, handle } = useDeadLetterActions();
  const isBusy = replay.isPending || handle.isPending;
  const count = selectedIds.length;
  const error = replay.error ?? handle.error;

  return (
    <div className={styles.bar} data-testid="dead-letter-actions">
      <span className={styles.count}>{count === 0 ? "Select letters to act on them" : `${count} selected`}</span>
      <Button
        variant="primary"
        size="sm"
        disabled={count === 0 || isBusy}
        onClick={() =>
          replay.mutate([...selectedIds], {
            onSuccess: (result) => {
              setMessage(describeActionResult(result, "replayed"));
              onDone();
            },
          })
        }
      >
        {replay.isPending ? "Replaying…" : "Replay to source"}
      </Button>
      <div className={styles.handle}>
        <FieldLabel htmlFor={`${id}-note`} className="visually-hidden">
          Note for marking as handled (optional)
        </FieldLabel>
        <Input
          id={`${id}-note`}
          controlSize="sm"
          placeholder="Note (optional)"
          maxLength={DEAD_LETTER_NOTE_MAX_CHARS}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <Button
          size="sm"
          disabled={count === 0 || isBusy}
          onClick={() =>
            handle.mutate(
              { ids: [...selectedIds], note: note.trim() || undefined },
              {
                onSuccess: (result) => {
                  setMessage(describeActionResult(result, "handled"));
                  setNote("");
                  onDone();
                },
              },
            )
          }
        >
          {handle.isPending ? "Marking…" : "Mark as handled"}
        </Button>
      </div>
      <p className={styles.result} role="status" aria-live="polite" data-testid="dead-letter-action-result">
        {message}
      </p>
      <FormError>{error ? errorMessage(error) : ""}</FormError>
    </div>
  );
}
