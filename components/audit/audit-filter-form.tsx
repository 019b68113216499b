"use client";

import { useId, type FormEvent } from "react";
import { AUDIT_ACTIONS } from "@/lib/contracts/audit-actions";
import { hasAuditFilters, isoToLocalInput, localInputToIso, type TAuditFilters } from "./audit-filters";
import { Button } from "@/components/ui/button";
import { Field, FieldLabel } from "@/components/ui/field";

type TAuditFilterFormProps = {
  /** The filters in the URL; the form is remounted (keyed) when they change. */
  filters: TAuditFilters;
  onApply: (filters: TAuditFilters) => void;
};

export function AuditFilterForm({ filters, onApply }: TAuditFilterFormProps) {
  const id = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
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
    <form className="filters card" onSubmit={onSubmit} role="search" aria-label="Filter the audit log" data-testid="audit-filters">
      <div className="filters__grid">
        <Field>
          <FieldLabel htmlFor={`${id}-action`}>
            Action
          </FieldLabel>
          <input id={`${id}-action`} className="input" name="action" defaultValue={filters.action ?? ""} placeholder="e.g. user.created" list={`${id}-actions`} spellCheck={false} autoCapitalize="none" />
          <datalist id={`${id}-actions`}>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-actor`}>
            Actor email
          </FieldLabel>
          <input id={`${id}-actor`} className="input" name="actor" type="text" inputMode="email" defaultValue={filters.actor ?? ""} placeholder="name@example.org" spellCheck={false} autoCapitalize="none" />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-entity`}>
            Entity type
          </FieldLabel>
          <input id={`${id}-entity`} className="input" name="entityType" defaultValue={filters.entityType ?? ""} placeholder="e.g. user" spellCheck={false} autoCapitalize="none" />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-from`}>
            From
          </FieldLabel>
          <input id={`${id}-from`} className="input" name="from" type="datetime-local" defaultValue={isoToLocalInput(filters.from)} />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-to`}>
            To
          </FieldLabel>
          <input id={`${id}-to`} className="input" name="to" type="datetime-local" defaultValue={isoToLocalInput(filters.to)} />
        </Field>
      </div>
      <div className="filters__actions">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {hasAuditFilters(filters) && (
          <Button variant="ghost" onClick={() => onApply({})}>
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
