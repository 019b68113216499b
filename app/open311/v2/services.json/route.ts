import { OPEN311_SERVICES } from "@/server/open311/open311-services";

export const dynamic = "force-static";

/**
 * GeoReport v2 service discovery. Public on purpose, as the spec has it: a citizen app lists what can be
 * reported before it holds a key, and the list is the city's fixed categories (lib/contracts/citizen-services.ts),
 * no city data and nothing about anyone's reports.
 */
export async function GET(): Promise<Response> {
  return Response.json(OPEN311_SERVICES, { headers: { "Cache-Control": "public, max-age=3600" } });
}
