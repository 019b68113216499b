import { z } from "zod";
import { ZAlertSeverity } from "./alerts";
import { ZLayer, type TLayer } from "./layers";
import { WASTE_STATUSES } from "./events";

/**
 * Alert rules and the signals the rules engine emits when an alert opens,
 * updates or clears. Rules are data (stored, edited at runtime); the server
 * parses them with these schemas before handing them to the engine.
 */

/** Numbers derived from one event (shares are 0–1, e.g. speedShare = speed / free flow). */
const ALERT_METRICS = ["speedShare", "occupancy", "fillingLevel", "temperature", "loadShare", "voltageShare", "frequency"] as const;
export const ZAlertMetric = z.enum(ALERT_METRICS);
export type TAlertMetric = z.infer<typeof ZAlertMetric>;

const METRICS_BY_DOMAIN: Record<TLayer, readonly TAlertMetric[]> = {
  traffic: ["speedShare"],
  parking: ["occupancy"],
  waste: ["fillingLevel", "temperature"],
  energy: ["loadShare", "voltageShare", "frequency"],
  units: [],
};

/** Opens at value ≥ openAbove, clears below clearBelow; the gap between them is the hysteresis band. */
const ZThresholdAbove = z
  .strictObject({ metric: ZAlertMetric, openAbove: z.number(), clearBelow: z.number() })
  .refine((p) => p.clearBelow <= p.openAbove, { message: "clearBelow must not exceed openAbove", path: ["clearBelow"] });
/** Opens at value < openBelow, clears above clearAbove. */
const ZThresholdBelow = z
  .strictObject({ metric: ZAlertMetric, openBelow: z.number(), clearAbove: z.number() })
  .refine((p) => p.clearAbove >= p.openBelow, { message: "clearAbove must not be under openBelow", path: ["clearAbove"] });
const ZThresholdParams = z.union([ZThresholdAbove, ZThresholdBelow]);

const ZStatusParams = z.strictObject({
  statuses: z.array(z.enum(WASTE_STATUSES).exclude(["ok"])).min(1),
});

const ZStaleParams = z.strictObject({ staleSeconds: z.number().positive() });

/** Opens when the value rose more than `rise` within `withinSeconds`; clears once back within `clearRise` of where it started. */
const ZSpikeParams = z
  .strictObject({ metric: ZAlertMetric, rise: z.number().positive(), withinSeconds: z.number().positive(), clearRise: z.number().min(0) })
  .refine((p) => p.clearRise < p.rise, { message: "clearRise must be below rise", path: ["clearRise"] });

/** A segment counts as congested below `congestedBelow` of free-flow speed and stops counting above `clearAbove`. */
const ZJamSpreadParams = z
  .strictObject({ minSegments: z.number().int().min(2), congestedBelow: z.number().gt(0).max(1), clearAbove: z.number().gt(0).max(1) })
  .refine((p) => p.clearAbove >= p.congestedBelow, { message: "clearAbove must not be under congestedBelow", path: ["clearAbove"] });

/** Opens outside [min, max]; clears once inside [min + clearMargin, max − clearMargin]. */
const ZOutOfBandParams = z
  .strictObject({ metric: ZAlertMetric, min: z.number(), max: z.number(), clearMargin: z.number().min(0) })
  .refine((p) => p.min + p.clearMargin < p.max - p.clearMargin, { message: "the clear band is empty", path: ["clearMargin"] });

const ENERGY_ASSET_KINDS = ["substation", "feeder"] as const;

const ruleFields = {
  /** Stable id: episodes and dedup keys hang on it, so renaming a rule starts new episodes. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/)
    .max(64),
  domain: ZLayer,
  name: z.string().min(1).max(120),
  description: z.string().max(500),
  severity: ZAlertSeverity,
  /** Energy rules only: restrict the rule to substations or to feeders. */
  assetKind: z.enum(ENERGY_ASSET_KINDS).optional(),
  /** How long the condition must hold before the alert opens. */
  sustainSeconds: z.number().min(0).max(86_400),
  /** How long the clear condition must hold before the alert clears. */
  clearSustainSeconds: z.number().min(0).max(86_400),
  enabled: z.boolean(),
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

const ALERT_SIGNAL_KINDS = ["open", "update", "clear"] as const;
const ZAlertValue = z.union([z.number(), z.string()]);

export const ZAlertSignal = z.object({
  kind: z.enum(ALERT_SIGNAL_KINDS),
  ruleId: z.string(),
  entityId: z.string(),
  domain: ZLayer,
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
});
export type TAlertSignal = z.infer<typeof ZAlertSignal>;
export type TAlertSignalKind = TAlertSignal["kind"];

/** A rule as the settings API shows it: the definition in force and who last changed it (GET /api/rules). */
export const ZRuleSetting = z.object({
  rule: ZRuleDefinition,
  /** 0 while the rule runs with its built-in default; each saved change adds one. */
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TRuleSetting = z.infer<typeof ZRuleSetting>;
export const ZRuleSettingList = z.array(ZRuleSetting);

/** PUT /api/rules/[id]: the tunable parts of a rule; the merged rule is validated with ZRuleDefinition. */
export const ZUpdateRuleRequest = z.object({
  version: z.number().int().min(0),
  severity: ZAlertSeverity.optional(),
  sustainSeconds: z.number().min(0).max(86_400).optional(),
  clearSustainSeconds: z.number().min(0).max(86_400).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});
export type TUpdateRuleRequest = z.infer<typeof ZUpdateRuleRequest>;
