import { METRIC_UNITS, RULE_FIELD_LABELS, type TRuleDefinition } from "@/lib/contracts/rules";

/** How a number is shown: shares (0–1) as percentages, everything else as stored. */
type TNumberField = { key: string; label: string; unit: string; isShare: boolean; step: number };

const LABEL: Record<string, string> = RULE_FIELD_LABELS;

const SECONDS = new Set(["staleSeconds", "withinSeconds"]);

/** The rule's tunable numeric params, in the order the definition lists them. */
export function numberFieldsOf(rule: TRuleDefinition): TNumberField[] {
  const params = rule.params as Record<string, unknown>;
  const metric = "metric" in rule.params ? METRIC_UNITS[rule.params.metric] : null;
  return Object.entries(params)
    .filter(([, value]) => typeof value === "number")
    .map(([key]) => {
      if (SECONDS.has(key)) return { key, label: LABEL[key] ?? key, unit: "s", isShare: false, step: 1 };
      if (key === "minSegments") return { key, label: LABEL[key], unit: "segments", isShare: false, step: 1 };
      // jamSpread has no metric: its thresholds are shares of free-flow speed.
      const unit = metric ?? METRIC_UNITS.speedShare;
      return { key, label: LABEL[key] ?? key, unit: unit.unit, isShare: unit.isShare, step: unit.isShare ? 1 : 0.01 };
    });
}

/** Stored value → what the input shows (0.95 → "95"), without float noise. */
export function toInput(value: number, field: Pick<TNumberField, "isShare">): string {
  return String(field.isShare ? Number((value * 100).toFixed(6)) : value);
}

/** Input text → stored value, or null when it is not a number. */
export function fromInput(text: string, field: Pick<TNumberField, "isShare">): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  return field.isShare ? Number((value / 100).toFixed(8)) : value;
}
