"use client";

import { useId, type SubmitEvent } from "react";
import { AUDIT_ACTIONS } from "@/lib/contracts/audit-actions";
import { hasAuditFilters, isoToLocalInput, localInputToIso, type TAuditFilters } from "./audit-filters";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import styles from "./audit-filter-form.module.css";

type TAuditFilterFormProps = {
  /** The filters in the URL; the form is remounted (keyed) when they change. */
  filters: TAuditFilters;
  onApply: (filters: TAuditFilters) => void;
};

export function AuditFilterForm({ filters, onApply }: TAuditFilterFormProps) {
  const id = useId();

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    // A submit event is always aimed at the form itself.
    const data = new FormData(event.target);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    onApply({
      action: text("action"),
      actor: text("actor"),
      entityType: text("entityType"),
      from: localInputToIso(String(data.get("from") ?? "")),
      to: localInputToIso(String(data.get("to") ?? "")),
    });
  };

  return (
    <Card
      as="form"
      className={styles.filters}
      onSubmit={onSubmit}
      role="search"
      aria-label="Filter the audit log"
      data-testid="audit-filters"
    >
      <div className={styles.grid}>
        <Field>
          <FieldLabel htmlFor={`${id}-action`}>Action</FieldLabel>
          <Input
            id={`${id}-action`}
            name="action"
            defaultValue={filters.action ?? ""}
            placeholder="e.g. user.created"
            list={`${id}-actions`}
            spellCheck={false}
            autoCapitalize="none"
          />
          <datalist id={`${id}-actions`}>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-actor`}>Actor email</FieldLabel>
          <Input
            id={`${id}-actor`}
            name="actor"
            type="text"
            inputMode="email"
            defaultValue={filters.actor ?? ""}
            placeholder="name@example.org"
            spellCheck={false}
            autoCapitalize="none"
          />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-entity`}>Entity type</FieldLabel>
          <Input
            id={`${id}-entity`}
            name="entityType"
            defaultValue={filters.entityType ?? ""}
            placeholder="e.g. user"
            spellCheck={false}
            autoCapitalize="none"
          />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-from`}>From</FieldLabel>
          <Input id={`${id}-from`} name="from" type="datetime-local" defaultValue={isoToLocalInput(filters.from)} />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-to`}>To</FieldLabel>
          <Input id={`${id}-to`} name="to" type="datetime-local" defaultValue={isoToLocalInput(filters.to)} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {hasAuditFilters(filters) && (
          <Button variant="ghost" onClick={() => onApply({})}>
            Clear
          </Button>
        )}
      </div>
    </Card>
  );
}
