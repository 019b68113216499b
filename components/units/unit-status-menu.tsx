"use client";

import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { TResponderUnit } from "@/lib/contracts/units";
import { useUnitAction, type TUnitOutcome } from "./use-unit-action";

type TUnitStatusMenuProps = { unit: TResponderUnit; onOutcome: (outcome: TUnitOutcome) => void };

/** The control room's two moves, from where the status flow allows them (server/dispatch/unit-transitions.ts). */
function offers(unit: TResponderUnit) {
  return {
    available: unit.status === "outOfService" || unit.status === "returning",
    outOfService: unit.status === "available" || unit.status === "returning",
  };
}

/**
 * A row's "Status…" disclosure: the operator's two status changes. A disclosure rather than an ARIA
 * menu, because the out-of-service choice needs a text field.
 */
export function UnitStatusMenu({ unit, onOutcome }: TUnitStatusMenuProps) {
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState("");
  const toggleRef = useRef<HTMLButtonElement>(null);
  const action = useUnitAction(unit, (outcome) => {
    onOutcome(outcome);
    if (outcome.tone === "ok") {
      setIsOpen(false);
      setReason("");
      toggleRef.current?.focus();
    }
  });
  const offer = offers(unit);
  const pending = action.isPending ? action.variables?.action : undefined;
  // An assigned unit's status is the crew's to report (or changes with the dispatch).
  const hasOffers = offer.available || offer.outOfService;

  const close = () => {
    setIsOpen(false);
    toggleRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    close();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim()) action.change({ action: "outOfService", reason: reason.trim() });
  };

  if (!hasOffers && !isOpen) return null;
  return (
    <div className="unit-menu">
      <button
        ref={toggleRef}
        type="button"
        className="button button--small button--ghost unit-menu__toggle"
        aria-expanded={isOpen}
        aria-controls={`${id}-panel`}
        aria-label={`Change status of ${unit.callSign}`}
        data-testid={`unit-status-menu-${unit.id}`}
        onClick={() => setIsOpen((open) => !open)}
      >
        Status…
      </button>
      {isOpen && (
        <div className="unit-menu__panel" id={`${id}-panel`} onKeyDown={onKeyDown}>
          {offer.available && (
            <button
              type="button"
              className="button button--small button--accent"
              disabled={action.isPending}
              onClick={() => action.change({ action: "available" })}
            >
              {pending === "available" ? "Saving…" : "Mark available"}
            </button>
          )}
          {offer.outOfService && (
            <form className="unit-menu__form" onSubmit={onSubmit}>
              <label className="field__label" htmlFor={`${id}-reason`}>
                Out of service — reason
              </label>
              <input
                id={`${id}-reason`}
                className="input input--compact"
                maxLength={2000}
                required
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                placeholder="e.g. Flat tyre"
              />
              <button type="submit" className="button button--small button--danger" disabled={action.isPending || !reason.trim()}>
                {pending === "outOfService" ? "Saving…" : "Mark out of service"}
              </button>
            </form>
          )}
          <button type="button" className="button button--small button--ghost" onClick={close}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
