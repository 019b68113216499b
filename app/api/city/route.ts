import { readFile } from "node:fs/promises";
import path from "node:path";
import { NextResponse } from "next/server";
import { ZCityPackManifest } from "@/lib/contracts/city-pack";
import { serverEnv } from "@/server/env";
import type { TCityConfigResponse } from "@/lib/contracts/city-api";

export async function GET(): Promise<NextResponse> {
  // AUTH: the session check goes here (401 when signed out) once auth lands;
  // everything below assumes an authenticated operator.

  const packId = serverEnv().CITY_PACK; // validated as [a-z0-9-]+, so it cannot escape public/city/
  const file = path.join(process.cwd(), "public", "city", packId, "pack.json");

  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return NextResponse.json({ error: `City pack "${packId}" is not installed` }, { status: 404 });
    }
    throw error;
  }

  const parsed = ZCityPackManifest.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    // Operator error (a broken pack on disk): log the details, answer without them.
    console.error(`[api/city] invalid manifest in ${file}:`, parsed.error.issues);
    return NextResponse.json({ error: `City pack "${packId}" has an invalid manifest` }, { status: 500 });
  }

  const body: TCityConfigResponse = { packId, manifest: parsed.data };
  return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
}
