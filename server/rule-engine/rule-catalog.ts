import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { ruleMetric, type TAlertRule, type TMetricUnit } from "@/lib/contracts/rules";
import type { TDomainName } from "@/lib/contracts/layers";
import { declaredRulesOf } from "@/lib/domains/declared-rules";
import { domainCatalog } from "@/lib/domains/domain-catalog";
import { DEFAULT_RULES, DESCRIPTION_TEMPLATES } from "./default-rules";
import { describeRule } from "./describe-rule";

/** The rules a city starts with, built-in and declared, and how each reads on /rules with the values in force. */
export type TRuleCatalog = {
  defaults: readonly TAlertRule[];
  defaultOf(ruleId: string): TAlertRule | undefined;
  /** The rule's description template filled with its values; a rule without a template keeps its own text. */
  describe(rule: TAlertRule): string;
  /** How a rule's metric reads and is bounded (the domain catalogue's): a change is checked against it. */
  metricUnit(domain: TDomainName, metric: string | undefined): TMetricUnit;
};

export function createRuleCatalog(definitions: readonly TDomainDefinition[] = []): TRuleCatalog {
  const domains = domainCatalog(definitions);
  const declared = declaredRulesOf(definitions);
  const templates = new Map([...DESCRIPTION_TEMPLATES, ...declared.map((rule) => [rule.id, rule.description] as const)]);
  const describe = (rule: TAlertRule) => {
    const template = templates.get(rule.id);
    return template ? describeRule(template, rule, domains.metricUnit(rule.domain, ruleMetric(rule))) : rule.description;
  };
  const defaults = [...DEFAULT_RULES, ...declared.map((rule) => ({ ...rule, description: describe(rule) }))];
  const byId = new Map(defaults.map((rule) => [rule.id, rule]));
  return { defaults, defaultOf: (ruleId) => byId.get(ruleId), describe, metricUnit: domains.metricUnit };
}

/** The built-in rules alone (a city without declared domains, and tests). */
export const BUILTIN_RULE_CATALOG = createRuleCatalog();
