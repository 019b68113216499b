import type { z } from "zod";

/** Where a row sits in its file: a CSV line, or a GeoJSON feature / NGSI-LD entity counted from 1. */
export type TRowPlace = { unit: "line" | "feature" | "entity"; n: number };

/** One problem with the file; `place` is absent for the file as a whole, `field` for a whole row. */
export type TRowError = { place?: TRowPlace; field?: string; message: string };

export const placeText = (place: TRowPlace) => `${place.unit} ${place.n}`;

/** "line 7, field lat: must be between -90 and 90" */
export function formatRowError(error: TRowError): string {
  const parts = [error.place ? placeText(error.place) : undefined, error.field === undefined ? undefined : `field ${error.field}`].filter(
    Boolean,
  );
  return parts.length === 0 ? error.message : `${parts.join(", ")}: ${error.message}`;
}

/** Each zod issue of one row as a row error, named by the field it is about (a list item counts as its list). */
export function rowErrorsFromZod(place: TRowPlace, error: z.ZodError, fieldName: (field: string) => string = (f) => f): TRowError[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? fieldName(String(issue.path[0])) : undefined;
    return { place, field, message: issue.message };
  });
}

/** Errors in file order: by place, then as found. */
export function sortRowErrors(errors: readonly TRowError[]): TRowError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => (a.error.place?.n ?? 0) - (b.error.place?.n ?? 0) || a.index - b.index)
    .map(({ error }) => error);
}
