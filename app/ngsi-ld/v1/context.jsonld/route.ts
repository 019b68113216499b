import { NGSI_LD_CONTEXT_DOCUMENT } from "@/server/ngsi-ld/ngsi-ld-context";

export const dynamic = "force-static";

/**
 * The JSON-LD @context our NGSI-LD answers refer to. Public on purpose: JSON-LD processors fetch contexts
 * without credentials, and it names terms only, no city data.
 */
export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(NGSI_LD_CONTEXT_DOCUMENT), {
    headers: { "Content-Type": "application/ld+json", "Cache-Control": "public, max-age=3600" },
  });
}
