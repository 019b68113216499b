"use client";

import { useId, type FormEvent } from "react";
import { AUDIT_ACTIONS } from "@/lib/contracts/audit-actions";
import { hasAuditFilters, isoToLocalInput, localInputToIso, type TAuditFilters } from "./audit-filters";

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
        <div className="field">
          <label className="field__label" htmlFor={`${id}-action`}>
            Action
          </label>
          <input id={`${id}-action`} className="input" name="action" defaultValue={filters.action ?? ""} placeholder="e.g. user.created" list={`${id}-actions`} spellCheck={false} autoCapitalize="none" />
          <datalist id={`${id}-actions`}>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-actor`}>
            Actor email
          </label>
          <input id={`${id}-actor`} className="input" name="actor" type="text" inputMode="email" defaultValue={filters.actor ?? ""} placeholder="name@example.org" spellCheck={false} autoCapitalize="none" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-entity`}>
            Entity type
          </label>
          <input id={`${id}-entity`} className="input" name="entityType" defaultValue={filters.entityType ?? ""} placeholder="e.g. user" spellCheck={false} autoCapitalize="none" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-from`}>
            From
          </label>
          <input id={`${id}-from`} className="input" name="from" type="datetime-local" defaultValue={isoToLocalInput(filters.from)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-to`}>
            To
          </label>
          <input id={`${id}-to`} className="input" name="to" type="datetime-local" defaultValue={isoToLocalInput(filters.to)} />
        </div>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        {hasAuditFilters(filters) && (
          <button type="button" className="button button--ghost" onClick={() => onApply({})}>
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
