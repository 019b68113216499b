import { z } from "zod";
import { ZCapCategory, ZDeclaredCitizenService, ZFieldName, ZKafkaTopic, ZLabel, ZMqttTopicLevel, ZUnitCode } from "./domain-definition";
import { ZIncidentType } from "./incidents";
import { ZLayer } from "./layers";

/**
 * What people read about a built-in domain (lib/domains/definitions/builtin/<id>.json), and where its events travel,
 * in the parts of a declared domain's definition that fit it: label, Kafka topic, MQTT topic level, CAP category,
 * units and ranges of what its rules read, legend, tooltip, citizens' services. What a built-in keeps in code is not described here: its event schema (lib/contracts/events.ts),
 * its geometry (the city pack), its simulator physics and its rule engine (server/rule-engine).
 */

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
  })
  .refine((m) => m.min === undefined || m.max === undefined || m.min < m.max, { path: ["max"], message: "must be above min" });

/** An event property with a physical unit: its UN/CEFACT code is the NGSI-LD Property's unitCode. */
const ZBuiltinProperty = z.strictObject({ name: ZFieldName, unit: z.string().max(16), unitCode: ZUnitCode });

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
    metrics: z.array(ZBuiltinMetric).max(8).default([]),
    properties: z.array(ZBuiltinProperty).max(16).default([]),
    citizenServices: z.array(ZBuiltinCitizenService).max(20).default([]),
  })
  .superRefine((d, ctx) => {
    for (const ruleId of Object.keys(d.ruleCapCategories))
      if (!ruleId.startsWith(`${d.id}.`))
        ctx.addIssue({ code: "custom", path: ["ruleCapCategories", ruleId], message: `must start with "${d.id}."` });
    const unique = (key: "metrics" | "properties" | "citizenServices", names: string[]) => {
      if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: [key], message: "each name once" });
    };
    unique(
      "metrics",
      d.metrics.map((m) => m.name),
    );
    unique(
      "properties",
      d.properties.map((p) => p.name),
    );
    unique(
      "citizenServices",
      d.citizenServices.map((s) => s.code),
    );
  });
export type TBuiltinDomainDescription = z.infer<typeof ZBuiltinDomainDescription>;
