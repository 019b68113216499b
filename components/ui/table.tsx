import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./table.module.css";

/** A data table; on phones each row becomes a card, so give every <td> a data-label. */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return <table {...props} className={cx(styles.table, className)} />;
}

/** The row under a table: how many are shown, and the paging buttons. */
export function TableFoot({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cx(styles.foot, className)} />;
}

export function TableCount({ className, ...props }: ComponentProps<"span">) {
  return <span {...props} className={cx(styles.count, className)} />;
}
