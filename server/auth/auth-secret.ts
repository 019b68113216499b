import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const SECRET_FILE = "auth-secret";

/**
 * The secret that signs session cookies. A real deployment sets BETTER_AUTH_SECRET (server/env.ts
 * demands it with DATABASE_URL); embedded mode generates one once into DATA_DIR, so sessions survive
 * restarts without any setup. Both live beside the data they protect.
 */
export async function resolveAuthSecret({ secret, dataDir }: { secret?: string; dataDir: string }): Promise<string> {
  if (secret) return secret;
  const file = path.join(dataDir, SECRET_FILE);
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing?.trim()) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const generated = randomBytes(32).toString("base64url");
  // Owner-only; "wx" so two processes starting together cannot overwrite each other's secret.
  await writeFile(file, generated, { mode: 0o600, flag: "wx" }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return (await readFile(file, "utf8")).trim();
}
