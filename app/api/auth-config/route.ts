import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime-registry";

export const dynamic = "force-dynamic";

/** Public: what the sign-in page offers (single sign-on button, demo accounts hint). */
export async function GET() {
  const runtime = getRuntime();
  if (!runtime) return NextResponse.json({ error: "Starting up, try again in a moment" }, { status: 503 });
  const { sso, demo } = runtime.authSettings;
  return NextResponse.json({ sso, demo }, { headers: { "Cache-Control": "no-store" } });
}
