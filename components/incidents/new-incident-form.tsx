"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { ZIncident, type TCreateIncidentRequest, type TIncident } from "@/lib/contracts/incidents";
import { ApiRequestError, errorMessage, requestJson } from "@/components/api/request-json";
import type { TIncidentPriority, TIncidentType } from "./incident-labels";
import { IncidentTypePriorityFields } from "./incident-type-priority-fields";
import { incidentKeys, patchIncidentCaches } from "./incident-queries";
import { Button } from "@/components/ui/button";
import { DrawerFeedback, SideDrawer } from "@/components/ui/side-drawer";
import { Field, FieldError, FieldHint, FieldLabel, FormRow } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import styles from "./new-incident-form.module.css";

type TLonLat = [number, number];

type TNewIncidentFormProps = {
  /** Set by clicking the map (the parent listens for map clicks while this form is open). */
  location: TLonLat | null;
  onLocationChange: (location: TLonLat | null) => void;
  readMapCenter: () => TLonLat | null;
  onCreated: (incident: TIncident) => void;
  onClose: () => void;
};

function parseCoordinate(text: string, limit: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/** A citizen's call: type, priority, what happened, where (map click, typed coordinates or the map centre). */
export function NewIncidentForm({ location, onLocationChange, readMapCenter, onCreated, onClose }: TNewIncidentFormProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [type, setType] = useState<TIncidentType>("other");
  const [priority, setPriority] = useState<TIncidentPriority>("P3");
  const [description, setDescription] = useState("");
  const [address, setAddress] = useState("");
  const [lat, setLat] = useState("");
  const [lon, setLon] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<{ tone: "ok" | "error"; message: string } | null>(null);

  // A map click (or "use map centre") fills the coordinate fields; typing fills the pin.
  useEffect(() => {
    if (!location) return;
    setLon(location[0].toFixed(6));
    setLat(location[1].toFixed(6));
  }, [location]);

  const typed = (nextLat: string, nextLon: string) => {
    const latitude = parseCoordinate(nextLat, 90);
    const longitude = parseCoordinate(nextLon, 180);
    onLocationChange(latitude !== null && longitude !== null ? [longitude, latitude] : null);
  };

  const create = useGuardedMutation({
    mutationFn: (request: TCreateIncidentRequest) => requestJson("/api/incidents", ZIncident, { method: "POST", body: request }),
    onSuccess: (incident) => {
      patchIncidentCaches(queryClient, incident);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.lists() });
      onCreated(incident);
    },
    onError: (error) => {
      setFieldErrors(error instanceof ApiRequestError ? error.fieldErrors : {});
      setOutcome({ tone: "error", message: errorMessage(error) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFieldErrors({});
    if (!location) {
      setOutcome({ tone: "error", message: "Pick the location: click the map, type coordinates or use the map centre." });
      return;
    }
    create.mutate({
      type,
      priority,
      description: description.trim(),
      location,
      ...(address.trim() ? { address: address.trim() } : {}),
    });
  };

  const errorFor = (field: string) =>
    fieldErrors[field]?.length ? <FieldError id={`${id}-${field}-error`}>{fieldErrors[field]!.join(" ")}</FieldError> : null;

  return (
    <SideDrawer eyebrow="Phone call" title="New incident" onClose={onClose} testId="new-incident-drawer" focusKey="new-incident">
      <Stack as="form" onSubmit={submit} aria-label="New incident" noValidate>
        <IncidentTypePriorityFields idPrefix={id} type={type} priority={priority} onTypeChange={setType} onPriorityChange={setPriority} />
        <Field>
          <FieldLabel htmlFor={`${id}-description`}>What happened</FieldLabel>
          <Textarea
            id={`${id}-description`}
            rows={3}
            maxLength={4000}
            required
            value={description}
            aria-invalid={fieldErrors.description ? true : undefined}
            aria-describedby={fieldErrors.description ? `${id}-description-error` : undefined}
            onChange={(e) => setDescription(e.target.value)}
          />
          {errorFor("description")}
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-address`}>
            Address <span className="muted">(optional)</span>
          </FieldLabel>
          <Input id={`${id}-address`} maxLength={200} value={address} onChange={(e) => setAddress(e.target.value)} />
        </Field>
        <fieldset className={styles.locationPicker}>
          <FieldLabel as="legend">Location</FieldLabel>
          <FieldHint id={`${id}-location-hint`}>
            {location
              ? "Pinned on the map. Click elsewhere on the map to move it."
              : "Click the map where it happened, or type the coordinates."}
          </FieldHint>
          <FormRow keepsColumnsOnPhones className={styles.coords}>
            <Field>
              <FieldLabel htmlFor={`${id}-lat`}>Latitude</FieldLabel>
              <Input
                id={`${id}-lat`}
                inputMode="decimal"
                value={lat}
                aria-describedby={`${id}-location-hint`}
                onChange={(e) => {
                  setLat(e.target.value);
                  typed(e.target.value, lon);
                }}
              />
            </Field>
            <Field>
              <FieldLabel htmlFor={`${id}-lon`}>Longitude</FieldLabel>
              <Input
                id={`${id}-lon`}
                inputMode="decimal"
                value={lon}
                aria-describedby={`${id}-location-hint`}
                onChange={(e) => {
                  setLon(e.target.value);
                  typed(lat, e.target.value);
                }}
              />
            </Field>
          </FormRow>
          <Button
            size="sm"
            onClick={() => {
              const center = readMapCenter();
              if (center) onLocationChange(center);
            }}
          >
            Use map centre
          </Button>
          {errorFor("location")}
        </fieldset>
        <DrawerFeedback outcome={outcome} />
        <div className={styles.buttons}>
          <Button type="submit" variant="accent" disabled={create.isPending} data-testid="create-incident">
            {create.isPending ? "Creating…" : "Create incident"}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </Stack>
    </SideDrawer>
  );
}
