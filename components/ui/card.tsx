import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./card.module.css";

/** A framed surface on a scrolling page (a form, a table, a chart); flush: no padding, the content runs to the edges. */
export function Card({
  as = "section",
  flush = false,
  className,
  ...props
}: ComponentProps<"form"> & { as?: "section" | "div" | "form" | "article"; flush?: boolean }) {
  // Form props are the section's plus the form's own (onSubmit, noValidate…), set only when it is a form.
  const Tag = as as "form";
  return <Tag data-slot="card" className={cx(styles.card, flush && styles.flush, className)} {...props} />;
}

export function CardTitle({ as = "h2", className, ...props }: ComponentProps<"h2"> & { as?: "h2" | "h3" }) {
  const Tag = as as "h2";
  return <Tag className={cx(styles.title, className)} {...props} />;
}

export function CardSubtitle({ className, ...props }: ComponentProps<"p">) {
  return <p data-slot="card-subtitle" className={cx(styles.subtitle, className)} {...props} />;
}
