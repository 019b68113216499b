import type { ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./field.module.css";

/** A label, its control, and optionally a hint and an error, stacked; a <label> itself when it wraps its control. */
export function Field({ as = "div", ...props }: ComponentProps<"div"> & { as?: "div" | "label" }) {
  const Tag = as as "div";
  return <Tag {...props} className={cx(styles.field, props.className)} />;
}

type TTextTag = "label" | "legend" | "span" | "p";
type TFieldTextProps = ComponentProps<"label"> & { as?: TTextTag };

function fieldText(className: string, defaultTag: TTextTag) {
  // biome-ignore lint/correctness/noComponentHookFactories: a factory of plain components (no hooks), made once at module load.
  return function FieldText({ as = defaultTag, ...props }: TFieldTextProps) {
    // One set of props for the four tags: htmlFor only ever comes with a label.
    const Tag = as as "label";
    return <Tag {...props} className={cx(className, props.className)} />;
  };
}

/** A <label> by default; a <legend> for a fieldset, a <span> or <p> for a label that names a group by id. */
export const FieldLabel = fieldText(styles.label, "label");
export const FieldHint = fieldText(styles.hint, "p");
export const FieldError = fieldText(styles.error, "p");

/** Two fields side by side; one above the other on phones unless they belong together (latitude, longitude). */
export function FormRow({ keepsColumnsOnPhones = false, ...props }: ComponentProps<"div"> & { keepsColumnsOnPhones?: boolean }) {
  return <div {...props} className={cx(styles.row, keepsColumnsOnPhones && styles.keepColumns, props.className)} />;
}
