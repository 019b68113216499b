import type { ComponentProps, ReactNode } from "react";
import { cx } from "@/components/ui/class-names";
import styles from "./timeline.module.css";

/** A dated list down a rule: an incident's timeline, an alert's notes. */
export function Timeline({ className, ...props }: ComponentProps<"ol">) {
  return <ol className={cx(styles.timeline, className)} {...props} />;
}

type TTimelineItemProps = {
  /** Who and when. */
  meta: ReactNode;
  /** A status change: its text in the accent colour. */
  isHighlighted?: boolean;
  children: ReactNode;
};

export function TimelineItem({ meta, isHighlighted = false, children }: TTimelineItemProps) {
  return (
    <li className={cx(styles.item, isHighlighted && styles.highlighted)}>
      <span className={styles.meta}>{meta}</span>
      <span className={styles.text}>{children}</span>
    </li>
  );
}
