"use client";

import { useId, useState, type FormEvent } from "react";
import { CrewButton } from "./crew-button";
import styles from "./note-box.module.css";

const MAX_NOTE_LENGTH = 2000;

type TNoteBoxProps = { disabled: boolean; onSend: (text: string) => void };

/** A free-text report to the control room; queued like the status taps when offline. */
export function NoteBox({ disabled, onSend }: TNoteBoxProps) {
  const id = useId();
  const [text, setText] = useState("");
  const trimmed = text.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || disabled) return;
    onSend(trimmed);
    setText("");
  };

  return (
    <form className={styles.note} onSubmit={submit}>
      <label className={styles.label} htmlFor={id}>
        Note to the control room
      </label>
      <textarea
        id={id}
        className={styles.input}
        data-testid="field-note-input"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={text}
        disabled={disabled}
        placeholder={disabled ? "Notes can be sent while on a job" : "e.g. Road blocked at Main St, taking 5th"}
        onChange={(event) => setText(event.target.value)}
      />
      <CrewButton type="submit" variant="secondary" data-testid="field-note-submit" disabled={disabled || !trimmed}>
        Send note
      </CrewButton>
    </form>
  );
}
