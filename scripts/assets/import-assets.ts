import type { TCityEntities, TCityPackManifest } from "@/lib/contracts/city-pack";
import type { PrismaClient } from "@/server/db/generated/client";
import { seedUnits } from "@/server/dispatch/seed-units";
import { DEFAULT_CAPABILITIES } from "@/server/dispatch/unit-capabilities";
import { isPackKind, PACK_LIST, type TAssetKind, type TAssetOf, type TPackAssetKind } from "./asset-kinds";
import { rowsOutsideCity } from "./check-in-city";
import { diffAssets, type TAssetPlan } from "./diff-assets";
import { applyPackPlan, PackEntitiesError, readPack, validatePackEntities, writePackEntities } from "./pack-entities";
import { planUnits } from "./plan-units";
import { type TAssetFormat, readAssetFile } from "./read-asset-file";
import { sortRowErrors, type TRowError } from "./row-error";
import { type TValidRow, validateAssetRows } from "./validate-asset-rows";
import { readStoredUnits, writeUnits } from "./write-units";

export type TImportAssetsOptions = {
  file: string;
  kind: TAssetKind;
  /** The city pack folder (public/city/<id>): sensors and stations are written to its entities.json, units checked against its stations. */
  packDir: string;
  isDryRun: boolean;
  /** Units only: the database they are upserted into. */
  prisma?: PrismaClient;
  log?: (line: string) => void;
};

export type TImportAssetsResult =
  | { ok: false; format?: TAssetFormat; errors: TRowError[] }
  // biome-ignore lint/suspicious/noExplicitAny: the plan of whichever kind was imported
  | { ok: true; format: TAssetFormat; plan: TAssetPlan<any>; isWritten: boolean };

/**
 * `npm run assets:import`: read the file, check every row, compare with what the city has, and unless it is a
 * dry run write the result. Any error anywhere means nothing is written and every error is returned.
 */
export async function importAssets(o: TImportAssetsOptions): Promise<TImportAssetsResult> {
  const log = o.log ?? (() => {});
  const { format, rows, errors: fileErrors } = await readAssetFile(o.file, o.kind);
  const { valid, errors: rowErrors } = validateAssetRows(o.kind, rows, log);
  const errors = [...fileErrors, ...rowErrors];

  let manifest: TCityPackManifest;
  let entities: TCityEntities;
  try {
    ({ manifest, entities } = await readPack(o.packDir));
  } catch (error) {
    if (error instanceof PackEntitiesError) return { ok: false, format, errors: [...errors, { message: error.message }] };
    throw error;
  }

  if (isPackKind(o.kind)) {
    const packRows = valid as TValidRow<TPackAssetKind>[];
    return importPackAssets(o, format, entities, packRows, [...errors, ...rowsOutsideCity(packRows, manifest.bounds)]);
  }
  if (!o.prisma) throw new Error("importing units needs a database (prisma)");
  let stored = await readStoredUnits(o.prisma);
  // A database the server has not started on yet lacks the pack's own units. The server seeds them before
  // anything else, so they count as there: a row naming P-11 updates the pack's P-11 instead of clashing later.
  const isUnseeded = stored.length === 0 && entities.units.length > 0;
  if (isUnseeded) stored = entities.units.map((unit) => ({ ...unit, capabilities: [...DEFAULT_CAPABILITIES[unit.type]] }));
  const unitPlan = planUnits(valid as TValidRow<"units">[], stored, entities.stations);
  const allErrors = sortRowErrors([...errors, ...unitPlan.errors]);
  if (allErrors.length > 0) return { ok: false, format, errors: allErrors };
  const hasChanges = unitPlan.plan.added.length + unitPlan.plan.updated.length > 0;
  if (!o.isDryRun && hasChanges) {
    if (isUnseeded) await seedUnits(o.prisma, entities.units);
    await writeUnits(o.prisma, unitPlan.plan);
  }
  return { ok: true, format, plan: unitPlan.plan, isWritten: !o.isDryRun && hasChanges };
}

async function importPackAssets(
  o: TImportAssetsOptions,
  format: TAssetFormat,
  entities: TCityEntities,
  valid: TValidRow<TPackAssetKind>[],
  errors: TRowError[],
): Promise<TImportAssetsResult> {
  if (errors.length > 0) return { ok: false, format, errors: sortRowErrors(errors) };
  const kind = o.kind as TPackAssetKind;
  const existing = new Map((entities[PACK_LIST[kind]] as TAssetOf[TPackAssetKind][]).map((asset) => [asset.id, asset]));
  const plan = diffAssets(kind, valid, (asset) => existing.get(asset.id));
  const hasChanges = plan.added.length + plan.updated.length > 0;
  try {
    // Checked on a dry run too: it must fail exactly where the real import would.
    const next = validatePackEntities(applyPackPlan(entities, plan));
    if (o.isDryRun || !hasChanges) return { ok: true, format, plan, isWritten: false };
    await writePackEntities(o.packDir, next);
  } catch (error) {
    if (error instanceof PackEntitiesError) return { ok: false, format, errors: [{ message: error.message }] };
    throw error;
  }
  return { ok: true, format, plan, isWritten: true };
}
