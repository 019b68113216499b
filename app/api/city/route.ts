import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROLES } from "@/lib/contracts/auth";
import { ZCityPackManifest } from "@/lib/contracts/city-pack";
import { ZCityConfigResponse } from "@/lib/contracts/city-api";
import { serverEnv } from "@/server/env";
import { defineRoute } from "@/server/http/define-route";
import { apiError } from "@/server/http/responses";

export const dynamic = "force-dynamic";

/** Which city pack this deployment serves; any signed-in role (every page shows the city's name). */
export const GET = defineRoute({ roles: ROLES, response: ZCityConfigResponse }, async () => {
  const packId = serverEnv().CITY_PACK; // validated as [a-z0-9-]+, so it cannot escape public/city/
  const file = path.join(process.cwd(), "public", "city", packId, "pack.json");

  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return apiError(404, `City pack "${packId}" is not installed`);
    throw error;
  }

  const parsed = ZCityPackManifest.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    // Operator error (a broken pack on disk): log the details, answer without them.
    console.error(`[api/city] invalid manifest in ${file}:`, parsed.error.issues);
    return apiError(500, `City pack "${packId}" has an invalid manifest`);
  }

  return { packId, manifest: parsed.data };
});
