export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers HTTP. Nothing else (a database outage must not get a healthy process
 * restarted); whether it should get traffic is /api/health/ready.
 */
export async function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
