import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import styles from "./note-form.module.css";

type TProps = {
  idPrefix: string;
  value: string;
  onChange: (value: string) => void;
  /** Called with the trimmed text; never with an empty note. */
  onSubmit: (text: string) => void;
  /** Any action of the drawer is in flight. */
  isBusy: boolean;
  /** This note is being added. */
  isAdding: boolean;
};

/** The "Add a note" box of the alert and incident drawers. The drawer owns the text so it can clear it on success. */
export function NoteForm({ idPrefix, value, onChange, onSubmit, isBusy, isAdding }: TProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <form className={styles.noteForm} onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`${idPrefix}-note`}>
        Add a note
      </label>
      <Textarea
        id={`${idPrefix}-note`}
        rows={2}
        maxLength={4000}
        placeholder="Add a note…"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <Button type="submit" size="sm" disabled={isBusy || !value.trim()}>
        {isAdding ? "Adding…" : "Add note"}
      </Button>
    </form>
  );
}
