import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./input.module.css";

/** md: 40 px, for forms; sm: 32 px, for filters, toolbars and rows. */
type TControlSize = "md" | "sm";

type TInputProps = ComponentProps<"input"> & { controlSize?: TControlSize };

/** A text-like input (text, number, date, search…); themes restyle it through [data-slot="input"]. */
export function Input({ controlSize = "md", className, ...props }: TInputProps) {
  return <input data-slot="input" className={cx(styles.input, controlSize === "sm" && styles.sm, className)} {...props} />;
}

/** responsive: sm on wider screens, full width and 40 px on phones (toolbars that wrap into a column there). */
type TSelectSize = TControlSize | "responsive";

/** The Select look for an element that is not a <select> (a <details> summary opening a list of checkboxes). */
export function selectClassName(controlSize: TSelectSize = "md", className?: string): string {
  return cx(styles.input, styles.select, controlSize !== "md" && styles.sm, controlSize === "responsive" && styles.responsive, className);
}

type TSelectProps = ComponentProps<"select"> & { controlSize?: TSelectSize };

/** A native <select> drawn like the inputs, with its own chevron. */
export function Select({ controlSize = "md", className, ...props }: TSelectProps) {
  return <select data-slot="select" className={selectClassName(controlSize, className)} {...props} />;
}

/** An input with a small button inside its right edge ("Show" on a password field). */
export function InputGroup({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx(styles.group, className)} {...props} />;
}

export function InputGroupButton({ className, type = "button", ...props }: ComponentProps<"button">) {
  return <button type={type} className={cx(styles.groupButton, className)} {...props} />;
}

/** A multi-line text field that grows by dragging its corner. */
export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea data-slot="input" className={cx(styles.input, styles.textarea, className)} {...props} />;
}
