import { cx } from "@/components/ui/class-names";
import styles from "./sort-header.module.css";

type TSortHeaderProps = {
  label: string;
  /** How this column sorts now, or null when another column decides the order. */
  direction: "ascending" | "descending" | null;
  /** What a click does, for screen readers and the tooltip. */
  actionLabel: string;
  onSort: () => void;
};

/** A column header that sorts the table; aria-sort tells which column the rows are ordered by. */
export function SortHeader({ label, direction, actionLabel, onSort }: TSortHeaderProps) {
  return (
    <th scope="col" aria-sort={direction ?? undefined}>
      <button
        type="button"
        className={cx(styles.button, direction && styles.active)}
        onClick={onSort}
        title={actionLabel}
        aria-label={`${label}: ${actionLabel}`}
      >
        {label}
        <span className={styles.mark} aria-hidden="true">
          {direction === "descending" ? "↓" : direction === "ascending" ? "↑" : "↕"}
        </span>
      </button>
    </th>
  );
}
