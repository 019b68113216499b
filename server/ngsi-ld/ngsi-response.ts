import type { TNgsiEntitiesQuery } from "@/lib/contracts/ngsi-ld";
import { contextUrlFor } from "./ngsi-ld-context";
import type { TNgsiRepresentation } from "./ngsi-representation";

export type TNgsiMediaType = "application/json" | "application/ld+json";

/**
 * What the client accepts (GS CIM 009 §6.3.6): application/ld+json when it asks for it, else application/json
 * (also for no Accept header, * / * or application/ *); null when it accepts neither (406).
 */
export function negotiateNgsiMediaType(accept: string | null): TNgsiMediaType | null {
  if (!accept) return "application/json";
  const types = accept
    .slice(0, 1000)
    .split(",")
    .map((part) => part.split(";")[0].trim().toLowerCase());
  if (types.includes("application/ld+json")) return "application/ld+json";
  if (types.some((t) => t === "application/json" || t === "application/*" || t === "*/*")) return "application/json";
  return null;
}

export function representationOf(query: Pick<TNgsiEntitiesQuery, "options" | "format">): TNgsiRepresentation {
  const asked = query.format ?? query.options?.find((o) => o !== "count");
  return asked === "keyValues" || asked === "simplified" ? "keyValues" : "normalized";
}

/**
 * JSON with the @context where the spec puts it: a Link header for application/json, an "@context" member of
 * each entity for application/ld+json.
 */
export function ngsiJson<T extends object>(
  request: Request,
  mediaType: TNgsiMediaType,
  body: T | T[],
  headers: Record<string, string> = {},
): Response {
  const context = contextUrlFor(request);
  const withContext = (entity: T) => ({ ...entity, "@context": context });
  const payload = mediaType === "application/ld+json" ? (Array.isArray(body) ? body.map(withContext) : withContext(body)) : body;
  const link: Record<string, string> =
    mediaType === "application/json"
      ? { Link: `<${context}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"` }
      : {};
  return new Response(JSON.stringify(payload), {
    status: 200,
    headers: { "Content-Type": mediaType, "Cache-Control": "no-store", ...link, ...headers },
  });
}
