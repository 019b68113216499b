import { INCIDENT_PRIORITIES, INCIDENT_TYPES } from "@/lib/contracts/incidents";
import { INCIDENT_TYPE_LABEL, PRIORITY_LABEL, type TIncidentPriority, type TIncidentType } from "./incident-labels";
import { Field, FieldLabel, FormRow } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

type TProps = {
  idPrefix: string;
  type: TIncidentType;
  priority: TIncidentPriority;
  onTypeChange: (type: TIncidentType) => void;
  onPriorityChange: (priority: TIncidentPriority) => void;
};

/** The type and priority selects shared by "New incident" and "Promote to incident". */
export function IncidentTypePriorityFields({ idPrefix, type, priority, onTypeChange, onPriorityChange }: TProps) {
  return (
    <FormRow>
      <Field>
        <FieldLabel htmlFor={`${idPrefix}-type`}>Type</FieldLabel>
        <Select id={`${idPrefix}-type`} value={type} onChange={(e) => onTypeChange(e.target.value as TIncidentType)}>
          {INCIDENT_TYPES.map((value) => (
            <option key={value} value={value}>
              {INCIDENT_TYPE_LABEL[value]}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <FieldLabel htmlFor={`${idPrefix}-priority`}>Priority</FieldLabel>
        <Select id={`${idPrefix}-priority`} value={priority} onChange={(e) => onPriorityChange(e.target.value as TIncidentPriority)}>
          {INCIDENT_PRIORITIES.map((value) => (
            <option key={value} value={value}>
              {PRIORITY_LABEL[value]}
            </option>
          ))}
        </Select>
      </Field>
    </FormRow>
  );
}
