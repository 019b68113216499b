import { isBuiltinRule, safeParseAlertRule, type TAlertRule, type TRuleSetting } from "@/lib/contracts/rules";
import { BUILTIN_RULE_CATALOG, type TRuleCatalog } from "./rule-catalog";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TTx } from "@/server/db/transaction";

/**
 * The rules in force: rows of rule_settings over the catalogue's defaults (the built-in rules and the declared
 * domains' templates), by id. Rows with new ids add built-in-domain rules; a declared domain's row counts only
 * while its definition still has that rule in the same shape (same kind, field and statuses: only the numbers,
 * severity, sustain times and on/off are the row's), so editing a definition file cannot leave a stale rule in
 * force. A stored definition that no longer parses (the schema moved on) is skipped loudly and the default stays
 * in force, so one bad row cannot stop alerting.
 */
export async function loadRuleSettings(db: PrismaClient | TTx, catalog: TRuleCatalog = BUILTIN_RULE_CATALOG): Promise<TRuleSetting[]> {
  const rows = await db.ruleSetting.findMany({ orderBy: { id: "asc" } });
  const editorIds = [...new Set(rows.map((r) => r.updatedById).filter((id): id is string => id !== null))];
  const editors = new Map(
    (await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u]),
  );
  const settings = new Map<string, TRuleSetting>(
    catalog.defaults.map((rule) => [rule.id, { rule, version: 0, isDefault: true, updatedAt: null, updatedBy: null }]),
  );
  for (const row of rows) {
    const parsed = safeParseAlertRule(row.definition, catalog.metricUnit);
    if (!parsed.success || parsed.data.id !== row.id) {
      console.error(
        `[alerts] rule_settings row "${row.id}" is not a valid rule; keeping the default`,
        parsed.error?.issues ?? "id mismatch",
      );
      continue;
    }
    const fallback = catalog.defaultOf(row.id);
    const changed = {
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedById ? (editors.get(row.updatedById) ?? { id: row.updatedById, name: row.updatedById }) : null,
    };
    if (!isBuiltinRule(parsed.data) && !(fallback && shapeOf(fallback) === shapeOf(parsed.data))) {
      if (!fallback) continue; // its definition no longer declares the rule: nothing to tune
      // The row keeps its version, so the next save is checked against it as usual.
      console.error(`[alerts] rule_settings row "${row.id}" no longer fits its domain's definition; the definition's values are in force`);
      settings.set(row.id, { rule: fallback, isDefault: true, ...changed });
      continue;
    }
    // The description is not tunable: it reads the rule's template (its release's, or its definition's), filled with the values in force.
    const rule = { ...parsed.data, description: catalog.describe(parsed.data) } as TAlertRule;
    settings.set(row.id, { rule, isDefault: fallback !== undefined && isSameRule(rule, fallback), ...changed });
  }
  return [...settings.values()];
}

export async function loadRules(db: PrismaClient | TTx, catalog?: TRuleCatalog): Promise<TAlertRule[]> {
  return (await loadRuleSettings(db, catalog)).map((s) => s.rule);
}

/** What a declared rule's row may not change: its domain, kind, and every parameter that is not a number. */
function shapeOf(rule: TAlertRule): string {
  const params = Object.fromEntries(Object.entries(rule.params).map(([key, value]) => [key, typeof value === "number" ? 0 : value]));
  return canonical({ domain: rule.domain, kind: rule.kind, params });
}

/** Deep equality that ignores key order (jsonb does not keep it). */
export function isSameRule(a: TAlertRule, b: TAlertRule): boolean {
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
