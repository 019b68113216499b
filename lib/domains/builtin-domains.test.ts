import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZEnergyMeasurement, ZOffStreetParking, ZTrafficFlowObserved, ZUnitPosition, ZWasteContainer } from "@/lib/contracts/events";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { METRIC_UNITS, ZAlertMetric, ruleMetric } from "@/lib/contracts/rules";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
import { loadDomainDefinitions } from "@/server/domains/load-domain-definitions";
import {
  BUILTIN_CITIZEN_SERVICES,
  BUILTIN_DOMAINS,
  BuiltinDomainDescriptionError,
  builtinLayerOfTopic,
  builtinMetricTables,
  MQTT_TOPIC_LEVEL_BY_LAYER,
  parseBuiltinDomainDescription,
  parseBuiltinDomainDescriptions,
  TOPIC_BY_LAYER,
} from "./builtin-domains";
import energy from "./definitions/builtin/energy.json";
import parking from "./definitions/builtin/parking.json";
import traffic from "./definitions/builtin/traffic.json";
import units from "./definitions/builtin/units.json";
import waste from "./definitions/builtin/waste.json";

const FILES = { traffic, parking, waste, energy, units };
const EVENT_OF: Record<TLayer, z.ZodObject> = {
  traffic: ZTrafficFlowObserved,
  parking: ZOffStreetParking,
  waste: ZWasteContainer,
  energy: ZEnergyMeasurement,
  units: ZUnitPosition,
};

describe("built-in domain descriptions", () => {
  it("parses every built-in description, one per built-in layer, each under its own name", () => {
    const parsed = parseBuiltinDomainDescriptions(FILES);
    expect(Object.keys(parsed)).toEqual([...LAYERS]);
    for (const id of LAYERS) expect(parsed[id].id).toBe(id);
  });

  it("gives every metric the built-in rules read a unit, a name and a range, in the file of the rule's domain", () => {
    for (const rule of DEFAULT_RULES) {
      const metric = ruleMetric(rule);
      if (metric === undefined) continue;
      const described = BUILTIN_DOMAINS[rule.domain].metrics.find((m) => m.name === metric);
      expect(described, `${rule.id} reads ${metric}`).toBeDefined();
      expect(described!.unit).not.toBe("");
      expect(described!.min ?? described!.max, `${metric} has a range`).toBeDefined();
    }
    for (const metric of ZAlertMetric.options) expect(METRIC_UNITS[metric].unit, metric).not.toBe("");
  });

  it("shows in tooltips only what the domain's events carry or its metrics derive, and gives unit codes only to event properties", () => {
    for (const id of LAYERS) {
      const keys = Object.keys(EVENT_OF[id].shape);
      const metrics = BUILTIN_DOMAINS[id].metrics.map((m) => m.name);
      for (const { field } of BUILTIN_DOMAINS[id].map.tooltip) expect([...keys, ...metrics], `${id}: ${field}`).toContain(field);
      for (const { name } of BUILTIN_DOMAINS[id].properties) expect(keys, `${id}: ${name}`).toContain(name);
    }
  });

  it("routes each built-in domain through the Kafka topic and MQTT level it always had", () => {
    expect(TOPIC_BY_LAYER).toEqual({
      traffic: "city.traffic",
      parking: "city.parking",
      waste: "city.waste",
      energy: "city.energy",
      units: "city.units",
    });
    for (const layer of LAYERS) {
      expect(MQTT_TOPIC_LEVEL_BY_LAYER[layer]).toBe(layer);
      expect(builtinLayerOfTopic(`city.${layer}`)).toBe(layer);
    }
    expect(builtinLayerOfTopic("city.deadletter")).toBeUndefined();
  });

  it("gives every domain, built-in or shipped as a declared definition, its own Kafka topic and MQTT level", async () => {
    const declared = await loadDomainDefinitions();
    const all = [...LAYERS.map((id) => BUILTIN_DOMAINS[id]), ...declared];
    expect(declared.length).toBeGreaterThan(0);
    for (const key of ["kafkaTopic", "mqttTopicLevel"] as const) {
      const values = all.map((d) => d[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it("refuses a bad, shared or dead-letter topic or MQTT level, naming the file and the field", () => {
    expect(() => parseBuiltinDomainDescription("waste", { ...waste, kafkaTopic: "city waste" })).toThrow(
      /builtin\/waste\.json is invalid:\n {2}kafkaTopic: /,
    );
    expect(() => parseBuiltinDomainDescription("waste", { ...waste, mqttTopicLevel: "city/waste" })).toThrow(
      /builtin\/waste\.json is invalid:\n {2}mqttTopicLevel: /,
    );
    expect(() => parseBuiltinDomainDescription("waste", { ...waste, kafkaTopic: "city.deadletter" })).toThrow(
      /waste\.json is invalid:\n {2}kafkaTopic: "city\.deadletter" is the dead-letter topic/,
    );
    expect(() => parseBuiltinDomainDescriptions({ ...FILES, units: { ...units, kafkaTopic: "city.energy" } })).toThrow(
      /units\.json is invalid:\n {2}kafkaTopic: Kafka topic "city\.energy" is already used by .*builtin\/energy\.json/,
    );
    expect(() => parseBuiltinDomainDescriptions({ ...FILES, units: { ...units, mqttTopicLevel: "parking" } })).toThrow(
      /units\.json is invalid:\n {2}mqttTopicLevel: MQTT topic level "parking" is already used by .*parking\.json/,
    );
  });

  it("refuses an entity template naming what the pack's entity lacks, and a pack list two files or none describe", () => {
    const binKind = waste.entities[0]!;
    const misnamed = { ...binKind, naming: { templates: ["Bin on {road}"] } };
    expect(() => parseBuiltinDomainDescription("waste", { ...waste, entities: [misnamed] })).toThrow(
      /builtin\/waste\.json is invalid:\n {2}entities\.0\.naming\.templates\.0: \{road\}: bins have no text field "road" \(they have id, street, or \{nearestStreet\}\)/,
    );
    const unitKind = { ...units.entities[0]!, kindLabel: "Unit near {nearestStreet}" };
    expect(() => parseBuiltinDomainDescription("units", { ...units, entities: [unitKind] })).toThrow(
      /units\.json is invalid:\n {2}entities\.0\.kindLabel: \{nearestStreet\}: units have no position/,
    );
    expect(() => parseBuiltinDomainDescription("waste", { ...waste, entities: [{ ...binKind, collection: "stations" }] })).toThrow(
      /waste\.json is invalid:\n {2}entities\.0\.collection: /,
    );
    expect(() => parseBuiltinDomainDescriptions({ ...FILES, parking: { ...parking, entities: [...parking.entities, binKind] } })).toThrow(
      /waste\.json is invalid:\n {2}entities\.0\.collection: entity collection "bins" is already used by .*parking\.json/,
    );
    expect(() => parseBuiltinDomainDescriptions({ ...FILES, energy: { ...energy, entities: energy.entities.slice(0, 1) } })).toThrow(
      /The city pack's feeders belong to no built-in domain/,
    );
  });

  it("proposes the incident types promotion proposed before for each built-in domain's alerts", () => {
    expect(LAYERS.map((id) => BUILTIN_DOMAINS[id].incidentType)).toEqual([
      "trafficJam",
      "parkingViolation",
      "wasteFire",
      "gridOverload",
      "other",
    ]);
  });

  it("names only built-in rules of the domain in ruleCapCategories", () => {
    const ids = new Set(DEFAULT_RULES.map((r) => r.id));
    for (const id of LAYERS) for (const ruleId of Object.keys(BUILTIN_DOMAINS[id].ruleCapCategories)) expect(ids).toContain(ruleId);
  });

  it("lists the built-in citizens' services by their positions, each in the domain of its file", () => {
    expect(BUILTIN_CITIZEN_SERVICES.map((s) => [s.code, s.domain])).toEqual([
      ["bin-overflow", "waste"],
      ["streetlight-out", "energy"],
      ["pothole", "traffic"],
      ["water-leak", "energy"],
      ["illegal-parking", "parking"],
      ["other", "traffic"],
    ]);
    expect(BUILTIN_CITIZEN_SERVICES[0]).not.toHaveProperty("position");
  });

  it("refuses a bad description with the file, the field and why", () => {
    const bad = { ...waste, capCategory: "Rubbish", map: { ...waste.map, tooltip: [] } };
    expect(() => parseBuiltinDomainDescription("waste", bad)).toThrow(BuiltinDomainDescriptionError);
    expect(() => parseBuiltinDomainDescription("waste", bad)).toThrow(
      /lib\/domains\/definitions\/builtin\/waste\.json is invalid:\n {2}capCategory: .*\n {2}map\.tooltip: /,
    );
    expect(() => parseBuiltinDomainDescription("parking", waste)).toThrow(/parking\.json is invalid:\n {2}id: must be "parking"/);
    expect(() => parseBuiltinDomainDescription("waste", { ...waste, colour: "green" })).toThrow(/waste\.json is invalid:\n.*colour/);
  });

  it("refuses a default rule named outside its domain, or twice", () => {
    const [first] = waste.rules;
    expect(() => parseBuiltinDomainDescription("waste", { ...waste, rules: [{ ...first, id: "parking.bin-full" }] })).toThrow(
      /waste\.json is invalid:\n {2}rules\.0\.id: must start with "waste\."/,
    );
    expect(() => parseBuiltinDomainDescription("waste", { ...waste, rules: [first, first] })).toThrow(
      /waste\.json is invalid:\n {2}rules: each name once/,
    );
  });

  it("refuses a service or metric two files claim", () => {
    expect(() => parseBuiltinDomainDescriptions({ ...FILES, parking: { ...parking, citizenServices: traffic.citizenServices } })).toThrow(
      /parking\.json is invalid:\n {2}citizenServices\.0\.code: service code "pothole" is already used by lib\/domains\/definitions\/builtin\/traffic\.json/,
    );
    const unitsOccupancy = { ...parking.metrics[0], value: { field: "speed" }, sentence: "Occupancy {value}" };
    expect(() => parseBuiltinDomainDescriptions({ ...FILES, units: { ...units, metrics: [unitsOccupancy] } })).toThrow(
      /units\.json is invalid:\n {2}metrics\.0\.name: metric "occupancy" is already used by .*parking\.json/,
    );
  });

  it("refuses a metric read from a field its domain's events lack, a number no entity has, or a sentence naming neither", () => {
    const [speedShare] = traffic.metrics;
    const withMetric = (metric: object) => ({ ...FILES, traffic: { ...traffic, metrics: [{ ...speedShare, ...metric }] } });
    expect(() => parseBuiltinDomainDescriptions(withMetric({ value: { field: "fillingLevel" } }))).toThrow(
      /traffic\.json is invalid:\n {2}metrics\.0\.value\.field: traffic events have no number field "fillingLevel" \(they have intensity, averageVehicleSpeed, occupancy\)/,
    );
    expect(() => parseBuiltinDomainDescriptions(withMetric({ value: { field: "intensity", per: "congested" } }))).toThrow(
      /metrics\.0\.value\.per: traffic events have no number field "congested"/,
    );
    expect(() => parseBuiltinDomainDescriptions(withMetric({ value: { field: "intensity", per: { entity: "voltageV" } } }))).toThrow(
      /metrics\.0\.value\.per\.entity: segments have no number "voltageV" \(they have .*freeFlowKmh/,
    );
    expect(() => parseBuiltinDomainDescriptions(withMetric({ value: { field: "intensity" }, sentence: "{value} of {per}" }))).toThrow(
      /metrics\.0\.sentence: \{per\}: neither \{value\} nor a field of traffic events/,
    );
  });

  it("refuses a metric the rule engine computes that no file describes, and one it does not compute", () => {
    expect(() => builtinMetricTables([...ZAlertMetric.options, "humidity"])).toThrow(/metric "humidity" has no unit/);
    expect(() => builtinMetricTables(ZAlertMetric.options.filter((m) => m !== "frequency"))).toThrow(
      /energy\.json is invalid:\n {2}metrics\.2\.name: the built-in rule engine computes no metric "frequency"/,
    );
  });
});
