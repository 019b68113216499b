import { NextResponse } from "next/server";
import { ZAuthConfig } from "@/lib/contracts/auth";
import { getRuntime } from "@/server/runtime-registry";

export const dynamic = "force-dynamic";

/** Public: what the sign-in page offers (single sign-on button, demo accounts hint). */
export async function GET() {
  const runtime = getRuntime();
  if (!runtime) return NextResponse.json({ error: "Starting up, try again in a moment" }, { status: 503 });
  const { sso, demo } = runtime.authSettings;
  // Not a defineRoute (it is public), so the contract is applied here: only what it names goes out.
  return NextResponse.json(ZAuthConfig.parse({ sso, demo }), { headers: { "Cache-Control": "no-store" } });
}
