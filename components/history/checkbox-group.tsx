import { FieldLabel } from "@/components/ui/field";

type TCheckboxGroupProps<T extends string> = {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  checked: readonly T[] | undefined;
};

/** A multi-select as a row of checkbox chips: every choice visible, none ticked means "any". */
export function CheckboxGroup<T extends string>({ legend, name, options, labels, checked }: TCheckboxGroupProps<T>) {
  return (
    <fieldset className="checkbox-group">
      <FieldLabel as="legend">{legend}</FieldLabel>
      <div className="checkbox-group__options">
        {options.map((value) => (
          <label key={value} className="checkbox-chip">
            <input type="checkbox" name={name} value={value} defaultChecked={checked?.includes(value) ?? false} />
            <span>{labels[value]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
