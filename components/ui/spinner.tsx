import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./spinner.module.css";

/** A turning ring; decorative (the text beside it says what is loading). inline: 14 px, inside a primary button. */
export function Spinner({ inline = false, className, ...props }: ComponentProps<"span"> & { inline?: boolean }) {
  return <span aria-hidden="true" className={cx(styles.spinner, inline && styles.inline, className)} {...props} />;
}
