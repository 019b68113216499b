import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { type TCityEntities, type TCityPackManifest, ZCityEntities, ZCityPackManifest } from "@/lib/contracts/city-pack";
import { checkEntities } from "@/scripts/city-pack/check-entities";
import { PACK_LIST, type TAssetOf, type TPackAssetKind } from "./asset-kinds";
import type { TAssetPlan } from "./diff-assets";

/** A pack's entities.json that cannot be read or would not be valid: nothing is written. */
export class PackEntitiesError extends Error {
  override name = "PackEntitiesError";
}

export const entitiesFile = (packDir: string) => path.join(packDir, "entities.json");

/** The pack's manifest (bounds) and entities, checked against the schemas the server loads them with. */
export async function readPack(packDir: string): Promise<{ manifest: TCityPackManifest; entities: TCityEntities }> {
  const [manifest, entities] = await Promise.all([
    readPackFile(path.join(packDir, "pack.json"), ZCityPackManifest),
    readPackFile(entitiesFile(packDir), ZCityEntities),
  ]);
  return { manifest, entities };
}

async function readPackFile<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new PackEntitiesError(`${file} cannot be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new PackEntitiesError(`${file} does not match the city pack schema: ${describe(parsed.error.issues)}`);
  return parsed.data;
}

/** The pack with the plan applied: updated assets replaced where they stand, added ones appended. */
export function applyPackPlan<K extends TPackAssetKind>(entities: TCityEntities, plan: TAssetPlan<K>): TCityEntities {
  const listName = PACK_LIST[plan.kind];
  const replacements = new Map(plan.updated.map((change) => [change.asset.id, change.asset]));
  const list = (entities[listName] as TAssetOf[K][]).map((asset) => replacements.get(asset.id) ?? asset);
  return { ...entities, [listName]: [...list, ...plan.added.map((change) => change.asset)] };
}

/** The whole pack checked as the server would load it (schema, unique ids, units' stations). */
export function validatePackEntities(entities: TCityEntities): TCityEntities {
  const parsed = ZCityEntities.safeParse(entities);
  if (!parsed.success) throw new PackEntitiesError(`the imported pack would not match its schema: ${describe(parsed.error.issues)}`);
  const problems = checkEntities(parsed.data);
  if (problems.length > 0) throw new PackEntitiesError(`the imported pack would be inconsistent: ${problems.join("; ")}`);
  return parsed.data;
}

/**
 * Validates the pack, then replaces entities.json through a temporary file and a rename, so a running server
 * or a crash never sees half a file.
 */
export async function writePackEntities(packDir: string, entities: TCityEntities): Promise<void> {
  const valid = validatePackEntities(entities);
  const file = entitiesFile(packDir);
  const temporary = `${file}.import-${process.pid}`;
  try {
    await writeFile(temporary, `${JSON.stringify(valid)}\n`);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function describe(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}
