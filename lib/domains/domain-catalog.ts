import type { TCapCategory, TDomainDefinition } from "@/lib/contracts/domain-definition";
import { LAYERS, isBuiltinLayer, type TDomainName } from "@/lib/contracts/layers";
import { BUILTIN_DOMAINS } from "./builtin-domains";
import { METRIC_UNITS, NO_UNIT, SHARE_UNIT, type TMetricUnit } from "@/lib/contracts/rules";

/** What every screen and message needs to know of a sensor domain, built-in or declared, in one shape. */
export type TDomainEntry = { id: TDomainName; label: string; capCategory: TCapCategory };

export type TDomainCatalog = {
  /** Built-in domains first, then the declared ones in definition order: the order of every domain list on screen. */
  entries: readonly TDomainEntry[];
  /** A domain's label; an unknown id (a domain removed since) reads as itself. */
  label(domain: TDomainName): string;
  /** The CAP `<category>` of an alert of this rule and domain. */
  capCategory(domain: TDomainName, ruleId: string): TCapCategory;
  /**
   * How the numbers of a rule reading `metric` read to people: a built-in metric's unit (shares as percentages), a
   * declared domain's field's unit; a built-in rule without a metric (a spreading jam) reads shares of free flow.
   * It names the metric and bounds its readings where they are known (rule thresholds are checked against them).
   */
  metricUnit(domain: TDomainName, metric: string | undefined): TMetricUnit;
};

type TDeclaredPart = Pick<TDomainDefinition, "id" | "label" | "capCategory" | "fields"> & {
  rules: readonly Pick<TDomainDefinition["rules"][number], "id" | "capCategory">[];
};

/**
 * The one list of domains both sides read: the server builds it from the definitions it loaded, the browser
 * from the same definitions in GET /api/city. Filters, labels, silences, playback and CAP messages take their
 * domains from here, so a declared domain appears wherever a built-in one does.
 */
export function domainCatalog(declared: readonly TDeclaredPart[] = []): TDomainCatalog {
  const entries: TDomainEntry[] = [
    ...LAYERS.map((id) => ({ id, label: BUILTIN_DOMAINS[id].label, capCategory: BUILTIN_DOMAINS[id].capCategory })),
    ...declared.map(({ id, label, capCategory }) => ({ id, label, capCategory })),
  ];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const ruleCategories = new Map<string, TCapCategory>(LAYERS.flatMap((id) => Object.entries(BUILTIN_DOMAINS[id].ruleCapCategories)));
  for (const definition of declared)
    for (const rule of definition.rules) if (rule.capCategory) ruleCategories.set(rule.id, rule.capCategory);
  const fieldUnits = new Map(declared.flatMap((d) => d.fields.map((f) => [`${d.id}:${f.name}`, fieldUnit(f)] as const)));
  return {
    entries,
    label: (domain) => byId.get(domain)?.label ?? domain,
    capCategory: (domain, ruleId) => ruleCategories.get(ruleId) ?? byId.get(domain)?.capCategory ?? "Other",
    metricUnit(domain, metric) {
      if (!isBuiltinLayer(domain)) return fieldUnits.get(`${domain}:${metric}`) ?? NO_UNIT;
      if (metric === undefined) return SHARE_UNIT;
      return (METRIC_UNITS as Partial<Record<string, TMetricUnit>>)[metric] ?? NO_UNIT;
    },
  };
}

/** A declared field as a rule reads it: its label, and a number field's unit and range. */
export function fieldUnit(field: TDomainDefinition["fields"][number]): TMetricUnit {
  if (field.kind !== "number") return { unit: "", isShare: false, label: field.label };
  return { unit: field.unit, isShare: false, label: field.label, min: field.min, max: field.max };
}
