import { z } from "zod";
import { ZAlertSeverity } from "./alerts";
import { ZCitizenService } from "./citizen-services";
import { ZUnitType } from "./events";
import { ZIncidentType } from "./incidents";
import { LAYERS } from "./layers";

/**
 * A sensor domain declared as data (lib/domains/definitions/*.json): what its events hold, where they arrive,
 * how the map draws them, which alerts they raise and how the simulator imitates them. The server loads and
 * validates every definition at start (server/domains/load-domain-definitions.ts); the browser receives the
 * same parsed definitions, so both sides read one description of the domain.
 */

/** Domain, field and rule ids end up in topics, dedup keys and deck.gl layer ids: keep them plain. */
const ZDomainId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, "use 2–40 lower-case letters, digits or '-', starting with a letter")
  .refine((id) => !(LAYERS as readonly string[]).includes(id), "is a built-in layer's id");
export const ZFieldName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, "use letters and digits, starting with a letter (Smart Data Models style)");
const RESERVED_FIELDS = ["id", "entityId", "observedAt", "type"];
export const ZLabel = z.string().min(1).max(60);
/** A Kafka topic name as Kafka allows it. */
export const ZKafkaTopic = z.string().regex(/^[a-zA-Z0-9._-]{1,200}$/, "use 1–200 letters, digits, '.', '_' or '-'");
/** One level of an MQTT topic (`city/<level>/<entity id>`): plain, so a pattern's `+` matches it and nothing else. */
export const ZMqttTopicLevel = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, "use 2–40 lower-case letters, digits or '-', starting with a letter");

/** A unit's UN/CEFACT common code ("GQ" µg/m³, "BAR", "P1" %), which NGSI-LD gives as the Property's unitCode. */
export const ZUnitCode = z.string().regex(/^[A-Z0-9]{2,3}$/, "a UN/CEFACT common code: 2 or 3 capital letters or digits");

const fieldBase = { name: ZFieldName, label: ZLabel, required: z.boolean().default(true) };

const ZNumberField = z
  .strictObject({
    ...fieldBase,
    kind: z.literal("number"),
    /** Written after the value: "µg/m³", "bar", "%". */
    unit: z.string().max(16),
    unitCode: ZUnitCode.optional(),
    min: z.number(),
    max: z.number(),
    integer: z.boolean().default(false),
  })
  .refine((f) => f.min < f.max, { path: ["max"], message: "must be above min" });
const ZEnumField = z.strictObject({
  ...fieldBase,
  kind: z.literal("enum"),
  values: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,29}$/)).min(2),
});
const ZBooleanField = z.strictObject({ ...fieldBase, kind: z.literal("boolean") });
export const ZDomainField = z.discriminatedUnion("kind", [ZNumberField, ZEnumField, ZBooleanField]);
export type TDomainField = z.infer<typeof ZDomainField>;

/** OASIS CAP 1.2 `<category>` values: what a domain's alerts are about when they leave as CAP messages. */
export const CAP_CATEGORIES = [
  "Geo",
  "Met",
  "Safety",
  "Security",
  "Rescue",
  "Fire",
  "Health",
  "Env",
  "Transport",
  "Infra",
  "CBRNE",
  "Other",
] as const;
export const ZCapCategory = z.enum(CAP_CATEGORIES);
export type TCapCategory = z.infer<typeof ZCapCategory>;

/** Names of the colour ramps in lib/design/tokens.ts (DOMAIN_SCALE_COLOR); a definition never carries hex values. */
export const DOMAIN_PALETTES = ["sequential", "diverging"] as const;
/** Named status colours (DOMAIN_STATUS_COLOR) an enum or boolean value can take on the map. */
export const DOMAIN_STATUS_TONES = ["ok", "muted", "warn", "critical", "info"] as const;

const ZColorBy = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("scale"),
    field: ZFieldName,
    palette: z.enum(DOMAIN_PALETTES),
    /** Increasing values; the colour moves along the palette from the first stop to the last. */
    stops: z
      .array(z.strictObject({ value: z.number(), label: z.string().min(1).max(40) }))
      .min(2)
      .max(7)
      .refine((stops) => stops.every((s, i) => i === 0 || s.value > stops[i - 1].value), "stop values must increase"),
  }),
  z.strictObject({
    kind: z.literal("status"),
    field: ZFieldName,
    /** One tone per value; values not listed are drawn muted. */
    tones: z.record(z.string(), z.enum(DOMAIN_STATUS_TONES)),
  }),
]);

const ZMapLayer = z.strictObject({
  geometry: z.enum(["point", "line", "polygon"]),
  color: ZColorBy,
  /** Legend title, e.g. "PM2.5 (µg/m³)". */
  legend: z.string().min(1).max(60),
  /** Point radius or line width in pixels at the default zoom. */
  sizePx: z.number().min(1).max(40).default(6),
  tooltip: z
    .array(z.strictObject({ field: ZFieldName, label: ZLabel }))
    .min(1)
    .max(8),
});

const ruleBase = {
  /** Stable, prefixed with the domain id ("air-quality.pm25-high"): episodes and dedup keys hang on it. */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/, "use '<domain id>.<name>' in lower case")
    .max(64),
  title: z.string().min(1).max(120),
  description: z.string().max(500).default(""),
  severity: ZAlertSeverity,
  sustainSeconds: z.number().min(0).max(86_400).default(0),
  clearSustainSeconds: z.number().min(0).max(86_400).default(0),
  /** The run card (by id) an incident promoted from this rule's alerts starts with. */
  runCard: z.string().optional(),
  /** This rule's CAP category when it differs from the domain's (a dark street is a safety matter on a utility's network). */
  capCategory: ZCapCategory.optional(),
};

export const ZDomainRuleTemplate = z.discriminatedUnion("kind", [
  z
    .strictObject({
      ...ruleBase,
      kind: z.literal("threshold"),
      field: ZFieldName,
      /** Opens at value ≥ openAbove, clears below clearBelow (the hysteresis band between). */
      openAbove: z.number().optional(),
      clearBelow: z.number().optional(),
      /** Opens at value < openBelow, clears above clearAbove. */
      openBelow: z.number().optional(),
      clearAbove: z.number().optional(),
    })
    .superRefine((r, ctx) => {
      const above = r.openAbove !== undefined && r.clearBelow !== undefined;
      const below = r.openBelow !== undefined && r.clearAbove !== undefined;
      if (above === below) {
        ctx.addIssue({ code: "custom", path: ["openAbove"], message: "give either openAbove + clearBelow or openBelow + clearAbove" });
      } else if (above && r.clearBelow! > r.openAbove!) {
        ctx.addIssue({ code: "custom", path: ["clearBelow"], message: "must be at most openAbove" });
      } else if (below && r.clearAbove! < r.openBelow!) {
        ctx.addIssue({ code: "custom", path: ["clearAbove"], message: "must be at least openBelow" });
      }
    }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal("status"),
    field: ZFieldName,
    /** Values that open the alert, worst first. */
    values: z.array(z.string()).min(1),
    /** Only while the sun is down at the city's centre (a street light off by day is normal). */
    onlyAtNight: z.boolean().default(false),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal("stale"), staleSeconds: z.number().positive().max(86_400) }),
]);
export type TDomainRuleTemplate = z.infer<typeof ZDomainRuleTemplate>;

export const ZDomainRunCard = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** The incident kind an alert of this domain is promoted to. */
  incidentType: ZIncidentType,
  title: z.string().min(1).max(120),
  units: z.partialRecord(ZUnitType, z.number().int().min(1).max(10)),
});
export type TDomainRunCard = z.infer<typeof ZDomainRunCard>;

const ZFieldHint = z.union([
  z.strictObject({
    /** Typical value, the noise around it (standard-deviation-like), and a day curve peaking at peakHour (local). */
    baseline: z.number(),
    noise: z.number().min(0),
    diurnalAmplitude: z.number().min(0).default(0),
    peakHour: z.number().min(0).max(24).default(12),
  }),
  z.strictObject({
    /** Enum/boolean: relative weights of each value ("true"/"false" for booleans). */
    weights: z.record(z.string(), z.number().min(0)),
  }),
]);

const ZSimulatorHints = z.strictObject({
  /** Seconds between two readings of one sensor. */
  intervalSeconds: z.number().min(1).max(3_600),
  fields: z.record(ZFieldName, ZFieldHint),
  /** Now and then a sensor leaves its normal range for a while, so the rules have something to find. */
  excursion: z.strictObject({
    /** Chance per reading that a sensor starts an excursion. */
    rate: z.number().min(0).max(1),
    durationSeconds: z.number().min(1).max(86_400),
    /** The values the sensor reports meanwhile (others keep their normal behaviour). */
    values: z.record(ZFieldName, z.union([z.number(), z.string(), z.boolean()])),
  }),
});

const ZPlacement = z.strictObject({
  /** Entity ids are `${idPrefix}-${n}`; names are "<name> on <street>". */
  idPrefix: z.string().regex(/^[a-z][a-z0-9]{0,9}$/),
  name: ZLabel,
  /** One sensor every this many named street segments of the city pack (seeded, so every start places them alike). */
  everyNthSegment: z.number().int().min(1).max(10_000),
  seed: z.number().int(),
});

/**
 * A citizens' report (Open311 service) this domain's crews handle: its alerts are raised in this domain. A code
 * equal to a built-in service's replaces that one (lib/domains/citizen-service-catalog.ts), so a city routes
 * "water-leak" to its water network by data.
 */
export const ZDeclaredCitizenService = z.strictObject(ZCitizenService.omit({ domain: true }).shape);
export type TDeclaredCitizenService = z.infer<typeof ZDeclaredCitizenService>;

export const ZDomainDefinition = z
  .strictObject({
    id: ZDomainId,
    label: ZLabel,
    description: z.string().max(2_000).default(""),
    /** The CAP `<category>` its alerts carry (lib/domains/domain-catalog.ts), unless a rule names its own. */
    capCategory: ZCapCategory,
    /** The Smart Data Models entity type its events carry (`type` of each event). */
    eventType: z.string().regex(/^[A-Z][A-Za-z0-9]{1,59}$/, "use the Smart Data Models type name, e.g. AirQualityObserved"),
    fields: z.array(ZDomainField).min(1).max(24),
    kafkaTopic: ZKafkaTopic,
    /**
     * The domain level of the edge's MQTT topics (MQTT_TOPIC_PATTERN, e.g. `city/+/+`): sensors publish on
     * `city/<mqttTopicLevel>/<entity id>`, as the built-in domains do with theirs (lib/domains/definitions/builtin).
     */
    mqttTopicLevel: ZMqttTopicLevel,
    entities: ZPlacement,
    map: ZMapLayer,
    rules: z.array(ZDomainRuleTemplate).max(20),
    runCards: z.array(ZDomainRunCard).max(10).default([]),
    citizenServices: z.array(ZDeclaredCitizenService).max(20).default([]),
    simulator: ZSimulatorHints,
  })
  .superRefine((def, ctx) => {
    const fields = new Map(def.fields.map((f) => [f.name, f]));
    def.fields.forEach((f, i) => {
      if (RESERVED_FIELDS.includes(f.name))
        ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: `"${f.name}" is reserved` });
    });
    if (fields.size !== def.fields.length) ctx.addIssue({ code: "custom", path: ["fields"], message: "field names must be unique" });
    const needField = (path: (string | number)[], name: string, kinds?: TDomainField["kind"][]) => {
      const field = fields.get(name);
      if (!field) ctx.addIssue({ code: "custom", path, message: `no field "${name}" in fields` });
      else if (kinds && !kinds.includes(field.kind))
        ctx.addIssue({ code: "custom", path, message: `field "${name}" is ${field.kind}; needs ${kinds.join(" or ")}` });
      return field;
    };
    needField(["map", "color", "field"], def.map.color.field, def.map.color.kind === "scale" ? ["number"] : ["enum", "boolean"]);
    def.map.tooltip.forEach((t, i) => needField(["map", "tooltip", i, "field"], t.field));
    const runCardIds = new Set(def.runCards.map((c) => c.id));
    const ruleIds = new Set<string>();
    def.rules.forEach((rule, i) => {
      if (!rule.id.startsWith(`${def.id}.`))
        ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `must start with "${def.id}."` });
      if (ruleIds.has(rule.id)) ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: "duplicate rule id" });
      ruleIds.add(rule.id);
      if (rule.runCard && !runCardIds.has(rule.runCard))
        ctx.addIssue({ code: "custom", path: ["rules", i, "runCard"], message: `no run card "${rule.runCard}" in runCards` });
      if (rule.kind === "threshold") {
        const field = needField(["rules", i, "field"], rule.field, ["number"]);
        // A threshold outside what the sensor can read could never be met (or always is).
        for (const key of ["openAbove", "clearBelow", "openBelow", "clearAbove"] as const) {
          const value = rule[key];
          if (field?.kind === "number" && value !== undefined && (value < field.min || value > field.max))
            ctx.addIssue({
              code: "custom",
              path: ["rules", i, key],
              message: `must be between ${field.min} and ${field.max}${field.unit ? ` ${field.unit}` : ""} (the range of "${field.name}")`,
            });
        }
      }
      if (rule.kind === "status") {
        const field = needField(["rules", i, "field"], rule.field, ["enum", "boolean"]);
        const allowed = field?.kind === "enum" ? field.values : ["true", "false"];
        rule.values.forEach((v, j) => {
          if (field && !allowed.includes(v))
            ctx.addIssue({ code: "custom", path: ["rules", i, "values", j], message: `"${v}" is not one of ${allowed.join(", ")}` });
        });
      }
    });
    for (const name of Object.keys(def.simulator.fields)) needField(["simulator", "fields", name], name);
    for (const field of def.fields) {
      if (field.required && !(field.name in def.simulator.fields))
        ctx.addIssue({ code: "custom", path: ["simulator", "fields"], message: `no hint for required field "${field.name}"` });
    }
    for (const name of Object.keys(def.simulator.excursion.values)) needField(["simulator", "excursion", "values", name], name);
    const serviceCodes = new Set<string>();
    def.citizenServices.forEach((service, i) => {
      if (serviceCodes.has(service.code))
        ctx.addIssue({ code: "custom", path: ["citizenServices", i, "code"], message: `service code "${service.code}" is declared twice` });
      serviceCodes.add(service.code);
    });
  });
export type TDomainDefinition = z.infer<typeof ZDomainDefinition>;
/** What a definition file holds before defaults are filled in. */
export type TDomainDefinitionInput = z.input<typeof ZDomainDefinition>;

/** A declared domain's event: the common envelope plus the definition's flat fields (Smart Data Models style). */
export type TDomainEvent = {
  id: string;
  entityId: string;
  observedAt: string;
  type: string;
  [field: string]: string | number | boolean;
};

const envelope = {
  id: z.string().min(1).max(128),
  entityId: z.string().min(1).max(128),
  observedAt: z.iso.datetime({ offset: true }),
};

/**
 * A declared domain's event as the server recorded it (time playback): the envelope and flat field values. Its
 * fields were checked against its definition when it came in; read back, only the shape is checked.
 */
export const ZRecordedDomainEvent: z.ZodType<TDomainEvent> = z
  .object({ ...envelope, type: z.string() })
  .catchall(z.union([z.string(), z.number(), z.boolean()]));

function fieldSchema(field: TDomainField): z.ZodType<string | number | boolean> {
  switch (field.kind) {
    case "number": {
      const n = z.number().min(field.min).max(field.max);
      return field.integer ? n.int() : n;
    }
    case "enum":
      return z.enum(field.values as [string, ...string[]]);
    case "boolean":
      return z.boolean();
  }
}

/** The zod schema one definition's events are parsed with: unknown keys are dropped, like the built-in events. */
export function buildDomainEventSchema(definition: TDomainDefinition): z.ZodType<TDomainEvent> {
  const shape: Record<string, z.ZodType> = { ...envelope, type: z.literal(definition.eventType) };
  for (const field of definition.fields) shape[field.name] = field.required ? fieldSchema(field) : fieldSchema(field).optional();
  return z.object(shape) as unknown as z.ZodType<TDomainEvent>;
}

/** One sensor of a declared domain, placed from the city pack (lib/domains/place-domain-entities.ts). */
export type TDomainEntity = {
  id: string;
  domain: string;
  /** "Air sensor on Main St". */
  name: string;
  street: string;
  position: [number, number];
};
