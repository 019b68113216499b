import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime-registry";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and the test runner: 200 once ingest and database are wired. */
export async function GET() {
  const runtime = getRuntime();
  if (!runtime) return NextResponse.json({ ok: false, reason: "starting" }, { status: 503 });
  const stats = runtime.city.stats.read(runtime.city.source.kind, runtime.city.source.consumerLag());
  return NextResponse.json({ ok: true, database: runtime.database.kind, ingest: stats });
}
