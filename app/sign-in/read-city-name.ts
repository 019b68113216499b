import { readFile } from "node:fs/promises";
import path from "node:path";
import { ZCityPackManifest } from "@/lib/contracts/city-pack";
import { serverEnv } from "@/server/env";

/**
 * The city this deployment serves, for the sign-in page. Read from the pack's manifest
 * directly: /api/city needs a session, and the sign-in page is shown without one.
 * Null (the page just omits the city) if the pack cannot be read.
 */
export async function readCityName(): Promise<string | null> {
  const file = path.join(process.cwd(), "public", "city", serverEnv().CITY_PACK, "pack.json");
  try {
    const parsed = ZCityPackManifest.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success ? parsed.data.name : null;
  } catch (error) {
    console.error(`[sign-in] cannot read the city name from ${file}:`, error);
    return null;
  }
}
