import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ZDomainDefinition, type TDomainDefinition } from "@/lib/contracts/domain-definition";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { MQTT_TOPIC_LEVEL_BY_LAYER, TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { ZCityEvent } from "@/lib/contracts/events";
import { formatDefinitionIssues } from "@/lib/domains/definition-issues";

/** The definitions the repository ships; DOMAIN_DEFINITIONS_DIR points elsewhere. */
export const DEFAULT_DOMAIN_DEFINITIONS_DIR = path.join(process.cwd(), "lib", "domains", "definitions");

export class DomainDefinitionError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "DomainDefinitionError";
  }
}

const BUILTIN_EVENT_TYPES: ReadonlySet<string> = new Set(ZCityEvent.options.map((o) => o.shape.type.value));
const BUILTIN_TOPICS: ReadonlySet<string> = new Set([...Object.values(TOPIC_BY_LAYER), DEAD_LETTER_TOPIC]);
const BUILTIN_MQTT_TOPIC_LEVELS: ReadonlySet<string> = new Set(Object.values(MQTT_TOPIC_LEVEL_BY_LAYER));

/**
 * Reads every `*.json` in the folder, in name order, and validates each. A bad definition stops the start:
 * a domain that silently did not load would be a sensor network nobody watches. The message names the file,
 * the field (as a path into the JSON) and why.
 */
export async function loadDomainDefinitions(dir: string = DEFAULT_DOMAIN_DEFINITIONS_DIR): Promise<TDomainDefinition[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    throw new DomainDefinitionError(`Domain definitions folder ${dir} cannot be read: ${(error as Error).message}`, dir);
  }
  const definitions: TDomainDefinition[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    definitions.push(parseDomainDefinition(await readFile(file, "utf8"), file));
  }
  checkAcrossDefinitions(
    definitions,
    names.map((n) => path.join(dir, n)),
  );
  return definitions;
}

export function parseDomainDefinition(text: string, file: string): TDomainDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DomainDefinitionError(`Domain definition ${file} is not valid JSON: ${(error as Error).message}`, file);
  }
  const parsed = ZDomainDefinition.safeParse(json);
  if (!parsed.success) {
    throw new DomainDefinitionError(`Domain definition ${file} is invalid:\n${formatDefinitionIssues(parsed.error)}`, file);
  }
  return parsed.data;
}

/**
 * What one file cannot see: two domains sharing an id, event type, topic, entity prefix or citizens' service code
 * (a code equal to a built-in service's is a replacement, allowed once).
 */
function checkAcrossDefinitions(definitions: readonly TDomainDefinition[], files: readonly string[]): void {
  const seen = new Map<string, string>();
  definitions.forEach((def, i) => {
    const claims: [string, string][] = [
      [`id "${def.id}"`, "id"],
      [`eventType "${def.eventType}"`, "eventType"],
      [`kafkaTopic "${def.kafkaTopic}"`, "kafkaTopic"],
      [`mqttTopicLevel "${def.mqttTopicLevel}"`, "mqttTopicLevel"],
      [`entities.idPrefix "${def.entities.idPrefix}"`, "entities.idPrefix"],
    ];
    if (BUILTIN_EVENT_TYPES.has(def.eventType))
      throw new DomainDefinitionError(
        `Domain definition ${files[i]} is invalid:\n  eventType: "${def.eventType}" is a built-in event type`,
        files[i],
      );
    if (BUILTIN_TOPICS.has(def.kafkaTopic))
      throw new DomainDefinitionError(
        `Domain definition ${files[i]} is invalid:\n  kafkaTopic: "${def.kafkaTopic}" is a built-in topic`,
        files[i],
      );
    if (BUILTIN_MQTT_TOPIC_LEVELS.has(def.mqttTopicLevel))
      throw new DomainDefinitionError(
        `Domain definition ${files[i]} is invalid:\n  mqttTopicLevel: "${def.mqttTopicLevel}" is a built-in domain's level`,
        files[i],
      );
    for (const [claim, field] of claims) {
      const other = seen.get(claim);
      if (other)
        throw new DomainDefinitionError(
          `Domain definition ${files[i]} is invalid:\n  ${field}: ${claim} is already used by ${other}`,
          files[i],
        );
      seen.set(claim, files[i]);
    }
    def.citizenServices.forEach((service, j) => {
      const claim = `citizen service "${service.code}"`;
      const other = seen.get(claim);
      if (other)
        throw new DomainDefinitionError(
          `Domain definition ${files[i]} is invalid:\n  citizenServices.${j}.code: service code "${service.code}" is already declared by ${other}`,
          files[i],
        );
      seen.set(claim, files[i]);
    });
  });
}
