"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState, type FormEvent } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { assignableUsersQuery } from "./assignable-users-query";
import { Button } from "@/components/ui/button";
import { FieldHint, FieldLabel } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import styles from "./assign-form.module.css";

type TAssignFormProps = {
  user: TCurrentUser;
  assigneeId: string | null;
  isPending: boolean;
  disabled: boolean;
  onAssign: (userId: string) => void;
};

/** Hands the alert to a colleague (or to oneself, listed first); the assign action carries the version. */
export function AssignForm({ user, assigneeId, isPending, disabled, onAssign }: TAssignFormProps) {
  const id = useId();
  const colleagues = useQuery(assignableUsersQuery());
  const options = useMemo(() => {
    const others = (colleagues.data ?? []).filter((c) => c.id !== user.id);
    return [{ id: user.id, name: user.name }, ...others];
  }, [colleagues.data, user.id, user.name]);
  const [picked, setPicked] = useState<string | null>(null);
  // Until someone picks, offer the first person who does not already hold the alert.
  const selected = picked ?? options.find((o) => o.id !== assigneeId)?.id ?? user.id;
  const isCurrent = selected === assigneeId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isCurrent) onAssign(selected);
  };

  return (
    <form className={styles.assignForm} onSubmit={submit} aria-label="Assign alert">
      <FieldLabel htmlFor={`${id}-assignee`}>Assign to</FieldLabel>
      <div className={styles.row}>
        <Select
          id={`${id}-assignee`}
          controlSize="sm"
          className={styles.select}
          value={selected}
          onChange={(e) => setPicked(e.target.value)}
          disabled={disabled}
          data-testid="alert-assignee"
        >
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id === user.id ? `${o.name} (me)` : o.name}
              {o.id === assigneeId ? " · assigned" : ""}
            </option>
          ))}
        </Select>
        <Button type="submit" disabled={disabled || isCurrent} data-testid="alert-assign">
          {isPending ? "Assigning…" : "Assign"}
        </Button>
      </div>
      {colleagues.isError && <FieldHint as="span">Colleagues could not be loaded; you can still assign it to yourself.</FieldHint>}
    </form>
  );
}
