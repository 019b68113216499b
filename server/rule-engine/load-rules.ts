import { ZRuleDefinition, type TRuleDefinition, type TRuleSetting } from "@/lib/contracts/rules";
import { DEFAULT_RULES, DESCRIPTION_TEMPLATES } from "./default-rules";
import { describeRule } from "./describe-rule";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TTx } from "@/server/db/transaction";

/**
 * The rules in force: rows of rule_settings over the built-in DEFAULT_RULES, by id (rows with new ids
 * add rules). A stored definition that no longer parses (the schema moved on) is skipped loudly and
 * the default stays in force, so one bad row cannot stop alerting.
 */
export async function loadRuleSettings(db: PrismaClient | TTx): Promise<TRuleSetting[]> {
  const rows = await db.ruleSetting.findMany({ orderBy: { id: "asc" } });
  const editorIds = [...new Set(rows.map((r) => r.updatedById).filter((id): id is string => id !== null))];
  const editors = new Map(
    (await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u]),
  );
  const settings = new Map<string, TRuleSetting>(
    DEFAULT_RULES.map((rule) => [rule.id, { rule, version: 0, isDefault: true, updatedAt: null, updatedBy: null }]),
  );
  for (const row of rows) {
    const parsed = ZRuleDefinition.safeParse(row.definition);
    if (!parsed.success || parsed.data.id !== row.id) {
      console.error(
        `[alerts] rule_settings row "${row.id}" is not a valid rule; keeping the default`,
        parsed.error?.issues ?? "id mismatch",
      );
      continue;
    }
    // The description is not tunable: a built-in rule reads its release's template, filled with the values in force.
    const template = DESCRIPTION_TEMPLATES.get(row.id);
    const rule = template ? { ...parsed.data, description: describeRule(template, parsed.data) } : parsed.data;
    const builtIn = DEFAULT_RULES.find((r) => r.id === row.id);
    settings.set(row.id, {
      rule,
      version: row.version,
      isDefault: builtIn !== undefined && isSameRule(rule, builtIn),
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedById ? (editors.get(row.updatedById) ?? { id: row.updatedById, name: row.updatedById }) : null,
    });
  }
  return [...settings.values()];
}

export async function loadRules(db: PrismaClient | TTx): Promise<TRuleDefinition[]> {
  return (await loadRuleSettings(db)).map((s) => s.rule);
}

/** Deep equality that ignores key order (jsonb does not keep it). */
export function isSameRule(a: TRuleDefinition, b: TRuleDefinition): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
