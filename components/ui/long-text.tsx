"use client";

import { useId, useState } from "react";
import styles from "./long-text.module.css";

/** Longer than this and the text starts folded to a few lines. */
const FOLD_AFTER_CHARS = 280;

/**
 * A note or message that may run to pages: folded to four lines with "Show all" when long, so one pasted report
 * does not push the rest of a timeline out of view. Always plain text (never HTML).
 */
export function LongText({ text }: { text: string }) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  if (text.length <= FOLD_AFTER_CHARS) return <span className={styles.text}>{text}</span>;
  return (
    <span className={styles.long}>
      <span id={id} className={isOpen ? styles.text : styles.folded}>
        {text}
      </span>
      <button type="button" className={styles.toggle} aria-expanded={isOpen} aria-controls={id} onClick={() => setOpen(!isOpen)}>
        {isOpen ? "Show less" : "Show all"}
      </button>
    </span>
  );
}
