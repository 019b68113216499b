"use client";

import { useId, useState, type ChangeEvent } from "react";
import { errorMessage } from "@/components/api/request-json";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import { ZZoneImportRequest, type TZoneImportRequest, type TZoneImportResult, type TZoneKind } from "@/lib/contracts/zones";
import { ZoneKindSelect } from "./zone-kind-select";
import { useImportZones } from "./zone-queries";
import styles from "./zones-admin.module.css";

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a chosen file as a GeoJSON FeatureCollection, or says what is wrong with it. */
async function readCollection(file: File): Promise<TZoneImportRequest["featureCollection"] | string> {
  if (file.size > MAX_FILE_BYTES) return "The file is over 20 MB; split it into several.";
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return "The file is not JSON. Choose a GeoJSON FeatureCollection (.geojson).";
  }
  const parsed = ZZoneImportRequest.shape.featureCollection.safeParse(json);
  return parsed.success ? parsed.data : 'The file is not a GeoJSON FeatureCollection (its type must be "FeatureCollection").';
}

function summary(result: TZoneImportResult): string {
  const parts = [`${result.created.length} new`, `${result.updated.length} changed`, `${result.unchanged.length} unchanged`];
  return result.dryRun ? `Would import: ${parts.join(", ")}.` : `Imported: ${parts.join(", ")}.`;
}

/** GeoJSON import: check the file first (nothing stored, errors by feature), then import it. */
export function ZoneImportCard({ onImported }: { onImported: (message: string) => void }) {
  const id = useId();
  const [kind, setKind] = useState<TZoneKind>("district");
  const [collection, setCollection] = useState<TZoneImportRequest["featureCollection"] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<TZoneImportResult | null>(null);
  const run = useImportZones();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    setResult(null);
    setCollection(null);
    const file = event.target.files?.[0];
    if (!file) return setProblem(null);
    const read = await readCollection(file);
    if (typeof read === "string") return setProblem(read);
    setProblem(null);
    setCollection(read);
  };

  const send = (dryRun: boolean) => {
    if (!collection) return;
    run.mutate(
      { kind, dryRun, featureCollection: collection },
      {
        onSuccess: (answer) => {
          setResult(answer);
          if (!answer.dryRun && answer.errors.length === 0) onImported(summary(answer));
        },
        onError: (failure) => setProblem(errorMessage(failure)),
      },
    );
  };

  const checked = result?.dryRun === true && result.errors.length === 0;
  return (
    <Card aria-labelledby={`${id}-title`} data-testid="zone-import">
      <CardTitle id={`${id}-title`}>Import from GeoJSON</CardTitle>
      <CardSubtitle>
        Polygons with a <code>name</code> property. A zone with the same name and kind takes the new shape; the others are added.
      </CardSubtitle>
      <Stack>
        <Field>
          <FieldLabel htmlFor={`${id}-file`}>File</FieldLabel>
          <Input id={`${id}-file`} type="file" accept=".geojson,.json,application/geo+json,application/json" onChange={onFile} />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-kind`}>Kind, unless a feature says</FieldLabel>
          <ZoneKindSelect id={`${id}-kind`} value={kind} onChange={setKind} />
        </Field>
        {problem && <FormError role="alert">{problem}</FormError>}
        {result && (
          <div role="status" className={styles.importResult} data-testid="zone-import-result">
            <p>{result.errors.length > 0 ? `Nothing imported: ${result.errors.length} features need fixing.` : summary(result)}</p>
            {result.errors.length > 0 && (
              <ul>
                {result.errors.slice(0, 50).map((e) => (
                  <li key={`${e.feature}-${e.field}`}>
                    Feature {e.feature}, {e.field}: {e.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <Button onClick={() => send(true)} disabled={!collection || run.isPending}>
          Check file
        </Button>
        <Button variant="primary" onClick={() => send(false)} disabled={!checked || run.isPending}>
          {run.isPending ? "Working…" : "Import"}
        </Button>
      </Stack>
    </Card>
  );
}
