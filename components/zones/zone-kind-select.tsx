import type { ComponentProps } from "react";
import { Select } from "@/components/ui/input";
import { ZONE_KINDS, type TZoneKind } from "@/lib/contracts/zones";
import { ZONE_KIND_LABEL } from "./zone-kinds";

type TZoneKindSelectProps = Omit<ComponentProps<typeof Select>, "value" | "onChange" | "children"> & {
  value: TZoneKind;
  onChange: (kind: TZoneKind) => void;
};

/** The four kinds of zone, by their names on screen. */
export function ZoneKindSelect({ value, onChange, ...props }: TZoneKindSelectProps) {
  return (
    <Select {...props} value={value} onChange={(e) => onChange(e.target.value as TZoneKind)}>
      {ZONE_KINDS.map((k) => (
        <option key={k} value={k}>
          {ZONE_KIND_LABEL[k]}
        </option>
      ))}
    </Select>
  );
}
