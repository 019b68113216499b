import type { TNgsiKeyValuesEntity, TNgsiNormalizedEntity } from "@/lib/contracts/ngsi-ld";
import type { TNgsiEntityView } from "./ngsi-entity-view";

export type TNgsiRepresentation = "normalized" | "keyValues";

/** Normalized form: observed attributes are Properties with observedAt (and unitCode where known), the location a GeoProperty. */
export function toNormalizedEntity(view: TNgsiEntityView): TNgsiNormalizedEntity {
  // zod's catchall types cannot say "id and type are strings, every other key a Property": built loosely, typed once.
  const entity: Record<string, unknown> = { id: view.id, type: view.type };
  for (const [name, value] of Object.entries(view.fixed)) entity[name] = { type: "Property", value };
  for (const [name, value] of Object.entries(view.observed)) {
    const unitCode = view.unitCodes?.[name];
    entity[name] = { type: "Property", value, observedAt: view.observedAt, ...(unitCode ? { unitCode } : {}) };
  }
  if (view.location) entity.location = { type: "GeoProperty", value: view.location };
  return entity as TNgsiNormalizedEntity;
}

/** keyValues (simplified) form: the values alone (no unitCode: the form has no place for it). */
export function toKeyValuesEntity(view: TNgsiEntityView): TNgsiKeyValuesEntity {
  return { id: view.id, type: view.type, ...view.fixed, ...view.observed, ...(view.location ? { location: view.location } : {}) };
}

export function toNgsiEntity(view: TNgsiEntityView, representation: TNgsiRepresentation): TNgsiNormalizedEntity | TNgsiKeyValuesEntity {
  return representation === "keyValues" ? toKeyValuesEntity(view) : toNormalizedEntity(view);
}
