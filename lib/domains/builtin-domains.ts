import {
  type TBuiltinDomainDescription,
  type TBuiltinEntityCollection,
  ZBuiltinDomainDescription,
  ZBuiltinEntityCollection,
} from "@/lib/contracts/builtin-domain-description";
import { type TCitizenService, ZCitizenServiceTable } from "@/lib/contracts/citizen-services";
import { DEAD_LETTER_TOPIC, LAYERS, type TLayer } from "@/lib/contracts/layers";
import type { TMetricUnit } from "@/lib/contracts/rules";
import { formatDefinitionIssues } from "./definition-issues";
import energy from "./definitions/builtin/energy.json";
import parking from "./definitions/builtin/parking.json";
import traffic from "./definitions/builtin/traffic.json";
import units from "./definitions/builtin/units.json";
import waste from "./definitions/builtin/waste.json";

/**
 * The built-in domains' descriptions, bundled with the code that computes their events (both sides import them,
 * unlike declared definitions, which the server reads from a folder at start). Parsed when first imported: a bad
 * file stops the server's start, and the browser's, with the file, the field and why.
 */
const BUILTIN_DESCRIPTIONS_DIR = "lib/domains/definitions/builtin";

export class BuiltinDomainDescriptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BuiltinDomainDescriptionError";
  }
}

const fail = (id: string, problem: string): never => {
  throw new BuiltinDomainDescriptionError(`Built-in domain description ${BUILTIN_DESCRIPTIONS_DIR}/${id}.json is invalid:\n${problem}`);
};

export function parseBuiltinDomainDescription(id: TLayer, json: unknown): TBuiltinDomainDescription {
  const parsed = ZBuiltinDomainDescription.safeParse(json);
  if (!parsed.success) return fail(id, formatDefinitionIssues(parsed.error));
  if (parsed.data.id !== id) return fail(id, `  id: must be "${id}", the file's name`);
  if (parsed.data.kafkaTopic === DEAD_LETTER_TOPIC) return fail(id, `  kafkaTopic: "${DEAD_LETTER_TOPIC}" is the dead-letter topic`);
  return parsed.data;
}

/**
 * What one file cannot see: a Kafka topic, MQTT topic level, pack collection of entities, citizens' service code, list position or metric
 * claimed by two built-in domains.
 */
function checkAcrossDescriptions(descriptions: readonly TBuiltinDomainDescription[]): void {
  const seen = new Map<string, TLayer>();
  for (const d of descriptions) {
    const claims = [
      ["kafkaTopic", `Kafka topic "${d.kafkaTopic}"`],
      ...d.entities.map((e, i) => [`entities.${i}.collection`, `entity collection "${e.collection}"`]),
      ["mqttTopicLevel", `MQTT topic level "${d.mqttTopicLevel}"`],
      ...d.citizenServices.flatMap((s, i) => [
        [`citizenServices.${i}.code`, `service code "${s.code}"`],
        [`citizenServices.${i}.position`, `service position ${s.position}`],
      ]),
      ...d.metrics.map((m, i) => [`metrics.${i}.name`, `metric "${m.name}"`]),
    ];
    for (const [path, claim] of claims) {
      const other = seen.get(claim!);
      if (other) fail(d.id, `  ${path}: ${claim} is already used by ${BUILTIN_DESCRIPTIONS_DIR}/${other}.json`);
      seen.set(claim!, d.id);
    }
  }
}

export function parseBuiltinDomainDescriptions(files: Readonly<Record<TLayer, unknown>>): Record<TLayer, TBuiltinDomainDescription> {
  const descriptions = LAYERS.map((id) => parseBuiltinDomainDescription(id, files[id]));
  checkAcrossDescriptions(descriptions);
  const described = new Set(descriptions.flatMap((d) => d.entities.map((e) => e.collection)));
  const undescribed = ZBuiltinEntityCollection.options.filter((c) => !described.has(c));
  if (undescribed.length > 0)
    throw new BuiltinDomainDescriptionError(
      `The city pack's ${undescribed.join(", ")} belong to no built-in domain: describe them in the entities of one of ${BUILTIN_DESCRIPTIONS_DIR}/*.json`,
    );
  return Object.fromEntries(descriptions.map((d) => [d.id, d])) as Record<TLayer, TBuiltinDomainDescription>;
}

export const BUILTIN_DOMAINS: Readonly<Record<TLayer, TBuiltinDomainDescription>> = parseBuiltinDomainDescriptions({
  traffic,
  parking,
  waste,
  energy,
  units,
});

/** Each pack collection of entities, with the built-in domain whose file describes it and what it says of them. */
export const BUILTIN_ENTITY_KINDS: Readonly<
  Record<TBuiltinEntityCollection, { domain: TBuiltinDomainDescription; kind: TBuiltinDomainDescription["entities"][number] }>
> = Object.fromEntries(
  LAYERS.flatMap((layer) => BUILTIN_DOMAINS[layer].entities.map((kind) => [kind.collection, { domain: BUILTIN_DOMAINS[layer], kind }])),
) as Record<TBuiltinEntityCollection, { domain: TBuiltinDomainDescription; kind: TBuiltinDomainDescription["entities"][number] }>;

/** Each built-in domain's Kafka topic ("city.traffic"), from its file. */
export const TOPIC_BY_LAYER: Readonly<Record<TLayer, string>> = Object.fromEntries(
  LAYERS.map((layer) => [layer, BUILTIN_DOMAINS[layer].kafkaTopic]),
) as Record<TLayer, string>;

/** The built-in domain a Kafka topic carries, or undefined for a topic no built-in file names. */
export function builtinLayerOfTopic(topic: string): TLayer | undefined {
  return LAYERS.find((layer) => TOPIC_BY_LAYER[layer] === topic);
}

/** Each built-in domain's level in the edge's MQTT topics ("traffic" in `city/traffic/<entity id>`), from its file. */
export const MQTT_TOPIC_LEVEL_BY_LAYER: Readonly<Record<TLayer, string>> = Object.fromEntries(
  LAYERS.map((layer) => [layer, BUILTIN_DOMAINS[layer].mqttTopicLevel]),
) as Record<TLayer, string>;

/** The services every city has, in their list order, each raised in the built-in domain whose file declares it. */
export const BUILTIN_CITIZEN_SERVICES: readonly TCitizenService[] = ZCitizenServiceTable.parse(
  LAYERS.flatMap((domain) => BUILTIN_DOMAINS[domain].citizenServices.map((service) => ({ ...service, domain })))
    .sort((a, b) => a.position - b.position)
    .map(({ position: _, ...service }) => service),
);

/**
 * The units, ranges and domains of the metrics the built-in rule engine computes (`metrics`: its list, in
 * lib/contracts/rules.ts). Each must be described in exactly one file, and no file may describe one the engine
 * does not compute: a rule would otherwise read a number nobody can name or bound.
 */
export function builtinMetricTables<M extends string>(
  metrics: readonly M[],
): { units: Record<M, TMetricUnit>; byDomain: Record<TLayer, readonly M[]> } {
  const units = {} as Record<M, TMetricUnit>;
  const byDomain = {} as Record<TLayer, M[]>;
  for (const domain of LAYERS) {
    byDomain[domain] = [];
    BUILTIN_DOMAINS[domain].metrics.forEach(({ name, label, unit, share, min, max }, i) => {
      if (!(metrics as readonly string[]).includes(name))
        fail(domain, `  metrics.${i}.name: the built-in rule engine computes no metric "${name}" (it knows ${metrics.join(", ")})`);
      units[name as M] = { unit, isShare: share, label, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
      byDomain[domain].push(name as M);
    });
  }
  const missing = metrics.filter((m) => !units[m]);
  if (missing.length > 0)
    throw new BuiltinDomainDescriptionError(
      `Built-in metric ${missing.map((m) => `"${m}"`).join(", ")} has no unit: describe it in the metrics of one of ${BUILTIN_DESCRIPTIONS_DIR}/*.json`,
    );
  return { units, byDomain };
}
