import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./icon-button.module.css";

/** A 24 px button showing only an icon (close, clear); its name comes from aria-label. */
export function IconButton({ className, type = "button", ...props }: ComponentProps<"button"> & { "aria-label": string }) {
  return <button type={type} data-slot="icon-button" className={cx(styles.iconButton, className)} {...props} />;
}
