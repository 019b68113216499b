"use client";

import { useId, useState, type SubmitEvent } from "react";
import { errorMessage } from "@/components/api/request-json";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldHint, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import type { TZone, TZoneKind, TZonePolygon } from "@/lib/contracts/zones";
import { ZoneKindSelect } from "./zone-kind-select";
import { useCreateZone, useRemoveZone, useUpdateZone } from "./zone-queries";

type TZoneEditorCardProps = {
  /** The zone being edited, or null for a new one. */
  zone: TZone | null;
  /** The shape on the map: drawn (new zone) or reshaped (existing polygon); null when nothing was drawn. */
  shape: TZonePolygon | null;
  reshaping: boolean;
  onReshape: () => void;
  onDone: (message: string) => void;
  onCancel: () => void;
};

const DRAW_HINT = "Click the map at each corner; click the first corner again (or press Enter) to close the shape. Escape starts over.";

/** Name, kind and shape of a new zone, or of the selected one, with its save and remove buttons. */
export function ZoneEditorCard({ zone, shape, reshaping, onReshape, onDone, onCancel }: TZoneEditorCardProps) {
  const id = useId();
  const [name, setName] = useState(zone?.name ?? "");
  const [kind, setKind] = useState<TZoneKind>(zone?.kind ?? "district");
  const [error, setError] = useState<string | null>(null);
  const create = useCreateZone();
  const update = useUpdateZone();
  const remove = useRemoveZone();
  const pending = create.isPending || update.isPending || remove.isPending;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError("Give the zone a name.");
    const onError = (failure: Error) => setError(errorMessage(failure));
    setError(null);
    if (!zone) {
      if (!shape) return setError("Draw the zone on the map first, and close its shape.");
      create.mutate({ name, kind, geometry: shape }, { onSuccess: (saved) => onDone(`Zone ${saved.name} saved.`), onError });
      return;
    }
    const change = { version: zone.version, name, kind, ...(reshaping && shape ? { geometry: shape } : {}) };
    update.mutate({ id: zone.id, change }, { onSuccess: (saved) => onDone(`Zone ${saved.name} saved.`), onError });
  };

  const onRemove = () => {
    if (!zone) return;
    setError(null);
    remove.mutate(zone, {
      onSuccess: () => onDone(`Zone ${zone.name} removed. Alerts from now on take the name of the zone around it, if any.`),
      onError: (failure) => setError(errorMessage(failure)),
    });
  };

  return (
    <Card aria-labelledby={`${id}-title`} data-testid="zone-editor">
      <CardTitle id={`${id}-title`}>{zone ? `Edit ${zone.name}` : "New zone"}</CardTitle>
      <CardSubtitle>{!zone || reshaping ? DRAW_HINT : "Rename it, change its kind, or move its corners on the map."}</CardSubtitle>
      <Stack as="form" onSubmit={onSubmit} noValidate>
        <Field>
          <FieldLabel htmlFor={`${id}-name`}>Name</FieldLabel>
          <Input id={`${id}-name`} autoComplete="off" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-kind`}>Kind</FieldLabel>
          <ZoneKindSelect id={`${id}-kind`} value={kind} onChange={setKind} />
        </Field>
        {!zone && (
          <FieldHint data-testid="zone-shape-state">
            {shape ? `Shape closed: ${shape.coordinates[0].length - 1} corners.` : "No shape yet."}
          </FieldHint>
        )}
        {zone && !reshaping && (
          <Button
            variant="ghost"
            onClick={onReshape}
            disabled={zone.geometry.type !== "Polygon"}
            title={zone.geometry.type === "Polygon" ? undefined : "A zone of several parts is reshaped by importing it again"}
          >
            Move corners on the map
          </Button>
        )}
        {error && <FormError role="alert">{error}</FormError>}
        <Button type="submit" variant="primary" disabled={pending}>
          {create.isPending || update.isPending ? "Saving…" : "Save zone"}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        {zone && (
          <Button variant="danger" onClick={onRemove} disabled={pending}>
            {remove.isPending ? "Removing…" : "Remove zone"}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
