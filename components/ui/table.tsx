import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./table.module.css";

/**
 * A data table; on phones each row becomes a card, so give every <td> a data-label. Wider than its card, it
 * scrolls sideways in its own region (reachable by keyboard) instead of being cut off.
 */
export function Table({ className, scrollLabel = "Table", ...props }: ComponentProps<"table"> & { scrollLabel?: string }) {
  return (
    <div className={styles.scroll} data-slot="table-scroll" role="region" aria-label={scrollLabel} tabIndex={0}>
      <table {...props} className={cx(styles.table, className)} />
    </div>
  );
}

/** The row under a table: how many are shown, and the paging buttons. */
export function TableFoot({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cx(styles.foot, className)} />;
}

export function TableCount({ className, ...props }: ComponentProps<"span">) {
  return <span {...props} className={cx(styles.count, className)} />;
}

/** The header of a last column of row buttons: named for screen readers, blank on screen. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}
