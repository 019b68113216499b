"use client";

import { useMemo } from "react";
import { ZONE_NAMES } from "@/lib/zones";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import { useZoneNames } from "@/components/zones/use-zone-names";
import { Field, FieldError, FieldLabel } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

type TDomainZoneFieldsProps = {
  /** The form's useId(): the fields' ids derive from it. */
  id: string;
  domain: string;
  zone: string;
  onDomainChange: (domain: string) => void;
  onZoneChange: (zone: string) => void;
  /** Why the zone is refused (useZoneCheck before sending, or the server's refusal), shown under the field; null when fine. */
  zoneError?: string | null;
  /** Prefix of the fields' test ids ("policy" → policy-domain, policy-zone). */
  testIdPrefix: string;
};

/** The zone input's id, for the form to focus it when the zone is refused. */
export const zoneFieldId = (id: string) => `${id}-zone`;

/**
 * Which alerts a rule of the form covers by place and kind: a domain of this city ("Any" by default) and a zone,
 * typed or picked from the city's zones. Two fields side by side: put them in a FormRow.
 */
export function DomainZoneFields({
  id,
  domain,
  zone,
  onDomainChange,
  onZoneChange,
  zoneError = null,
  testIdPrefix,
}: TDomainZoneFieldsProps) {
  const domains = useDomainCatalog();
  const zoneNames = useZoneNames();
  const zones = useMemo(() => (zoneNames.length > 0 ? zoneNames : ZONE_NAMES), [zoneNames]);
  return (
    <>
      <Field>
        <FieldLabel htmlFor={`${id}-domain`}>Domain</FieldLabel>
        <Select id={`${id}-domain`} value={domain} onChange={(e) => onDomainChange(e.target.value)} data-testid={`${testIdPrefix}-domain`}>
          <option value="">Any domain</option>
          {domains.entries.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <FieldLabel htmlFor={zoneFieldId(id)}>Zone</FieldLabel>
        <Input
          id={zoneFieldId(id)}
          list={`${id}-zones`}
          autoComplete="off"
          placeholder="Any zone"
          value={zone}
          onChange={(e) => onZoneChange(e.target.value)}
          aria-invalid={zoneError ? true : undefined}
          aria-describedby={zoneError ? `${id}-zone-error` : undefined}
          data-testid={`${testIdPrefix}-zone`}
        />
        {zoneError && (
          <FieldError id={`${id}-zone-error`} data-testid={`${testIdPrefix}-zone-error`}>
            {zoneError}
          </FieldError>
        )}
        <datalist id={`${id}-zones`}>
          {zones.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </Field>
    </>
  );
}
