import { z } from "zod";
import { ZCityPackManifest } from "@/lib/contracts/city-pack";
import { ZDomainDefinition } from "@/lib/contracts/domain-definition";

/** GET /api/city: which city pack this deployment serves. Parsed by the browser too. */
export const ZCityConfigResponse = z.object({
  packId: z.string(),
  manifest: ZCityPackManifest,
  /** The declared sensor domains loaded at start (lib/domains/definitions); the browser places their sensors on the pack itself. */
  domains: z.array(ZDomainDefinition).default([]),
});
export type TCityConfigResponse = z.infer<typeof ZCityConfigResponse>;
