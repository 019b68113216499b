"use client";

import { useEffect, useId, useRef, type ComponentProps, type ReactNode } from "react";
import { cx } from "./class-names";
import { IconButton } from "./icon-button";
import styles from "./side-drawer.module.css";

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

  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger: a new subject in the same drawer takes focus again.
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
    <section className={styles.drawer} aria-labelledby={headingId} data-testid={testId}>
      <header className={styles.head}>
        <div className={styles.titles}>
          <span className={styles.eyebrow}>{eyebrow}</span>
          <h2 className={styles.title} id={headingId} ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
        </div>
        <IconButton className={styles.close} onClick={onClose} aria-label="Close">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
        </IconButton>
      </header>
      <div className={styles.body}>{children}</div>
    </section>
  );
}

/** The row of chips under a drawer's title. */
export function DrawerChips(props: ComponentProps<"div">) {
  return <div {...props} className={cx(styles.chips, props.className)} />;
}

export function DrawerLead(props: ComponentProps<"p">) {
  return <p {...props} className={cx(styles.lead, props.className)} />;
}

export function DrawerActions(props: ComponentProps<"div">) {
  return <div {...props} className={cx(styles.actions, props.className)} />;
}

/** A titled part of a drawer, ruled off from the one above. */
export function DrawerSection(props: ComponentProps<"section">) {
  return <section {...props} className={cx(styles.section, props.className)} />;
}

export function DrawerSectionTitle(props: ComponentProps<"h3">) {
  return <h3 {...props} className={cx(styles.sectionTitle, props.className)} />;
}

type TDrawerOutcome = { tone: "ok" | "error"; message: string };

/** The last action's outcome, announced politely; takes no room while there is none. */
export function DrawerFeedback({ outcome, testId = "drawer-feedback" }: { outcome: TDrawerOutcome | null; testId?: string }) {
  return (
    <div className={styles.feedback} role="status" aria-live="polite" data-testid={testId}>
      {outcome && <OutcomeMessage tone={outcome.tone}>{outcome.message}</OutcomeMessage>}
    </div>
  );
}

/** One action's outcome, green or red: inside a DrawerFeedback, or in a live region of its own. */
export function OutcomeMessage({ tone, className, ...props }: ComponentProps<"p"> & { tone: TDrawerOutcome["tone"] }) {
  return <p {...props} className={cx(styles.message, styles[tone], className)} />;
}
