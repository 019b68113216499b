import { z } from "zod";
import { ZAlertSeverity } from "./alerts";
import { ZDomainName, ZLayer, isBuiltinLayer, type TDomainName } from "./layers";
import { WASTE_STATUSES } from "./events";
import { builtinMetricTables } from "@/lib/domains/builtin-domains";

/**
 * Alert rules and the signals the rules engine emits when an alert opens,
 * updates or clears. Rules are data (stored, edited at runtime); the server
 * parses them with these schemas before handing them to the engine.
 */

/** Numbers derived from one event (shares are 0–1, e.g. speedShare = speed / free flow). */
const ALERT_METRICS = ["speedShare", "occupancy", "fillingLevel", "temperature", "loadShare", "voltageShare", "frequency"] as const;
export const ZAlertMetric = z.enum(ALERT_METRICS);
export type TAlertMetric = z.infer<typeof ZAlertMetric>;

/** What the settings form calls each tunable number: error messages name fields the same way, so a supervisor can find them. */
export const RULE_FIELD_LABELS = {
  sustainSeconds: "Sustain",
  clearSustainSeconds: "Clear sustain",
  openAbove: "Opens at or above",
  clearBelow: "Clears below",
  openBelow: "Opens below",
  clearAbove: "Clears above",
  staleSeconds: "Silent for",
  rise: "Rise of more than",
  withinSeconds: "Within",
  clearRise: "Clears within",
  minSegments: "Connected segments",
  congestedBelow: "Congested below",
  min: "Lowest allowed",
  max: "Highest allowed",
  clearMargin: "Clear margin",
} as const;
type TRuleField = keyof typeof RULE_FIELD_LABELS;
const L = RULE_FIELD_LABELS;

/**
 * How a rule's numbers read to people: shares (0–1) as percentages, the rest in their physical unit. `label` names
 * the metric in messages; `min`/`max` bound its readings (a threshold outside them could never be met, or always is).
 */
export type TMetricUnit = { unit: string; isShare: boolean; label?: string; min?: number; max?: number };

/** What a rule reads when nothing is known of it (no metric, or a field its domain does not declare). */
export const NO_UNIT: TMetricUnit = { unit: "", isShare: false };

/**
 * How each metric reads to people, and which domain's rules read it: from the built-in domains' files
 * (lib/domains/definitions/builtin), whose bounds are the events' (lib/contracts/events.ts), or none where a share may pass 100 %.
 */
const BUILTIN_METRICS = builtinMetricTables(ALERT_METRICS);
export const METRIC_UNITS: Readonly<Record<TAlertMetric, TMetricUnit>> = BUILTIN_METRICS.units;
const METRICS_BY_DOMAIN = BUILTIN_METRICS.byDomain;

/** Shares of free-flow speed (jamSpread, which reads no metric). */
export const SHARE_UNIT: TMetricUnit = METRIC_UNITS.speedShare;

/** A stored value as the form shows it, for messages: 0.9 of a share metric → "90 %", 25 °C → "25 °C". */
export function formatRuleValue(value: number, { unit, isShare }: Pick<TMetricUnit, "unit" | "isShare">): string {
  if (isShare) return `${Number((value * 100).toFixed(6))} %`;
  return `${value} ${unit}`.trim();
}

const asShown = (value: number, isShare: boolean) => (isShare ? Number((value * 100).toFixed(6)) : value);

/** The range of a metric's readings as a message says it: "between 0 and 1000 µg/m³", "at least 0 % of free flow". */
function formatRange({ unit, isShare, min, max }: TMetricUnit): string {
  const unitText = unit ? ` ${unit}` : "";
  if (min !== undefined && max !== undefined) return `between ${asShown(min, isShare)} and ${asShown(max, isShare)}${unitText}`;
  if (min !== undefined) return `at least ${asShown(min, isShare)}${unitText}`;
  return `at most ${asShown(max ?? 0, isShare)}${unitText}`;
}

/** "PM2.5: " before a message about a rule's thresholds, so it says what is measured; nothing for an unnamed metric. */
const metricPrefix = (unit: TMetricUnit) => (unit.label ? `${unit.label}: ` : "");

/** Adds an issue at `field` when `value` lies outside the metric's readings. */
function checkInRange(ctx: z.RefinementCtx, field: TRuleField, value: number, unit: TMetricUnit): void {
  if ((unit.min === undefined || value >= unit.min) && (unit.max === undefined || value <= unit.max)) return;
  ctx.addIssue({ code: "custom", path: [field], message: `${metricPrefix(unit)}'${L[field]}' must be ${formatRange(unit)}` });
}

// Messages a supervisor reads beside the field (the API's 400 fieldErrors carry them unchanged).
const aNumber = (field: TRuleField) => z.number({ error: `${L[field]}: enter a number` });
const notNegative = (field: TRuleField) => aNumber(field).min(0, `${L[field]} can't be negative`);
const aboveZero = (field: TRuleField) => aNumber(field).positive(`${L[field]} must be more than 0`);
const shareAboveZero = (field: TRuleField) =>
  aNumber(field).gt(0, `${L[field]} must be more than 0 %`).max(1, `${L[field]} can be at most 100 %`);
const MAX_SUSTAIN_SECONDS = 86_400;
const sustain = (field: "sustainSeconds" | "clearSustainSeconds") =>
  notNegative(field).max(MAX_SUSTAIN_SECONDS, `${L[field]} can be at most 24 hours (${MAX_SUSTAIN_SECONDS} s)`);

/**
 * Opens at value ≥ openAbove and clears below clearBelow, or opens at value < openBelow and clears above clearAbove;
 * the gap between them is the hysteresis band. `metric` is what the rule reads: a built-in metric, or a declared
 * domain's number field (whose unit and range come from its definition, through `unitOf`).
 */
function thresholdParams<M extends string>(metric: z.ZodType<M, string>, unitOf: (metric: M) => TMetricUnit) {
  const above = z.strictObject({ metric, openAbove: aNumber("openAbove"), clearBelow: aNumber("clearBelow") }).superRefine((p, ctx) => {
    const unit = unitOf(p.metric);
    checkInRange(ctx, "openAbove", p.openAbove, unit);
    checkInRange(ctx, "clearBelow", p.clearBelow, unit);
    if (p.clearBelow > p.openAbove)
      ctx.addIssue({
        code: "custom",
        path: ["clearBelow"],
        message: `${metricPrefix(unit)}'${L.clearBelow}' must be at most '${L.openAbove}' (${formatRuleValue(p.openAbove, unit)})`,
      });
  });
  const below = z.strictObject({ metric, openBelow: aNumber("openBelow"), clearAbove: aNumber("clearAbove") }).superRefine((p, ctx) => {
    const unit = unitOf(p.metric);
    checkInRange(ctx, "openBelow", p.openBelow, unit);
    checkInRange(ctx, "clearAbove", p.clearAbove, unit);
    if (p.clearAbove < p.openBelow)
      ctx.addIssue({
        code: "custom",
        path: ["clearAbove"],
        message: `${metricPrefix(unit)}'${L.clearAbove}' must be at least '${L.openBelow}' (${formatRuleValue(p.openBelow, unit)})`,
      });
  });
  return z.union([above, below]);
}
export const ZThresholdParams = thresholdParams(ZAlertMetric, (metric) => METRIC_UNITS[metric]);

export const ZStatusParams = z.strictObject({
  statuses: z.array(z.enum(WASTE_STATUSES).exclude(["ok"])).min(1, "Pick at least one status"),
});

export const ZStaleParams = z.strictObject({ staleSeconds: aboveZero("staleSeconds") });

/** Opens when the value rose more than `rise` within `withinSeconds`; clears once back within `clearRise` of where it started. */
export const ZSpikeParams = z
  .strictObject({
    metric: ZAlertMetric,
    rise: aboveZero("rise"),
    withinSeconds: aboveZero("withinSeconds"),
    clearRise: notNegative("clearRise"),
  })
  .superRefine((p, ctx) => {
    if (p.clearRise >= p.rise)
      ctx.addIssue({
        code: "custom",
        path: ["clearRise"],
        message: `${metricPrefix(METRIC_UNITS[p.metric])}'${L.clearRise}' must be less than '${L.rise}' (${formatRuleValue(p.rise, METRIC_UNITS[p.metric])})`,
      });
  });

/** A segment counts as congested below `congestedBelow` of free-flow speed and stops counting above `clearAbove`. */
export const ZJamSpreadParams = z
  .strictObject({
    minSegments: aNumber("minSegments").int(`${L.minSegments} must be a whole number`).min(2, `${L.minSegments} must be at least 2`),
    congestedBelow: shareAboveZero("congestedBelow"),
    clearAbove: shareAboveZero("clearAbove"),
  })
  .superRefine((p, ctx) => {
    if (p.clearAbove < p.congestedBelow)
      ctx.addIssue({
        code: "custom",
        path: ["clearAbove"],
        message: `'${L.clearAbove}' must be at least '${L.congestedBelow}' (${formatRuleValue(p.congestedBelow, SHARE_UNIT)})`,
      });
  });

/** Opens outside [min, max]; clears once inside [min + clearMargin, max − clearMargin]. */
export const ZOutOfBandParams = z
  .strictObject({ metric: ZAlertMetric, min: aNumber("min"), max: aNumber("max"), clearMargin: notNegative("clearMargin") })
  .superRefine((p, ctx) => {
    const unit = METRIC_UNITS[p.metric];
    checkInRange(ctx, "min", p.min, unit);
    checkInRange(ctx, "max", p.max, unit);
    if (p.min >= p.max) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `${metricPrefix(unit)}'${L.max}' must be above '${L.min}' (${formatRuleValue(p.min, unit)})`,
      });
    } else if (p.min + p.clearMargin >= p.max - p.clearMargin) {
      ctx.addIssue({
        code: "custom",
        path: ["clearMargin"],
        message: `${metricPrefix(unit)}'${L.clearMargin}' must be less than half the gap between '${L.min}' and '${L.max}' (${formatRuleValue((p.max - p.min) / 2, unit)}), or no value would ever clear the alert`,
      });
    }
  });

/** An alert that opens and clears more than maxChanges times within windowMinutes is flapping (server/rule-engine/episode.ts). */
export const FLAP_DEFAULTS = { maxChanges: 5, windowMinutes: 10 } as const;
const flapMaxChanges = () =>
  z.number({ error: "Flapping changes: enter a number" }).int("Flapping changes must be a whole number").min(2).max(100);
const flapWindowMinutes = () =>
  z
    .number({ error: "Flapping window: enter a number" })
    .int("Flapping window must be whole minutes")
    .min(1)
    .max(24 * 60);

const ENERGY_ASSET_KINDS = ["substation", "feeder"] as const;

/** What every rule has, whatever its domain: what the settings page tunes besides the numbers of its params. */
const commonRuleFields = {
  /** Stable id: episodes and dedup keys hang on it, so renaming a rule starts new episodes. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/)
    .max(64),
  name: z.string().min(1).max(120),
  description: z.string().max(500),
  severity: ZAlertSeverity,
  /** How long the condition must hold before the alert opens. */
  sustainSeconds: sustain("sustainSeconds"),
  /** How long the clear condition must hold before the alert clears. */
  clearSustainSeconds: sustain("clearSustainSeconds"),
  /** Flapping: more than this many opens and clears within flapWindowMinutes make one flapping alert (default FLAP_DEFAULTS). */
  flapMaxChanges: flapMaxChanges().optional(),
  flapWindowMinutes: flapWindowMinutes().optional(),
  enabled: z.boolean(),
};

const ruleFields = {
  ...commonRuleFields,
  domain: ZLayer,
  /** Energy rules only: restrict the rule to substations or to feeders. */
  assetKind: z.enum(ENERGY_ASSET_KINDS).optional(),
};

export const ZRuleDefinition = z
  .discriminatedUnion("kind", [
    z.object({ ...ruleFields, kind: z.literal("threshold"), params: ZThresholdParams }),
    z.object({ ...ruleFields, kind: z.literal("status"), params: ZStatusParams }),
    z.object({ ...ruleFields, kind: z.literal("stale"), params: ZStaleParams }),
    z.object({ ...ruleFields, kind: z.literal("spike"), params: ZSpikeParams }),
    z.object({ ...ruleFields, kind: z.literal("jamSpread"), params: ZJamSpreadParams }),
    z.object({ ...ruleFields, kind: z.literal("outOfBand"), params: ZOutOfBandParams }),
  ])
  .superRefine((rule, ctx) => {
    if ("metric" in rule.params && !METRICS_BY_DOMAIN[rule.domain].includes(rule.params.metric)) {
      ctx.addIssue({
        code: "custom",
        path: ["params", "metric"],
        message: `metric ${rule.params.metric} does not belong to the ${rule.domain} domain`,
      });
    }
    if (rule.kind === "status" && rule.domain !== "waste")
      ctx.addIssue({ code: "custom", path: ["kind"], message: "status rules apply to waste bins" });
    if (rule.kind === "jamSpread" && rule.domain !== "traffic")
      ctx.addIssue({ code: "custom", path: ["kind"], message: "jamSpread rules apply to traffic" });
    if (rule.assetKind && rule.domain !== "energy")
      ctx.addIssue({ code: "custom", path: ["assetKind"], message: "assetKind applies to energy rules" });
  });

export type TRuleDefinition = z.infer<typeof ZRuleDefinition>;
export type TRuleKind = TRuleDefinition["kind"];
export type TRuleOfKind<K extends TRuleKind> = Extract<TRuleDefinition, { kind: K }>;

/**
 * A declared domain's rule (lib/domains/definitions `rules`, lib/domains/declared-rules.ts) in the shape of a
 * built-in one, so /rules tunes, stores, audits and resets it alike. Threshold rules read a number field of the
 * domain (`metric`), status rules an enum or boolean field; the engine is server/domains/domain-rule-engine.ts.
 */
const declaredRuleFields = {
  ...commonRuleFields,
  domain: ZDomainName.refine((domain) => !isBuiltinLayer(domain), "is a built-in layer"),
};
const ZFieldMetric = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/);
/** `unitOf`: how the domain's number field a threshold rule reads is measured and bounded (its definition's unit, min and max). */
export function declaredRuleSchema(unitOf: (field: string) => TMetricUnit) {
  return z.discriminatedUnion("kind", [
    z.object({ ...declaredRuleFields, kind: z.literal("threshold"), params: thresholdParams(ZFieldMetric, unitOf) }),
    z.object({
      ...declaredRuleFields,
      kind: z.literal("status"),
      params: z.strictObject({
        field: ZFieldMetric,
        /** Values that open the alert, worst first. */
        statuses: z.array(z.string()).min(1, "Pick at least one status"),
        /** Only while the sun is down at the city's centre. */
        onlyAtNight: z.boolean(),
      }),
    }),
    z.object({ ...declaredRuleFields, kind: z.literal("stale"), params: ZStaleParams }),
  ]);
}
/** A declared rule's shape, its thresholds unchecked against its field (declaredRuleSchema checks them). */
export const ZDeclaredRule = declaredRuleSchema(() => NO_UNIT);
export type TDeclaredRule = z.infer<typeof ZDeclaredRule>;

/** Any rule in force: a built-in domain's or a declared domain's. */
export type TAlertRule = TRuleDefinition | TDeclaredRule;
export const ZAlertRule: z.ZodType<TAlertRule> = z.union([ZRuleDefinition, ZDeclaredRule]);

/** What a rule's thresholds are measured in: its metric or field (none: stale rules; a jam's shares of free flow). */
export function ruleMetric(rule: TAlertRule): string | undefined {
  return "metric" in rule.params ? rule.params.metric : undefined;
}

export function isBuiltinRule(rule: TAlertRule): rule is TRuleDefinition {
  return isBuiltinLayer(rule.domain);
}

/**
 * Parses a rule with its domain's schema (a union's error would not say which field is wrong). A declared rule's
 * thresholds are checked against its field's range, and its messages give units, when `unitOf` says what they are
 * (the domain catalogue's metricUnit).
 */
export function safeParseAlertRule(value: unknown, unitOf?: (domain: TDomainName, metric: string) => TMetricUnit) {
  const domain = (value as { domain?: unknown } | null)?.domain;
  if (typeof domain !== "string" || isBuiltinLayer(domain)) return ZRuleDefinition.safeParse(value);
  return (unitOf ? declaredRuleSchema((field) => unitOf(domain, field)) : ZDeclaredRule).safeParse(value);
}

/**
 * Zod issues keyed by the field the form shows: a param's issue ("params.clearBelow") under "clearBelow",
 * so its message sits beside that input rather than under the whole card.
 */
export function ruleFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String((issue.path[0] === "params" && issue.path.length > 1 ? issue.path[1] : issue.path[0]) ?? "rule");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** A flapping alert's state, as the engine keeps it and the alert's row stores it (so a restart carries it on). */
export const MAX_FLAP_CHANGES_KEPT = 200;
export const ZSignalFlap = z.object({
  /** Flapping now; false once it has been stable for windowMinutes (the row keeps the rest). */
  flapping: z.boolean(),
  /** Each open and clear of the condition within the window, oldest first (at most MAX_FLAP_CHANGES_KEPT). */
  changesAt: z.array(z.iso.datetime()).max(MAX_FLAP_CHANGES_KEPT),
  /** Opens and clears since the alert began to flap, the ones that made it flap included. */
  total: z.number().int().min(0),
  /** Whether the condition holds now (while flapping its clears do not close the alert). */
  conditionActive: z.boolean(),
  windowMinutes: z.number().int().min(1),
});
export type TSignalFlap = z.infer<typeof ZSignalFlap>;

const ALERT_SIGNAL_KINDS = ["open", "update", "clear"] as const;
const ZAlertValue = z.union([z.number(), z.string()]);

export const ZAlertSignal = z.object({
  kind: z.enum(ALERT_SIGNAL_KINDS),
  ruleId: z.string(),
  entityId: z.string(),
  domain: ZDomainName,
  severity: ZAlertSeverity,
  /** When the transition happened, in event time (not the server clock). */
  at: z.iso.datetime(),
  /** When the condition started to hold (start of the episode). */
  startedAt: z.iso.datetime(),
  /** Last time the condition was observed true. */
  lastSeenAt: z.iso.datetime(),
  /** Readings that met the condition during the episode. */
  count: z.number().int().min(1),
  value: ZAlertValue,
  worstValue: ZAlertValue,
  message: z.string(),
  /**
   * rule id + entity id + observedAt of the event that started the episode: replaying
   * the same events gives the same key, so the store can reject duplicates.
   */
  dedupKey: z.string(),
  /** Other entities the alert covers (the segments of a spreading jam). */
  relatedEntityIds: z.array(z.string()).optional(),
  /** Set once the alert has flapped (ZSignalFlap); absent on alerts that never did. */
  flap: ZSignalFlap.optional(),
});
export type TAlertSignal = z.infer<typeof ZAlertSignal>;
export type TAlertSignalKind = TAlertSignal["kind"];

/** A rule as the settings API shows it: the definition in force and who last changed it (GET /api/rules). */
export const ZRuleSetting = z.object({
  rule: ZAlertRule,
  /** 0 while the rule runs with its built-in default; each saved change adds one. */
  version: z.number().int(),
  /** True while the rule in force equals its built-in default (nothing for "Reset to default" to do). */
  isDefault: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TRuleSetting = z.infer<typeof ZRuleSetting>;
export const ZRuleSettingList = z.array(ZRuleSetting);

/** PUT /api/rules/[id]: the tunable parts of a rule; the merged rule is validated with ZRuleDefinition. */
export const ZUpdateRuleRequest = z.object({
  version: z.number().int().min(0),
  severity: ZAlertSeverity.optional(),
  sustainSeconds: sustain("sustainSeconds").optional(),
  clearSustainSeconds: sustain("clearSustainSeconds").optional(),
  flapMaxChanges: flapMaxChanges().optional(),
  flapWindowMinutes: flapWindowMinutes().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});
export type TUpdateRuleRequest = z.infer<typeof ZUpdateRuleRequest>;

/** POST /api/rules/[id]/reset: back to the built-in default, from the version this browser saw. */
export const ZResetRuleRequest = z.object({ version: z.number().int().min(0) });
export type TResetRuleRequest = z.infer<typeof ZResetRuleRequest>;
