import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";
import styles from "./inline-check.module.css";

type TInlineCheckProps = Omit<ComponentProps<"input">, "type" | "className" | "children"> & {
  children: ReactNode;
  /** The label's own placement in its container (e.g. a whole grid row). */
  className?: string;
};

/** A small checkbox with its words beside it, for a toolbar's on/off choice ("Mute alert sound", "Show silenced"). */
export function InlineCheck({ children, className, ...input }: TInlineCheckProps) {
  return (
    <label className={cx(styles.check, className)}>
      <input type="checkbox" {...input} />
      {children}
    </label>
  );
}
