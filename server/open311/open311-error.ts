/** A GeoReport v2 error: `[{ "code": <status>, "description": "…" }]`, with the same HTTP status. */
export function open311Error(status: number, description: string, headers: Record<string, string> = {}): Response {
  return Response.json([{ code: status, description }], { status, headers: { "Cache-Control": "no-store", ...headers } });
}
