import { type TZoneGeometry, type TZoneImportResult, type TZoneKind, ZZoneGeometry, ZZoneKind } from "@/lib/contracts/zones";
import { z } from "zod";

export type TImportedZone = { name: string; kind: TZoneKind; geometry: TZoneGeometry };
type TImportError = TZoneImportResult["errors"][number];

const ZName = z.string().trim().min(1, "a zone needs a name").max(80, "a name is at most 80 characters");

/**
 * Checks a GeoJSON file's features one by one, so an admin sees every bad feature at once: by its position
 * in the file (from 1), the field and why. A name may appear once per kind in a file.
 */
export function readImportFeatures(
  features: readonly unknown[],
  defaultKind: TZoneKind,
): { zones: TImportedZone[]; errors: TImportError[] } {
  const zones: TImportedZone[] = [];
  const errors: TImportError[] = [];
  const seen = new Set<string>();
  features.forEach((feature, index) => {
    const fail = (field: string, message: string) => errors.push({ feature: index + 1, field, message });
    if (!isObject(feature) || feature.type !== "Feature") return fail("type", "a feature must be a GeoJSON Feature");
    const properties = isObject(feature.properties) ? feature.properties : {};
    const name = ZName.safeParse(properties.name);
    if (!name.success) fail("properties.name", name.error.issues[0].message);
    const kind = properties.kind === undefined ? { success: true as const, data: defaultKind } : ZZoneKind.safeParse(properties.kind);
    if (!kind.success) fail("properties.kind", `the kind must be one of ${ZZoneKind.options.join(", ")}`);
    const geometry = ZZoneGeometry.safeParse(feature.geometry);
    if (!geometry.success) {
      const issue = geometry.error.issues[0];
      fail(["geometry", ...issue.path].join("."), issue.message);
    }
    if (!name.success || !kind.success || !geometry.success) return;
    const key = `${kind.data}\u0000${name.data}`;
    if (seen.has(key)) return fail("properties.name", "another feature of this kind in the file has this name");
    seen.add(key);
    zones.push({ name: name.data, kind: kind.data, geometry: geometry.data });
  });
  return { zones, errors };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
