import { z } from "zod";

/** The live map layers, one per built-in sensor domain (each described in lib/domains/definitions/builtin/<layer>.json). */
export const LAYERS = ["traffic", "parking", "waste", "energy", "units"] as const;
export const ZLayer = z.enum(LAYERS);
export type TLayer = z.infer<typeof ZLayer>;

/**
 * What an alert, rule signal or filter names its domain by: a built-in layer, or a declared domain's id
 * (lib/domains/definitions, checked against the definitions loaded at start). Kept apart from TLayer so the
 * built-ins' exhaustive tables stay exhaustive.
 */
export type TDomainName = TLayer | (string & {});
export const ZDomainName: z.ZodType<TDomainName, string> = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/);

export function isBuiltinLayer(domain: TDomainName): domain is TLayer {
  return (LAYERS as readonly string[]).includes(domain);
}

export const DEAD_LETTER_TOPIC = "city.deadletter";
