import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime-registry";

export const dynamic = "force-dynamic";

/**
 * Liveness for load balancers and the test runner: 200 once ingest, database and auth are wired.
 * Public, so it says nothing else (operational figures go to signed-in users over the socket).
 */
export async function GET() {
  const ok = getRuntime() !== undefined;
  return NextResponse.json(ok ? { ok } : { ok, reason: "starting" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
