"use client";

import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { TResponderUnit } from "@/lib/contracts/units";
import { useUnitAction, type TUnitOutcome } from "./use-unit-action";
import { Button } from "@/components/ui/button";
import { FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import styles from "./unit-status-menu.module.css";

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
    <div className={styles.menu}>
      <Button
        ref={toggleRef}
        variant="ghost"
        size="sm"
        className={styles.toggle}
        aria-expanded={isOpen}
        aria-controls={`${id}-panel`}
        aria-label={`Change status of ${unit.callSign}`}
        data-testid={`unit-status-menu-${unit.id}`}
        onClick={() => setIsOpen((open) => !open)}
      >
        Status…
      </Button>
      {isOpen && (
        <div className={styles.panel} id={`${id}-panel`} role="group" aria-label={`Statuses for ${unit.callSign}`} onKeyDown={onKeyDown}>
          {offer.available && (
            <Button variant="accent" size="sm" disabled={action.isPending} onClick={() => action.change({ action: "available" })}>
              {pending === "available" ? "Saving…" : "Mark available"}
            </Button>
          )}
          {offer.outOfService && (
            <form className={styles.form} onSubmit={onSubmit}>
              <FieldLabel htmlFor={`${id}-reason`}>Out of service — reason</FieldLabel>
              <Input
                id={`${id}-reason`}
                controlSize="sm"
                maxLength={2000}
                required
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                placeholder="e.g. Flat tyre"
              />
              <Button type="submit" variant="danger" size="sm" disabled={action.isPending || !reason.trim()}>
                {pending === "outOfService" ? "Saving…" : "Mark out of service"}
              </Button>
            </form>
          )}
          <Button variant="ghost" size="sm" onClick={close}>
            Cancel
          </Button>
        </div>
      )}
    </div>
  );
}
