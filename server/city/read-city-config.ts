import { readFile } from "node:fs/promises";
import path from "node:path";
import { ZCityPackManifest } from "@/lib/contracts/city-pack";
import type { TCityConfigResponse } from "@/lib/contracts/city-api";
import { serverEnv } from "@/server/env";
import { getRuntime } from "@/server/runtime-registry";

export type TCityConfigRead =
  | { ok: true; config: TCityConfigResponse }
  | { ok: false; reason: "missing"; packId: string }
  | { ok: false; reason: "invalid"; packId: string; file: string; issues: unknown };

/** Which city pack this deployment serves, its manifest (read from public/city/<pack>/pack.json) and its declared domains. */
export async function readCityConfig(): Promise<TCityConfigRead> {
  const packId = serverEnv().CITY_PACK; // validated as [a-z0-9-]+, so it cannot escape public/city/
  const file = path.join(process.cwd(), "public", "city", packId, "pack.json");

  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: false, reason: "missing", packId };
    throw error;
  }
  const parsed = ZCityPackManifest.safeParse(JSON.parse(raw));
  if (!parsed.success) return { ok: false, reason: "invalid", packId, file, issues: parsed.error.issues };
  // The declared domains the running app loaded at start (none before it has, e.g. in a build step).
  const domains = getRuntime()?.city.domains.domains.map((d) => d.definition) ?? [];
  return { ok: true, config: { packId, manifest: parsed.data, domains } };
}
