import { cx } from "@/components/ui/class-names";
import styles from "./live-figures.module.css";

type TStatusFigureProps = {
  testId: string;
  state: string;
  isTrouble: boolean;
  headline: string;
  detail: string;
  title?: string;
  /** The detail changes every second (an age): its width is held so the links beside the figures stay put. */
  hasTickingDetail?: boolean;
};

/** A source's state at a glance, shaped like the other live figures: the state in words, a detail under it. */
export function StatusFigure({ testId, state, isTrouble, headline, detail, title, hasTickingDetail = false }: TStatusFigureProps) {
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
      <span className={cx(styles.label, hasTickingDetail && styles.tickingDetail)}>{detail}</span>
    </div>
  );
}
