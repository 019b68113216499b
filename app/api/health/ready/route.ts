import { createReadiness, type TReadiness } from "@/server/health/readiness";
import { getRuntime } from "@/server/runtime-registry";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers and the event source is running and caught up; 503 otherwise. Public. */
export async function GET() {
  const runtime = getRuntime();
  const result: TReadiness = runtime
    ? await (runtime.readiness ?? createReadiness({ database: runtime.database.ping }))()
    : { ready: false, checks: { runtime: { ok: false, detail: "starting" } } };
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
