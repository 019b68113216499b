"use client";

import { useEffect, useId, useRef, type ComponentProps, type ReactNode } from "react";
import { cx } from "./class-names";
import styles from "./dialog.module.css";

type TDialogProps = Omit<ComponentProps<"dialog">, "title"> & {
  eyebrow: string;
  title: ReactNode;
  /** Actions and the hint above them, ruled off below the content. */
  footer: ReactNode;
};

/**
 * A modal <dialog>, opened on mount: the page behind is inert, so focus stays inside; focus starts on
 * the heading. Whether Escape may close it is the caller's (onCancel).
 */
export function Dialog({ eyebrow, title, footer, children, className, ref, ...props }: TDialogProps) {
  const titleId = useId();
  const ownRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const dialog = ownRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    headingRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const setRefs = (element: HTMLDialogElement | null) => {
    ownRef.current = element;
    if (typeof ref === "function") ref(element);
    else if (ref) ref.current = element;
  };

  return (
    <dialog ref={setRefs} aria-labelledby={titleId} {...props} className={cx(styles.dialog, className)}>
      <div className={styles.body}>
        <p className={styles.eyebrow}>{eyebrow}</p>
        <h2 className={styles.title} id={titleId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        {children}
      </div>
      <div className={styles.foot}>{footer}</div>
    </dialog>
  );
}
