import type { TDomainDefinition, TDomainRunCard } from "@/lib/contracts/domain-definition";

/** The run card a declared rule's alerts are promoted with (the rule names it in its definition), if any. */
export function runCardOfRule(definitions: readonly TDomainDefinition[] | undefined, ruleId: string): TDomainRunCard | undefined {
  for (const definition of definitions ?? []) {
    const rule = definition.rules.find((r) => r.id === ruleId);
    if (rule) return definition.runCards.find((card) => card.id === rule.runCard);
  }
  return undefined;
}
