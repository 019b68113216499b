import type { TNgsiGeometry } from "@/lib/contracts/ngsi-ld";

/** A JSON scalar: what q compares against. */
export type TNgsiScalar = string | number | boolean;

/**
 * One entity of the live city, before it takes the normalized or keyValues form: `observed` attributes carry the
 * event's observedAt, `fixed` ones (names, addresses) come from the city pack and carry none.
 */
export type TNgsiEntityView = {
  id: string;
  type: string;
  observedAt: string;
  observed: Record<string, TNgsiScalar>;
  fixed: Record<string, TNgsiScalar | Record<string, string>>;
  location?: TNgsiGeometry;
  /** UN/CEFACT unit codes of observed attributes, where known (a declared domain's field may give one). */
  unitCodes?: Record<string, string>;
};

/** `urn:ngsi-ld:<Type>:<city pack id>`: one id per entity, whatever its layer. */
export function ngsiEntityId(type: string, entityId: string): string {
  return `urn:ngsi-ld:${type}:${entityId}`;
}

/** An attribute's value as q sees it (fixed objects such as address are not comparable). */
export function attributeOf(view: TNgsiEntityView, name: string): TNgsiScalar | undefined {
  if (Object.hasOwn(view.observed, name)) return view.observed[name];
  const fixed = Object.hasOwn(view.fixed, name) ? view.fixed[name] : undefined;
  return typeof fixed === "object" ? undefined : fixed;
}
