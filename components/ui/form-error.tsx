import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./form-error.module.css";

/** A form's error message; keep it mounted (empty) so a new message is announced by its live region. */
export function FormError({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="form-error" className={cx(styles.formError, className)} {...props} />;
}
