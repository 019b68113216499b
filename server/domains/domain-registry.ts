import { getPosition } from "suncalc";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import {
  buildDomainEventSchema,
  type TDomainDefinition,
  type TDomainEntity,
  type TDomainEvent,
  type TDomainRunCard,
} from "@/lib/contracts/domain-definition";
import type { TLonLat } from "@/lib/geo";
import { placeDomainEntities } from "@/lib/domains/place-domain-entities";
import { runCardOfRule } from "@/lib/domains/run-card-of-rule";
import { domainCatalog, type TDomainCatalog } from "@/lib/domains/domain-catalog";
import { citizenServiceCatalog, type TCitizenServiceCatalog } from "@/lib/domains/citizen-service-catalog";
import { createRuleCatalog, type TRuleCatalog } from "@/server/rule-engine/rule-catalog";
import { cityBounds } from "@/server/city/zones";
import type { z } from "zod";

export type TDeclaredDomain = {
  definition: TDomainDefinition;
  schema: z.ZodType<TDomainEvent>;
  entities: readonly TDomainEntity[];
  entityById: ReadonlyMap<string, TDomainEntity>;
};

/** The declared domains of this city: definitions, their event schemas and their sensors, looked up every way ingest needs. */
export type TDomainRegistry = {
  domains: readonly TDeclaredDomain[];
  byId: ReadonlyMap<string, TDeclaredDomain>;
  byTopic: ReadonlyMap<string, TDeclaredDomain>;
  byEventType: ReadonlyMap<string, TDeclaredDomain>;
  topics: readonly string[];
  /** Every domain, built-in and declared: labels and CAP categories (the browser builds the same from GET /api/city). */
  catalog: TDomainCatalog;
  /** What citizens can report (Open311): the built-in services with the definitions' declared ones. */
  citizenServices: TCitizenServiceCatalog;
  /** The alert rules this city starts with: the built-in ones and every definition's templates. */
  rules: TRuleCatalog;
  /** Whether the sun is down at the city's centre at that instant (a street light that is off then leaves a street dark). */
  isNight(atMs: number): boolean;
  positionOf(domain: string, entityId: string): TLonLat | undefined;
  /** The run card a declared rule's alerts are promoted with. */
  runCardOf(ruleId: string): TDomainRunCard | undefined;
};

export const EMPTY_DOMAIN_REGISTRY: TDomainRegistry = createDomainRegistry([], null);

export function createDomainRegistry(definitions: readonly TDomainDefinition[], entities: TCityEntities | null): TDomainRegistry {
  const builtinIds = new Set(entities ? Object.values(entities).flatMap((list: readonly { id: string }[]) => list.map((e) => e.id)) : []);
  const domains = definitions.map((definition): TDeclaredDomain => {
    const placed = entities ? placeDomainEntities(definition, entities.segments) : [];
    const clash = placed.find((e) => builtinIds.has(e.id));
    if (clash)
      throw new Error(`Domain ${definition.id}: sensor id "${clash.id}" is already a city-pack entity; choose another entities.idPrefix`);
    return { definition, schema: buildDomainEventSchema(definition), entities: placed, entityById: new Map(placed.map((e) => [e.id, e])) };
  });
  const [west, south, east, north] = entities ? cityBounds(entities) : [0, 0, 0, 0];
  const centre = { lat: (south + north) / 2, lon: (west + east) / 2 };
  const byId = new Map(domains.map((d) => [d.definition.id, d]));
  const runCards = new Map(
    definitions.flatMap((def) =>
      def.rules.flatMap((rule) => {
        const card = runCardOfRule(definitions, rule.id);
        return card ? [[rule.id, card] as const] : [];
      }),
    ),
  );
  return {
    domains,
    byId,
    byTopic: new Map(domains.map((d) => [d.definition.kafkaTopic, d])),
    byEventType: new Map(domains.map((d) => [d.definition.eventType, d])),
    topics: domains.map((d) => d.definition.kafkaTopic),
    catalog: domainCatalog(definitions),
    citizenServices: citizenServiceCatalog(definitions),
    rules: createRuleCatalog(definitions),
    isNight: (atMs) => getPosition(new Date(atMs), centre.lat, centre.lon).altitude < 0,
    positionOf: (domain, entityId) => byId.get(domain)?.entityById.get(entityId)?.position,
    runCardOf: (ruleId) => runCards.get(ruleId),
  };
}
