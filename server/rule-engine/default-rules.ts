import { ruleMetric, ZRuleDefinition, type TRuleDefinition } from "@/lib/contracts/rules";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { BUILTIN_DOMAINS, BuiltinDomainDescriptionError } from "@/lib/domains/builtin-domains";
import { formatDefinitionIssues } from "@/lib/domains/definition-issues";
import { domainCatalog } from "@/lib/domains/domain-catalog";
import { describeRule } from "./describe-rule";

/**
 * The rule set a fresh installation starts with: each built-in domain's `rules`
 * (lib/domains/definitions/builtin/<domain>.json). Sustain times keep one noisy reading from paging anyone; clear
 * thresholds sit inside the open ones so a value hovering at the limit does not open and close the alert over and
 * over. Descriptions are templates: {param} and {sustainSeconds} are filled in with the values in force
 * (describe-rule.ts), so the text on /rules follows what a supervisor saved.
 */
export function parseBuiltinRules(domain: TLayer, raws: readonly unknown[]): TRuleDefinition[] {
  return raws.map((raw, i) => {
    // Parsed so a typo in a threshold fails at start-up, not when the first alert should have fired.
    const parsed = ZRuleDefinition.safeParse({ enabled: true, ...(raw as object), domain });
    if (parsed.success) return parsed.data;
    const issues = formatDefinitionIssues(parsed.error).replaceAll(/^ {2}/gm, `  rules.${i}.`);
    throw new BuiltinDomainDescriptionError(
      `Built-in domain description lib/domains/definitions/builtin/${domain}.json is invalid:\n${issues}`,
    );
  });
}

const rules = LAYERS.flatMap((domain) => parseBuiltinRules(domain, BUILTIN_DOMAINS[domain].rules));

/** Each built-in rule's description template, by rule id. */
export const DESCRIPTION_TEMPLATES: ReadonlyMap<string, string> = new Map(rules.map((rule) => [rule.id, rule.description]));

const BUILTIN = domainCatalog();
export const DEFAULT_RULES: readonly TRuleDefinition[] = rules.map((rule) =>
  ZRuleDefinition.parse({ ...rule, description: describeRule(rule.description, rule, BUILTIN.metricUnit(rule.domain, ruleMetric(rule))) }),
);
