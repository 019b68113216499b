import type { TLayer } from "@/lib/contracts/layers";
import { BUILTIN_DOMAINS } from "@/lib/domains/builtin-domains";

/** A built-in layer's name and what it shows, beside its switch: from its file (lib/domains/definitions/builtin). */
export const LAYER_META: Record<TLayer, { label: string; description: string }> = Object.fromEntries(
  Object.values(BUILTIN_DOMAINS).map((d) => [d.id, { label: d.label, description: d.map.description }]),
) as Record<TLayer, { label: string; description: string }>;
