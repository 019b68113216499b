import { ROLES } from "@/lib/contracts/auth";
import { ZCityConfigResponse } from "@/lib/contracts/city-api";
import { readCityConfig } from "@/server/city/read-city-config";
import { defineRoute } from "@/server/http/define-route";
import { apiError } from "@/server/http/responses";

export const dynamic = "force-dynamic";

/** Which city pack this deployment serves; any signed-in role (every page shows the city's name). */
export const GET = defineRoute({ roles: ROLES, response: ZCityConfigResponse }, async () => {
  const read = await readCityConfig();
  if (read.ok) return read.config;
  if (read.reason === "missing") return apiError(404, `City pack "${read.packId}" is not installed`);
  // Operator error (a broken pack on disk): log the details, answer without them.
  console.error(`[api/city] invalid manifest in ${read.file}:`, read.issues);
  return apiError(500, `City pack "${read.packId}" has an invalid manifest`);
});
