import { INCIDENT_PRIORITIES, INCIDENT_TYPES } from "@/lib/contracts/incidents";
import { INCIDENT_TYPE_LABEL, PRIORITY_LABEL, type TIncidentPriority, type TIncidentType } from "./incident-labels";

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
    <div className="form-row">
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-type`}>
          Type
        </label>
        <select id={`${idPrefix}-type`} className="input select" value={type} onChange={(e) => onTypeChange(e.target.value as TIncidentType)}>
          {INCIDENT_TYPES.map((value) => (
            <option key={value} value={value}>
              {INCIDENT_TYPE_LABEL[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-priority`}>
          Priority
        </label>
        <select
          id={`${idPrefix}-priority`}
          className="input select"
          value={priority}
          onChange={(e) => onPriorityChange(e.target.value as TIncidentPriority)}
        >
          {INCIDENT_PRIORITIES.map((value) => (
            <option key={value} value={value}>
              {PRIORITY_LABEL[value]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
