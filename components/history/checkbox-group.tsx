import { FieldLabel } from "@/components/ui/field";
import styles from "./checkbox-group.module.css";

type TCheckboxGroupProps<T extends string> = {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  checked: readonly T[] | undefined;
};

/** A multi-select as a row of checkbox chips: every choice visible, none ticked means "any". */
export function CheckboxGroup<T extends string>({ legend, name, options, labels, checked }: TCheckboxGroupProps<T>) {
  return (
    <fieldset className={styles.group}>
      <FieldLabel as="legend">{legend}</FieldLabel>
      <div className={styles.options}>
        {options.map((value) => (
          <label key={value} className={styles.chip}>
            <input type="checkbox" name={name} value={value} defaultChecked={checked?.includes(value) ?? false} />
            <span>{labels[value]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
