"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { UNIT_TYPES } from "@/lib/contracts/events";
import type { TStation } from "@/lib/contracts/city-pack";
import {
  UNIT_CAPABILITIES,
  UNIT_TYPE_LABEL,
  ZCreateUnitRequest,
  ZResponderUnit,
  ZUpdateUnitRequest,
  type TCreateUnitRequest,
  type TResponderUnit,
  type TUpdateUnitRequest,
} from "@/lib/contracts/units";
import { ApiRequestError, errorMessage } from "@/components/api/request-json";
import { applyUnitChanges } from "@/components/dispatch/apply-unit-changes";
import { CrewField } from "./crew-field";
import { CAPABILITY_LABEL } from "./unit-labels";
import { useCreateUnit, useUpdateUnit } from "./unit-management-queries";
import { Button } from "@/components/ui/button";
import { Field, FieldError, FieldHint, FieldLabel, FormRow } from "@/components/ui/field";
import { cx } from "@/components/ui/class-names";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import checkGroup from "./check-group.module.css";
import styles from "./unit-form.module.css";

type TValues = Required<Omit<TCreateUnitRequest, "capabilities" | "crewUserIds">> &
  Pick<TResponderUnit, "capabilities"> & { crewUserIds: string[] };
type TField = "id" | "callSign" | "type" | "stationId";
type TFieldErrors = Partial<Record<TField, string>>;

const CLIENT_MESSAGE: Record<TField, string> = {
  id: "Use 1–32 letters, digits and dashes.",
  callSign: "Enter a call sign (up to 32 characters).",
  type: "Choose a type.",
  stationId: "Choose a station.",
};

type TUnitFormProps = {
  /** The unit to edit; absent: a new unit. */
  unit?: TResponderUnit;
  stations: readonly TStation[];
  canEditCrew: boolean;
  onSaved: (unit: TResponderUnit, created: boolean) => void;
  onCancel?: () => void;
};

function initialValues(unit: TResponderUnit | undefined, stations: readonly TStation[]): TValues {
  if (unit) {
    const { id, callSign, type, stationId, capabilities, crew } = unit;
    return { id, callSign, type, stationId, capabilities: [...capabilities], crewUserIds: crew.map((person) => person.id) };
  }
  return {
    id: "",
    callSign: "",
    type: "fire",
    stationId: stations.find((station) => station.type === "fire")?.id ?? "",
    capabilities: [],
    crewUserIds: [],
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** Only what changed, with the version the form started from. */
function changeOf(unit: TResponderUnit, values: TValues, canEditCrew: boolean): TUpdateUnitRequest {
  const change: TUpdateUnitRequest = { version: unit.version };
  if (values.callSign.trim() !== unit.callSign) change.callSign = values.callSign.trim();
  if (values.stationId !== unit.stationId) change.stationId = values.stationId;
  if (!sameSet(values.capabilities, unit.capabilities)) change.capabilities = values.capabilities;
  if (
    canEditCrew &&
    !sameSet(
      values.crewUserIds,
      unit.crew.map((person) => person.id),
    )
  )
    change.crewUserIds = values.crewUserIds;
  return change;
}

function issuesToErrors(issues: readonly { path: readonly PropertyKey[] }[]): TFieldErrors {
  const errors: TFieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0] as TField;
    if (field in CLIENT_MESSAGE) errors[field] ??= CLIENT_MESSAGE[field];
  }
  return errors;
}

/** Stations of the unit's type first-class; the current one stays listed whatever its type. */
function stationChoices(stations: readonly TStation[], values: TValues): readonly TStation[] {
  const ofType = stations.filter((station) => station.type === values.type || station.id === values.stationId);
  return ofType.length > 0 ? ofType : stations;
}

/** Create a unit, or edit one's call sign, station, capabilities and (admins) crew. */
export function UnitForm({ unit, stations, canEditCrew, onSaved, onCancel }: TUnitFormProps) {
  const id = useId();
  const queryClient = useQueryClient();
  // What the edit started from: only fields changed since are sent, with its version (409 if someone saved first).
  const [base, setBase] = useState(unit);
  const [values, setValues] = useState<TValues>(() => initialValues(unit, stations));
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const isPending = create.isPending || update.isPending;
  const isEdit = base !== undefined;

  const set = <K extends keyof TValues>(key: K, value: TValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (key in fieldErrors) setFieldErrors((errors) => ({ ...errors, [key]: undefined }));
  };

  // A new type starts at one of that type's stations.
  const setType = (type: TValues["type"]) => {
    set("type", type);
    const station = stations.find((item) => item.id === values.stationId);
    if (station && station.type !== type) set("stationId", stations.find((item) => item.type === type)?.id ?? values.stationId);
  };

  const showErrors = (errors: TFieldErrors) => {
    setFieldErrors(errors);
    const first = (["id", "callSign", "type", "stationId"] as const).find((field) => errors[field]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
  };

  const onServerError = (error: Error) => {
    if (!(error instanceof ApiRequestError)) return setFormError(errorMessage(error));
    const fromServer: TFieldErrors = {};
    for (const field of Object.keys(CLIENT_MESSAGE) as TField[]) {
      const messages = error.fieldErrors[field];
      if (messages?.length) fromServer[field] = messages.join(" ");
    }
    if (Object.keys(fromServer).length > 0) return showErrors(fromServer);
    // The ID or the call sign is taken: the message says which.
    if (error.status === 409 && !isEdit) return setFormError(error.message);
    const current = ZResponderUnit.safeParse((error.body as { current?: unknown } | null)?.current);
    if (error.status === 409 && current.success) {
      applyUnitChanges(queryClient, [current.data]);
      setBase(current.data);
      setValues(initialValues(current.data, stations));
      return setFormError(`${error.message} The form now shows the unit as it is; make your change again.`);
    }
    setFormError(error.message);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (base) {
      const change = changeOf(base, values, canEditCrew);
      const parsed = ZUpdateUnitRequest.safeParse(change);
      if (!parsed.success) return showErrors(issuesToErrors(parsed.error.issues));
      if (Object.keys(change).length === 1) return setFormError("Nothing has changed.");
      update.mutate({ id: base.id, change: parsed.data }, { onSuccess: (saved) => onSaved(saved, false), onError: onServerError });
      return;
    }
    const parsed = ZCreateUnitRequest.safeParse({ ...values, crewUserIds: canEditCrew ? values.crewUserIds : [] });
    if (!parsed.success) return showErrors(issuesToErrors(parsed.error.issues));
    create.mutate(parsed.data, {
      onSuccess: (saved) => {
        setValues(initialValues(undefined, stations));
        setFieldErrors({});
        onSaved(saved, true);
      },
      onError: onServerError,
    });
  };

  const fieldProps = (field: TField) => ({
    id: `${id}-${field}`,
    name: field,
    "aria-invalid": fieldErrors[field] ? true : undefined,
    "aria-describedby":
      [field === "id" ? `${id}-id-hint` : null, fieldErrors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  const error = (field: TField) => (fieldErrors[field] ? <FieldError id={`${id}-${field}-error`}>{fieldErrors[field]}</FieldError> : null);

  const choices = stationChoices(stations, values);

  return (
    <Stack as="form" onSubmit={onSubmit} noValidate data-testid={isEdit ? "edit-unit-form" : "create-unit-form"}>
      {!isEdit && (
        <FormRow>
          <Field>
            <FieldLabel htmlFor={`${id}-id`}>Unit ID</FieldLabel>
            <Input
              autoComplete="off"
              spellCheck={false}
              value={values.id}
              onChange={(e) => set("id", e.target.value)}
              {...fieldProps("id")}
            />
            {error("id")}
          </Field>
          <Field>
            <FieldLabel htmlFor={`${id}-type`}>Type</FieldLabel>
            <Select value={values.type} onChange={(e) => setType(e.target.value as TValues["type"])} {...fieldProps("type")}>
              {UNIT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {UNIT_TYPE_LABEL[type]}
                </option>
              ))}
            </Select>
            {error("type")}
          </Field>
          <FieldHint className={styles.idHint} id={`${id}-id-hint`}>
            Unit ID, e.g. E-7: position events name the unit by it, so it cannot change later.
          </FieldHint>
        </FormRow>
      )}
      <Field>
        <FieldLabel htmlFor={`${id}-callSign`}>Call sign</FieldLabel>
        <Input autoComplete="off" value={values.callSign} onChange={(e) => set("callSign", e.target.value)} {...fieldProps("callSign")} />
        {error("callSign")}
      </Field>
      <Field>
        <FieldLabel htmlFor={`${id}-stationId`}>Station</FieldLabel>
        {stations.length > 0 ? (
          <Select value={values.stationId} onChange={(e) => set("stationId", e.target.value)} {...fieldProps("stationId")}>
            {!choices.some((station) => station.id === values.stationId) && (
              <option value={values.stationId}>{values.stationId || "Choose a station"}</option>
            )}
            {choices.map((station) => (
              <option key={station.id} value={station.id}>
                {station.name}
              </option>
            ))}
          </Select>
        ) : (
          <Input
            autoComplete="off"
            value={values.stationId}
            onChange={(e) => set("stationId", e.target.value)}
            {...fieldProps("stationId")}
          />
        )}
        {error("stationId")}
      </Field>
      <fieldset className={cx(checkGroup.group, checkGroup.columns)}>
        <FieldLabel as="legend">Capabilities</FieldLabel>
        {UNIT_CAPABILITIES.map((capability) => (
          <label key={capability} className={checkGroup.item}>
            <input
              type="checkbox"
              checked={values.capabilities.includes(capability)}
              onChange={(event) =>
                set(
                  "capabilities",
                  event.target.checked ? [...values.capabilities, capability] : values.capabilities.filter((item) => item !== capability),
                )
              }
            />
            {CAPABILITY_LABEL[capability]}
          </label>
        ))}
      </fieldset>
      <CrewField
        idPrefix={id}
        canEdit={canEditCrew}
        current={base?.crew ?? []}
        selectedIds={values.crewUserIds}
        onChange={(ids) => set("crewUserIds", ids)}
      />
      {formError && <FormError role="alert">{formError}</FormError>}
      <div className={styles.buttons}>
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? "Saving…" : isEdit ? "Save changes" : "Create unit"}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </Stack>
  );
}
