import { z } from "zod";
import { ZCityPackManifest } from "@/lib/contracts/city-pack";

/** GET /api/city: which city pack this deployment serves. Parsed by the browser too. */
export const ZCityConfigResponse = z.object({
  packId: z.string(),
  manifest: ZCityPackManifest,
});
export type TCityConfigResponse = z.infer<typeof ZCityConfigResponse>;
