"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { RoleChip } from "@/components/nav/role-chip";

const CHECKED_AT = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/**
 * The field crew's home on a phone. Dispatch is not built yet: the page says so plainly
 * and keeps the layout the assignment card will use (big type, big targets, high contrast).
 */
export function FieldHome({ user }: { user: TCurrentUser }) {
  const router = useRouter();
  const [isChecking, startChecking] = useTransition();
  const [checkedAt, setCheckedAt] = useState<number | null>(null);

  const checkAgain = () =>
    startChecking(() => {
      router.refresh();
      setCheckedAt(Date.now());
    });

  return (
    <div className="field-home">
      <section className="field-home__crew" aria-label="Crew member">
        <p className="field-home__eyebrow">Crew member</p>
        <h1 className="field-home__name" data-testid="field-crew-name">
          {user.name}
        </h1>
        <RoleChip role={user.role} />
      </section>

      <section className="assignment assignment--empty" aria-labelledby="assignment-title" data-testid="field-assignment">
        <svg className="assignment__icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
          <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="2.5" opacity="0.35" />
          <path d="M24 12v13l8 5" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <h2 className="assignment__title" id="assignment-title">
          No assignment yet
        </h2>
        <p className="assignment__text">New assignments appear here.</p>
      </section>

      <div className="field-home__actions">
        <button type="button" className="button button--touch button--primary" onClick={checkAgain} disabled={isChecking}>
          {isChecking ? "Checking…" : "Check for assignments"}
        </button>
        <p className="field-home__checked" role="status" aria-live="polite">
          {checkedAt !== null && !isChecking ? `Checked at ${CHECKED_AT.format(checkedAt)} — nothing new.` : ""}
        </p>
      </div>
    </div>
  );
}
