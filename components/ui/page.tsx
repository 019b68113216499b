import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./page.module.css";

/** The content of a scrolling page (history, users, audit…): its head, then its cards, 20 px apart. */
export function Page({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx(styles.page, className)} {...props} />;
}

/** Title and subtitle on the left, a count or actions on the right; stacked on phones. */
export function PageHead({ as = "div", className, ...props }: ComponentProps<"div"> & { as?: "div" | "header" }) {
  const Tag = as as "div";
  return <Tag data-slot="page-head" className={cx(styles.head, className)} {...props} />;
}

export function PageTitle({ className, ...props }: ComponentProps<"h1">) {
  return <h1 className={cx(styles.title, className)} {...props} />;
}

export function PageSubtitle({ className, ...props }: ComponentProps<"p">) {
  return <p className={cx(styles.subtitle, className)} {...props} />;
}

export function PageCount({ className, ...props }: ComponentProps<"p">) {
  return <p className={cx(styles.count, className)} {...props} />;
}

/** Form fields or cards in a column, 14 px apart. */
export function Stack({ as = "div", className, ...props }: ComponentProps<"form"> & { as?: "div" | "form" }) {
  // Form props are the div's plus the form's own (onSubmit, noValidate…); a div simply has none of those set.
  const Tag = as as "form";
  return <Tag className={cx(styles.stack, className)} {...props} />;
}
