import { fillTemplate, NEAREST_STREET, type TBuiltinEntityCollection } from "@/lib/contracts/builtin-domain-description";
import { isBuiltinLayer, type TDomainName } from "@/lib/contracts/layers";
import { UNIT_TYPE_LABEL } from "@/lib/contracts/units";
import { BUILTIN_DOMAINS, BUILTIN_ENTITY_KINDS } from "@/lib/domains/builtin-domains";
import { distanceToLineM, type TLonLat } from "@/lib/geo";
import type { TEntityIndex } from "./entity-index";

/** Beyond this a street is not "near" a point any more; the place is then described by its zone only. */
const NEAR_STREET_M = 250;

/** The named street closest to a point (reverse geocoding over the pack's road segments), or null. */
export function nearestStreet(index: TEntityIndex, position: TLonLat): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const segment of index.segments.values()) {
    if (!segment.name) continue;
    const distance = distanceToLineM(position, segment.coords);
    if (distance <= NEAR_STREET_M && (!best || distance < best.distance)) best = { name: segment.name, distance };
  }
  return best?.name ?? null;
}

/** "near Portage Ave", or null when no named street is close. */
export function describePlace(index: TEntityIndex, position: TLonLat): string | null {
  const street = nearestStreet(index, position);
  return street ? `near ${street}` : null;
}

/** Words for coded values the app shares elsewhere too (the units board, dispatch): a unit's type "ems" reads "EMS". */
const WORDS_OF_VALUES: Partial<Record<TBuiltinEntityCollection, Record<string, Readonly<Record<string, string>>>>> = {
  units: { type: UNIT_TYPE_LABEL },
};

type TPackEntity = { readonly [field: string]: unknown };

function anchorOf(entity: TPackEntity): TLonLat | null {
  if (Array.isArray(entity.position)) return entity.position as TLonLat;
  if (Array.isArray(entity.coords)) return (entity.coords[0] as TLonLat | undefined) ?? null;
  return null;
}

/** A built-in domain's template filled from one pack entity, or null when one of its placeholders has no value. */
function fillFromEntity(index: TEntityIndex, collection: TBuiltinEntityCollection, entity: TPackEntity, template: string): string | null {
  return fillTemplate(template, (name) => {
    if (name === NEAREST_STREET) {
      const anchor = anchorOf(entity);
      return anchor && nearestStreet(index, anchor);
    }
    const raw = entity[name];
    return typeof raw === "string" ? (WORDS_OF_VALUES[collection]?.[name]?.[raw] ?? raw) : null;
  });
}

/** The tooltip's title over a built-in entity's name ("Substation", "Road · primary"), from its domain's file. */
export function entityKindLabel(index: TEntityIndex, collection: TBuiltinEntityCollection, entity: TPackEntity): string {
  const { domain, kind } = BUILTIN_ENTITY_KINDS[collection];
  return fillFromEntity(index, collection, entity, kind.kindLabel) ?? domain.label;
}

/**
 * What people call an entity: the road's name, the lot's, "Bin on Main St", the substation's or feeder's name,
 * a unit's call sign, as its domain's file says (`entities[].naming`, lib/domains/definitions/builtin). Null when
 * the pack does not know it (the caller then shows a generic word, never the id).
 */
export function entityName(index: TEntityIndex, domain: TDomainName, entityId: string): string | null {
  if (!isBuiltinLayer(domain)) return index.declared?.get(entityId)?.name ?? null;
  for (const { collection, naming } of BUILTIN_DOMAINS[domain].entities) {
    const entity = (index[collection] as ReadonlyMap<string, TPackEntity>).get(entityId);
    if (!entity) continue;
    for (const template of naming.templates) {
      const name = fillFromEntity(index, collection, entity, template);
      if (name !== null) return name;
    }
    return naming.fallback ?? null;
  }
  return null;
}
