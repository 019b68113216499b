import type { TDomainEvent } from "@/lib/contracts/domain-definition";
import type { CityState } from "@/server/city/city-state";
import type { TDeclaredDomain, TDomainRegistry } from "@/server/domains/domain-registry";
import { ngsiEntityId, type TNgsiEntityView, type TNgsiScalar } from "./ngsi-entity-view";

/**
 * The sensors of every declared domain that has reported, as NGSI-LD entities of the definition's event type
 * (its Smart Data Models type: `AirQualityObserved`, `WaterObserved`…): each declared field the latest event
 * carries, with the field's unitCode where the definition gives one; the sensor's name, street and position
 * from its placement on the city.
 */
export function readDeclaredNgsiEntities(cityState: CityState, domains: TDomainRegistry): TNgsiEntityView[] {
  return domains.domains.flatMap((domain) =>
    cityState.declaredSnapshot(domain.definition.id).map((event) => toDeclaredNgsiView(domain, event)),
  );
}

export function toDeclaredNgsiView(domain: TDeclaredDomain, event: TDomainEvent): TNgsiEntityView {
  const { definition } = domain;
  const observed: Record<string, TNgsiScalar> = {};
  const unitCodes: Record<string, string> = {};
  for (const field of definition.fields) {
    const value = event[field.name];
    if (value === undefined) continue;
    observed[field.name] = value;
    if (field.kind === "number" && field.unitCode) unitCodes[field.name] = field.unitCode;
  }
  observed.dateObserved = event.observedAt;
  const sensor = domain.entityById.get(event.entityId);
  return {
    id: ngsiEntityId(definition.eventType, event.entityId),
    type: definition.eventType,
    observedAt: event.observedAt,
    observed,
    fixed: sensor ? { name: sensor.name, address: { streetAddress: sensor.street } } : {},
    location: sensor ? { type: "Point", coordinates: sensor.position } : undefined,
    unitCodes,
  };
}
