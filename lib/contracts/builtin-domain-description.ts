import { z } from "zod";
import { ZCityEntities } from "./city-pack";
import { ZCapCategory, ZDeclaredCitizenService, ZFieldName, ZKafkaTopic, ZLabel, ZMqttTopicLevel, ZUnitCode } from "./domain-definition";
import { ZIncidentType } from "./incidents";
import { ZEnergyMeasurement, ZOffStreetParking, ZTrafficFlowObserved, ZUnitPosition, ZWasteContainer } from "./events";
import { type TLayer, ZLayer } from "./layers";

/**
 * What people read about a built-in domain (lib/domains/definitions/builtin/<id>.json), and where its events travel,
 * in the parts of a declared domain's definition that fit it: label, Kafka topic, MQTT topic level, CAP category,
 * how its entities are named and titled, units and ranges of what its rules read, legend, tooltip, citizens' services,
 * default rules. What a built-in keeps in code is not described here: its event schema (lib/contracts/events.ts), its
 * geometry (the city pack), how its tooltip values are written and toned, its simulator physics and the kinds of rule
 * its engine runs
 * (server/rule-engine).
 */

/**
 * How the rule engine derives a metric from one event: a number field of the event, divided by another of its fields
 * or by a number the city pack gives the entity (a road's free-flow speed), and for what is counted as free (spaces
 * available of the total) the complement of that share.
 */
const ZMetricValue = z.strictObject({
  field: ZFieldName,
  per: z.union([ZFieldName, z.strictObject({ entity: ZFieldName })]).optional(),
  complement: z.boolean().default(false),
});
export type TMetricValue = z.infer<typeof ZMetricValue>;

/** A number the built-in rule engine derives from an event (lib/contracts/rules.ts ALERT_METRICS) as people read it. */
const ZBuiltinMetric = z
  .strictObject({
    name: ZFieldName,
    /** Names the metric in messages: "Speed". */
    label: ZLabel,
    /** Written after the value: "% of free flow", "°C". */
    unit: z.string().max(24),
    /** A share (0–1) shown as a percentage. */
    share: z.boolean().default(false),
    /** Bounds of its readings; none where a share may pass 100 %. */
    min: z.number().optional(),
    max: z.number().optional(),
    value: ZMetricValue,
    /** Decimals it is written with (of the percentage, for a share). */
    digits: z.number().int().min(0).max(3).default(0),
    /**
     * What an alert says of one reading: `{value}` the metric as written, `{per}` what it is a share of, `{<field>}`
     * a field of the event ("Load {activePower} kW is {value} of capacity ({capacity} kW)").
     */
    sentence: z.string().min(1).max(120),
  })
  .refine((m) => m.min === undefined || m.max === undefined || m.min < m.max, { path: ["max"], message: "must be above min" });

/** An event property with a physical unit: its UN/CEFACT code is the NGSI-LD Property's unitCode. */
const ZBuiltinProperty = z.strictObject({ name: ZFieldName, unit: z.string().max(16), unitCode: ZUnitCode });

/**
 * The city pack's lists a built-in domain's entities come from (TCityEntities; stations are where units wait, no
 * domain's entities), each looked up by id in the pack's index (lib/city/entity-index.ts) under the same name.
 */
export const ZBuiltinEntityCollection = ZCityEntities.keyof().exclude(["stations"]);
export type TBuiltinEntityCollection = z.infer<typeof ZBuiltinEntityCollection>;

/** `{field}` in a template: a text field of the entity, or `{nearestStreet}`, the closest named street to it. */
export const NEAREST_STREET = "nearestStreet";
const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;
export const placeholdersOf = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);

/** A template with each placeholder replaced by its value (taken as written), or null when one has none. */
export function fillTemplate(template: string, valueOfPlaceholder: (placeholder: string) => string | null): string | null {
  let missing = false;
  const filled = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = valueOfPlaceholder(name);
    missing ||= value === null;
    return value ?? "";
  });
  return missing ? null : filled;
}

const ZTemplate = z.string().min(1).max(60);

/** One kind of entity a built-in domain has: where the pack lists it, and how people name and title it. */
const ZBuiltinEntityKind = z.strictObject({
  collection: ZBuiltinEntityCollection,
  /** The tooltip's title over the entity's name: "Substation", "Road · {roadClass}". */
  kindLabel: ZTemplate,
  /**
   * What people call one entity: the first template whose placeholders all have a value ("{name}", then
   * "near {nearestStreet}"), else the fallback ("Unnamed road"), else no name (the caller shows a generic word).
   */
  naming: z.strictObject({
    templates: z.array(ZTemplate).min(1).max(4),
    fallback: ZLabel.optional(),
  }),
});

/** Where a template may not point: a field the pack's entity lacks or that is no text, or a street of what has no place. */
function checkPlaceholders(kind: z.infer<typeof ZBuiltinEntityKind>, path: (string | number)[], ctx: z.RefinementCtx): void {
  const shape = ZCityEntities.shape[kind.collection].element.shape as Record<string, z.ZodType>;
  const textField = (name: string) => {
    const field = shape[name];
    const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
    return inner instanceof z.ZodString || inner instanceof z.ZodEnum;
  };
  const located = "position" in shape || "coords" in shape;
  const templates: [(string | number)[], string][] = [
    [["kindLabel"], kind.kindLabel],
    ...kind.naming.templates.map((t, i): [(string | number)[], string] => [["naming", "templates", i], t]),
  ];
  for (const [at, template] of templates)
    for (const name of placeholdersOf(template)) {
      if (name === NEAREST_STREET ? located : textField(name)) continue;
      const texts = Object.keys(shape).filter(textField);
      ctx.addIssue({
        code: "custom",
        path: [...path, ...at],
        message:
          name === NEAREST_STREET
            ? `{${name}}: ${kind.collection} have no position`
            : `{${name}}: ${kind.collection} have no text field "${name}" (they have ${texts.join(", ")}${located ? `, or {${NEAREST_STREET}}` : ""})`,
      });
    }
}

/** Each built-in domain's event schema (lib/contracts/events.ts): the fields its metrics may read. */
const EVENT_SCHEMA_OF_DOMAIN = {
  traffic: ZTrafficFlowObserved,
  parking: ZOffStreetParking,
  waste: ZWasteContainer,
  energy: ZEnergyMeasurement,
  units: ZUnitPosition,
} satisfies Record<TLayer, z.ZodObject>;

const unwrapped = (field: z.ZodType | undefined): z.ZodType | undefined =>
  field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
const fieldsOf = (shape: Record<string, z.ZodType>, is: (field: z.ZodType | undefined) => boolean) =>
  Object.keys(shape).filter((name) => is(unwrapped(shape[name])));
const isNumber = (field: z.ZodType | undefined) => field instanceof z.ZodNumber;

/** Where a metric may not point: a field its domain's event lacks or that is no number, or a number no entity has. */
function checkMetric(
  metric: z.infer<typeof ZBuiltinMetric>,
  domain: TLayer,
  collections: readonly TBuiltinEntityCollection[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const eventShape = EVENT_SCHEMA_OF_DOMAIN[domain].shape as Record<string, z.ZodType>;
  const numbers = fieldsOf(eventShape, isNumber);
  const issue = (at: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path: [...path, ...at], message });
  const eventNumber = (name: string, at: (string | number)[]) => {
    if (!numbers.includes(name)) issue(at, `${domain} events have no number field "${name}" (they have ${numbers.join(", ")})`);
  };
  eventNumber(metric.value.field, ["value", "field"]);
  const per = metric.value.per;
  if (typeof per === "string") eventNumber(per, ["value", "per"]);
  else if (per) {
    const entityNumbers = collections.flatMap((c) => fieldsOf(ZCityEntities.shape[c].element.shape as Record<string, z.ZodType>, isNumber));
    if (!entityNumbers.includes(per.entity))
      issue(
        ["value", "per", "entity"],
        `${collections.join(" and ")} have no number "${per.entity}" (they have ${[...new Set(entityNumbers)].join(", ")})`,
      );
  }
  for (const name of placeholdersOf(metric.sentence)) {
    if (name === "value" || (name === "per" && per) || name in eventShape) continue;
    issue(["sentence"], `{${name}}: neither {value}${per ? ", {per}" : ""} nor a field of ${domain} events`);
  }
}

/** A built-in citizens' service: a declared one's shape, plus its place in the city's list (services.json order). */
const ZBuiltinCitizenService = z.strictObject({
  ...ZDeclaredCitizenService.shape,
  position: z.number().int().min(0),
});

export const ZBuiltinDomainDescription = z
  .strictObject({
    id: ZLayer,
    label: ZLabel,
    /** Where its events travel inside the city ("city.traffic"): the simulator's, the edge's and the ingest's topic. */
    kafkaTopic: ZKafkaTopic,
    /** Its level in the edge's MQTT topics: sensors publish on `city/<mqttTopicLevel>/<entity id>`. */
    mqttTopicLevel: ZMqttTopicLevel,
    /** The CAP `<category>` its alerts carry, unless ruleCapCategories names another for a rule. */
    capCategory: ZCapCategory,
    /** Rules of this domain (by id) whose alerts are another CAP category: a burning bin is a fire. */
    ruleCapCategories: z.record(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/), ZCapCategory).default({}),
    /** The incident an operator's promotion of one of its alerts proposes (a declared domain's rule names a run card). */
    incidentType: ZIncidentType.default("other"),
    /**
     * The rules a fresh installation starts with for this domain, in the built-in rule engine's shape
     * (lib/contracts/rules.ts ZRuleDefinition without `domain`, which is the file's). Only their ids are checked
     * here: the rule schema reads the metric tables these files describe, so server/rule-engine/default-rules.ts
     * parses them in full (a bad one stops the start, naming the file and the field).
     */
    rules: z
      .array(z.looseObject({ id: z.string() }))
      .max(24)
      .default([]),
    map: z.strictObject({
      /** What the layer shows, beside its switch: "Road speed against free flow; width shows volume". */
      description: z.string().min(1).max(120),
      /** The words at the ends of its colour ramp ("Free flow" … "Standstill"); none for a layer drawn in swatches. */
      rampLabels: z.strictObject({ from: ZLabel, to: ZLabel }).optional(),
      /** The tooltip's live rows, in order: an event property or metric, and what the row is called. */
      tooltip: z
        .array(z.strictObject({ field: ZFieldName, label: ZLabel }))
        .min(1)
        .max(8),
    }),
    /** Its kinds of entity, in the order an id is looked up among them (a substation before a feeder). */
    entities: z.array(ZBuiltinEntityKind).min(1).max(4),
    metrics: z.array(ZBuiltinMetric).max(8).default([]),
    properties: z.array(ZBuiltinProperty).max(16).default([]),
    citizenServices: z.array(ZBuiltinCitizenService).max(20).default([]),
  })
  .superRefine((d, ctx) => {
    d.entities.forEach((kind, i) => checkPlaceholders(kind, ["entities", i], ctx));
    const collections = d.entities.map((e) => e.collection);
    d.metrics.forEach((metric, i) => checkMetric(metric, d.id, collections, ["metrics", i], ctx));
    // A rule id names its domain first ("waste.bin-full"), wherever a file refers to one.
    const checkOwnRuleId = (ruleId: string, path: (string | number)[]) => {
      if (!ruleId.startsWith(`${d.id}.`)) ctx.addIssue({ code: "custom", path, message: `must start with "${d.id}."` });
    };
    for (const ruleId of Object.keys(d.ruleCapCategories)) checkOwnRuleId(ruleId, ["ruleCapCategories", ruleId]);
    d.rules.forEach((rule, i) => checkOwnRuleId(rule.id, ["rules", i, "id"]));
    const namesOnce = {
      entities: d.entities.map((e) => e.collection),
      metrics: d.metrics.map((m) => m.name),
      properties: d.properties.map((p) => p.name),
      rules: d.rules.map((r) => r.id),
      citizenServices: d.citizenServices.map((s) => s.code),
    };
    for (const [key, names] of Object.entries(namesOnce))
      if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: [key], message: "each name once" });
  });
export type TBuiltinMetric = z.infer<typeof ZBuiltinMetric>;
export type TBuiltinDomainDescription = z.infer<typeof ZBuiltinDomainDescription>;
