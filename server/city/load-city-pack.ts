import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { ZCityEntities, ZCityPackManifest, type TCityEntities, type TCityPackManifest } from "@/lib/contracts/city-pack";

type TLoadedCityPack = { manifest: TCityPackManifest; entities: TCityEntities };

class CityPackError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "CityPackError";
  }
}

async function readPackFile<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new CityPackError(`City pack file ${file} cannot be read: ${(err as Error).message}`, file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CityPackError(`City pack file ${file} is not valid JSON: ${(err as Error).message}`, file);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new CityPackError(`City pack file ${file} does not match its schema:\n  ${issues.join("\n  ")}`, file);
  }
  return parsed.data;
}

/**
 * Reads public/city/<packId>/pack.json and entities.json: the same files the
 * browser fetches, validated so a broken pack fails at start-up with the file named.
 */
export async function loadCityPack(packId: string, publicDir = path.join(process.cwd(), "public")): Promise<TLoadedCityPack> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(packId)) throw new CityPackError(`Invalid city pack id "${packId}"`, packId);
  const dir = path.join(publicDir, "city", packId);
  const [manifest, entities] = await Promise.all([
    readPackFile(path.join(dir, "pack.json"), ZCityPackManifest),
    readPackFile(path.join(dir, "entities.json"), ZCityEntities),
  ]);
  if (manifest.id !== packId)
    throw new CityPackError(`City pack ${dir} declares id "${manifest.id}", expected "${packId}"`, path.join(dir, "pack.json"));
  return { manifest, entities };
}
