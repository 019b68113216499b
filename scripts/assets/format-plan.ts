import { assetLabel, type TAssetKind } from "./asset-kinds";
import type { TAssetPlan } from "./diff-assets";

/** Unchanged assets are many and dull: past this many only their count is printed. */
const UNCHANGED_LISTED_MAX = 20;

/** The plan for people: counts, then each added and updated asset by name (with what changes), then the unchanged. */
export function formatPlan<K extends TAssetKind>(plan: TAssetPlan<K>): string[] {
  const label = (asset: Parameters<typeof assetLabel>[1]) => assetLabel(plan.kind, asset);
  const lines = [`${plan.kind}: ${plan.added.length} added, ${plan.updated.length} updated, ${plan.unchanged.length} unchanged`];
  for (const change of plan.added) lines.push(`  added      ${label(change.asset)}`);
  for (const change of plan.updated) {
    const matched = change.before && change.before.id !== change.asset.id ? ` [matched ${change.before.id} by call sign]` : "";
    lines.push(`  updated    ${label(change.asset)}${matched}: ${change.changedFields.join(", ")}`);
  }
  for (const change of plan.unchanged.slice(0, UNCHANGED_LISTED_MAX)) lines.push(`  unchanged  ${label(change.asset)}`);
  if (plan.unchanged.length > UNCHANGED_LISTED_MAX) lines.push(`  … and ${plan.unchanged.length - UNCHANGED_LISTED_MAX} more unchanged`);
  return lines;
}
