import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";
import { FieldLabel } from "./field";
import styles from "./segmented.module.css";

/** radios: native radio buttons in a row (a form's either/or); pills: each option a pill over its hidden radio (filters). */
type TSegmentedAppearance = "radios" | "pills";
/** Pills only. sm: 30 px, on a raised panel; md: 34 px, on a card. */
type TSegmentedSize = "sm" | "md";

export type TSegmentedOption<T extends string> = { value: T; label: ReactNode };

type TSegmentedProps<T extends string> = Omit<ComponentProps<"fieldset">, "children" | "onChange"> & {
  legend: ReactNode;
  /** Shared by the radios; unique on the page (useId). */
  name: string;
  options: readonly TSegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  appearance?: TSegmentedAppearance;
  size?: TSegmentedSize;
};

/**
 * A one-of-few choice as a fieldset of real radios: the keyboard moves between them and the legend names
 * the group. Restyle for a screen through a className and [data-slot="segmented-legend" | "segmented-option"].
 */
export function Segmented<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  appearance = "radios",
  size = "md",
  className,
  ...props
}: TSegmentedProps<T>) {
  const isPills = appearance === "pills";
  return (
    <fieldset data-slot="segmented" {...props} className={cx(styles.segmented, !isPills && styles.radios, className)}>
      <FieldLabel as="legend" data-slot="segmented-legend" className={isPills ? styles.pillsLegend : styles.radiosLegend}>
        {legend}
      </FieldLabel>
      <div className={isPills ? styles.pillsOptions : styles.radiosOptions}>
        {options.map((option) => (
          <label
            key={option.value}
            data-slot="segmented-option"
            className={isPills ? cx(styles.pill, size === "sm" ? styles.pillSm : styles.pillMd) : styles.radio}
          >
            <input
              type="radio"
              className={isPills ? styles.pillInput : styles.radioInput}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span className={isPills ? styles.pillText : undefined}>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
