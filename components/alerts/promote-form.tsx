"use client";

import { cityConfigQuery } from "@/components/city/city-queries";
import { runCardOfRule } from "@/lib/domains/run-card-of-rule";
import { BUILTIN_DOMAINS } from "@/lib/domains/builtin-domains";
import { isBuiltinLayer } from "@/lib/contracts/layers";
import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import { openIncidentsQuery } from "@/components/incidents/incident-queries";
import { INCIDENT_TYPE_LABEL, type TIncidentPriority, type TIncidentType } from "@/components/incidents/incident-labels";
import { IncidentTypePriorityFields } from "@/components/incidents/incident-type-priority-fields";
import type { TAlertAction } from "./use-alert-action";
import { Button } from "@/components/ui/button";
import { Field, FieldHint, FieldLabel } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { Segmented, type TSegmentedOption } from "@/components/ui/segmented";
import actionStyles from "./action-form.module.css";

const PROMOTE_MODES = [
  { value: "new", label: "New incident" },
  { value: "existing", label: "Existing incident" },
] as const satisfies readonly TSegmentedOption<"new" | "existing">[];

type TPromoteFormProps = {
  alert: TAlert;
  isPending: boolean;
  onSubmit: (action: Extract<TAlertAction, { kind: "promote" }>) => void;
  onCancel: () => void;
};

export function PromoteForm({ alert, isPending, onSubmit, onCancel }: TPromoteFormProps) {
  const id = useId();
  const [mode, setMode] = useState<"new" | "existing">("new");
  const domains = useQuery(cityConfigQuery()).data?.domains;
  const [type, setType] = useState<TIncidentType>(
    () =>
      runCardOfRule(domains, alert.ruleId)?.incidentType ??
      (isBuiltinLayer(alert.domain) ? BUILTIN_DOMAINS[alert.domain].incidentType : "other"),
  );
  const [priority, setPriority] = useState<TIncidentPriority>(
    alert.severity === "critical" ? "P1" : alert.severity === "major" ? "P2" : "P3",
  );
  const [description, setDescription] = useState(alert.message);
  const [incidentId, setIncidentId] = useState("");
  const incidents = useQuery(openIncidentsQuery());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === "existing") {
      if (incidentId) onSubmit({ kind: "promote", incidentId });
      return;
    }
    onSubmit({ kind: "promote", incident: { type, priority, description: description.trim() || alert.message } });
  };

  return (
    <form className={actionStyles.actionForm} onSubmit={submit} aria-label="Promote to incident">
      <Segmented legend="Promote to" name={`${id}-mode`} options={PROMOTE_MODES} value={mode} onChange={setMode} />
      {mode === "new" ? (
        <>
          <IncidentTypePriorityFields idPrefix={id} type={type} priority={priority} onTypeChange={setType} onPriorityChange={setPriority} />
          <Field>
            <FieldLabel htmlFor={`${id}-description`}>Description</FieldLabel>
            <Textarea
              id={`${id}-description`}
              rows={3}
              maxLength={4000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </Field>
        </>
      ) : (
        <Field>
          <FieldLabel htmlFor={`${id}-incident`}>Open incident</FieldLabel>
          <Select id={`${id}-incident`} value={incidentId} onChange={(e) => setIncidentId(e.target.value)} required>
            <option value="">{incidents.isPending ? "Loading…" : "Choose an incident"}</option>
            {(incidents.data ?? []).map((incident) => (
              <option key={incident.id} value={incident.id}>
                {incident.number} · {INCIDENT_TYPE_LABEL[incident.type]} · {incident.priority} · {incident.zone}
              </option>
            ))}
          </Select>
          {incidents.data?.length === 0 && <FieldHint>No open incidents: create a new one instead.</FieldHint>}
        </Field>
      )}
      <div className={actionStyles.buttons}>
        <Button type="submit" variant="accent" disabled={isPending || (mode === "existing" && !incidentId)}>
          {isPending ? "Promoting…" : mode === "new" ? "Create incident" : "Attach alert"}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
