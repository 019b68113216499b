import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./switch.module.css";

/** An on/off switch: a native checkbox with role="switch", so it keeps its keyboard and form behaviour. Name it with a <label htmlFor>. */
export function Switch({ className, ...props }: Omit<ComponentProps<"input">, "type" | "role">) {
  // biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox exposes its checked state itself; aria-checked would only duplicate it.
  return <input type="checkbox" role="switch" data-slot="switch" className={cx(styles.switch, className)} {...props} />;
}
