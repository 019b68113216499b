import { open311Error } from "@/server/open311/open311-error";
import { open311Services } from "@/server/open311/open311-services";
import { getRuntime } from "@/server/runtime-registry";

// Not static: the list includes the services the domain definitions loaded at start declare.
export const dynamic = "force-dynamic";

/**
 * GeoReport v2 service discovery. Public on purpose, as the spec has it: a citizen app lists what can be
 * reported before it holds a key, and the list is the city's categories (the built-in ones of
 * lib/contracts/citizen-services.ts and those its domain definitions declare), no city data and nothing about
 * anyone's reports.
 */
export async function GET(): Promise<Response> {
  const runtime = getRuntime();
  if (!runtime) return open311Error(503, "Starting up, try again in a moment", { "Retry-After": "5" });
  return Response.json(open311Services(runtime.city.domains.citizenServices), {
    headers: { "Cache-Control": "public, max-age=3600" },
  });
}
