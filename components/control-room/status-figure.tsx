import { cx } from "@/components/ui/class-names";
import styles from "./live-figures.module.css";

type TStatusFigureProps = {
  testId: string;
  state: string;
  isTrouble: boolean;
  headline: string;
  detail: string;
  title?: string;
};

/** A source's state at a glance, shaped like the other live figures: the state in words, a detail under it. */
export function StatusFigure({ testId, state, isTrouble, headline, detail, title }: TStatusFigureProps) {
  return (
    <div
      className={cx(styles.figure, isTrouble && styles.alert)}
      data-testid={testId}
      data-state={state}
      role="status"
      aria-live="polite"
      title={title || undefined}
      // Where the figures become a grid (narrow screens), a row of its own: its words need the width.
      style={{ gridColumn: "1 / -1" }}
    >
      <span className={styles.value}>{headline}</span>
      <span className={styles.label}>{detail}</span>
    </div>
  );
}
