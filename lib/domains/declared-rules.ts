import type { TDomainDefinition, TDomainRuleTemplate } from "@/lib/contracts/domain-definition";
import { declaredRuleSchema, NO_UNIT, type TDeclaredRule } from "@/lib/contracts/rules";
import { fieldUnit } from "./domain-catalog";

/**
 * A definition's rule templates as rules in force start: in the built-in rules' shape, so /rules tunes them and
 * rule_settings stores their overrides alike. The description stays a template ({openBelow}, {sustainSeconds}…),
 * filled in with the values in force where it is shown.
 */
export function declaredRulesOf(definitions: readonly Pick<TDomainDefinition, "id" | "rules" | "fields">[]): TDeclaredRule[] {
  return definitions.flatMap((definition) => {
    // A template's thresholds must lie within its field's range, as a supervisor's changes must.
    const fields = new Map(definition.fields.map((field) => [field.name, fieldUnit(field)]));
    const schema = declaredRuleSchema((name) => fields.get(name) ?? NO_UNIT);
    return definition.rules.map((template) => schema.parse(ruleOf(definition.id, template)));
  });
}

function ruleOf(domain: string, template: TDomainRuleTemplate): TDeclaredRule {
  const common = {
    id: template.id,
    domain,
    name: template.title,
    description: template.description,
    severity: template.severity,
    sustainSeconds: template.sustainSeconds,
    clearSustainSeconds: template.clearSustainSeconds,
    enabled: true,
  };
  switch (template.kind) {
    case "threshold": {
      const { field: metric, openAbove, clearBelow, openBelow, clearAbove } = template;
      const params =
        openAbove !== undefined && clearBelow !== undefined
          ? { metric, openAbove, clearBelow }
          : { metric, openBelow: openBelow!, clearAbove: clearAbove! };
      return { ...common, kind: "threshold", params };
    }
    case "status":
      return { ...common, kind: "status", params: { field: template.field, statuses: template.values, onlyAtNight: template.onlyAtNight } };
    case "stale":
      return { ...common, kind: "stale", params: { staleSeconds: template.staleSeconds } };
  }
}
