"use client";

import { useId, useState, type FormEvent } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import { Button } from "@/components/ui/button";
import { Field, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { OutcomeMessage } from "@/components/ui/side-drawer";
import { useAlertGroupAction } from "./use-alert-group-action";
import type { TActionOutcome } from "./use-alert-action";
import actionStyles from "./action-form.module.css";
import styles from "./alert-group-bar.module.css";

type TAlertGroupBarProps = { groupId: string; members: readonly TAlert[] };

/** The selected alert's correlation group, above the queue: acknowledge or resolve all of it in one action. */
export function AlertGroupBar({ groupId, members }: TAlertGroupBarProps) {
  const id = useId();
  const [outcome, setOutcome] = useState<TActionOutcome | null>(null);
  const [isResolving, setIsResolving] = useState(false);
  const [reason, setReason] = useState("");
  const action = useAlertGroupAction(groupId, members, (next) => {
    setOutcome(next);
    if (next.tone === "ok") {
      setIsResolving(false);
      setReason("");
    }
  });
  const openCount = members.filter((a) => a.status === "open").length;
  const pending = action.isPending ? action.variables?.kind : undefined;

  const resolve = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) action.mutate({ kind: "resolve", reason: reason.trim() });
  };

  return (
    <section className={styles.bar} aria-label="Correlation group" data-testid="alert-group-bar">
      <p className={styles.title}>
        Group · {members.length} related alerts{openCount > 0 ? `, ${openCount} open` : ""}
      </p>
      <div className={actionStyles.buttons}>
        <Button
          size="sm"
          variant="accent"
          disabled={action.isPending || openCount === 0}
          onClick={() => action.mutate({ kind: "acknowledge" })}
          data-testid="group-acknowledge"
        >
          {pending === "acknowledge" ? "Acknowledging…" : `Acknowledge group (${openCount})`}
        </Button>
        <Button size="sm" aria-expanded={isResolving} disabled={action.isPending} onClick={() => setIsResolving(!isResolving)}>
          Resolve group…
        </Button>
      </div>
      {isResolving && (
        <form className={actionStyles.actionForm} onSubmit={resolve} aria-label="Resolve group">
          <Field>
            <FieldLabel htmlFor={`${id}-reason`}>Reason for resolving all {members.length}</FieldLabel>
            <Input
              id={`${id}-reason`}
              controlSize="sm"
              maxLength={1000}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. Substation back on line"
            />
          </Field>
          <div className={actionStyles.buttons}>
            <Button type="submit" size="sm" variant="danger" disabled={action.isPending || !reason.trim()}>
              {pending === "resolve" ? "Resolving…" : "Resolve group"}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setIsResolving(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite" data-testid="group-feedback">
        {outcome && <OutcomeMessage tone={outcome.tone}>{outcome.message}</OutcomeMessage>}
      </div>
    </section>
  );
}
