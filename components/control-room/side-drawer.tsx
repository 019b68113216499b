"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type TSideDrawerProps = {
  eyebrow: string;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  /** Focus moves into the drawer when this changes (a different alert or incident opened). */
  focusKey: string;
};

/**
 * A non-modal panel beside the queue (a sheet on phones): the map stays usable, so no focus
 * trap; focus moves to the heading on open and Escape closes.
 */
export function SideDrawer({ eyebrow, title, onClose, children, testId, focusKey }: TSideDrawerProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [focusKey]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const target = event.target as HTMLElement | null;
      // Escape inside a form field clears/leaves the field first.
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      onClose();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  return (
    <section className="drawer" aria-labelledby={headingId} data-testid={testId}>
      <header className="drawer__head">
        <div className="drawer__titles">
          <span className="drawer__eyebrow">{eyebrow}</span>
          <h2 className="drawer__title" id={headingId} ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
        </div>
        <button type="button" className="icon-button drawer__close" onClick={onClose} aria-label="Close">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className="drawer__body">{children}</div>
    </section>
  );
}

export function Feedback({ outcome }: { outcome: { tone: "ok" | "error"; message: string } | null }) {
  return (
    <div className="drawer-feedback" role="status" aria-live="polite" data-testid="drawer-feedback">
      {outcome && <p className={`drawer-feedback__message drawer-feedback__message--${outcome.tone}`}>{outcome.message}</p>}
    </div>
  );
}
