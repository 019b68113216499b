"use client";

import { useQuery } from "@tanstack/react-query";
import type { TResponderUnit } from "@/lib/contracts/units";
import { adminUsersQuery } from "@/components/admin/admin-queries";
import { errorMessage } from "@/components/api/request-json";
import { Field, FieldError, FieldHint, FieldLabel } from "@/components/ui/field";
import checkGroup from "./check-group.module.css";
import styles from "./crew-field.module.css";

type TPerson = TResponderUnit["crew"][number];

type TCrewFieldProps = {
  idPrefix: string;
  /** Admins pick from the field users; supervisors see the crew but cannot change it (no user list for them). */
  canEdit: boolean;
  current: readonly TPerson[];
  selectedIds: readonly string[];
  onChange: (ids: string[]) => void;
};

export function CrewField({ idPrefix, canEdit, current, selectedIds, onChange }: TCrewFieldProps) {
  if (!canEdit) {
    return (
      <Field>
        <FieldLabel as="span" id={`${idPrefix}-crew-label`}>
          Crew
        </FieldLabel>
        <p className={styles.readonly} role="group" aria-labelledby={`${idPrefix}-crew-label`}>
          {current.length > 0 ? current.map((person) => person.name).join(", ") : "No crew assigned"}
        </p>
        <FieldHint>Only an admin can change who crews a unit.</FieldHint>
      </Field>
    );
  }
  return <CrewPicker idPrefix={idPrefix} current={current} selectedIds={selectedIds} onChange={onChange} />;
}

function CrewPicker({ idPrefix, current, selectedIds, onChange }: Omit<TCrewFieldProps, "canEdit">) {
  const users = useQuery(adminUsersQuery());
  const fieldUsers: TPerson[] = (users.data ?? [])
    .filter((user) => user.role === "field" && !user.disabled)
    .map(({ id, name }) => ({ id, name }));
  // Someone on the crew who is no longer an active field user still shows, so they can be taken off.
  const people = [...fieldUsers, ...current.filter((person) => !fieldUsers.some((user) => user.id === person.id))];
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...selectedIds, id] : selectedIds.filter((selected) => selected !== id));

  return (
    <fieldset className={checkGroup.group}>
      <FieldLabel as="legend">Crew</FieldLabel>
      {users.isPending ? (
        <FieldHint>Loading field users…</FieldHint>
      ) : users.isError ? (
        <FieldError>The field users could not be loaded: {errorMessage(users.error)}</FieldError>
      ) : people.length === 0 ? (
        <FieldHint>No field users yet: create them on the Users page.</FieldHint>
      ) : (
        people.map((person) => (
          <label key={person.id} className={checkGroup.item} htmlFor={`${idPrefix}-crew-${person.id}`}>
            <input
              id={`${idPrefix}-crew-${person.id}`}
              type="checkbox"
              checked={selectedIds.includes(person.id)}
              onChange={(event) => toggle(person.id, event.target.checked)}
            />
            {person.name}
          </label>
        ))
      )}
    </fieldset>
  );
}
