/**
 * Loads a city's own assets from a file:
 *   npm run assets:import -- --file <path.csv|path.geojson|path.json> --kind <parking|bins|substations|stations|units>
 *                            [--pack <dir>] [--dry-run]
 * Sensors and stations go into the pack's entities.json, units into the app's database (DATABASE_URL, else the
 * embedded PGlite in DATA_DIR). Any row error: every error on stderr, nothing written, exit code 1.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDatabase, type TDatabase } from "@/server/db/client";
import { toolEnvFrom } from "@/server/env";
import { ASSET_KINDS, ZAssetKind } from "./asset-kinds";
import { formatPlan } from "./format-plan";
import { importAssets } from "./import-assets";
import { formatRowError } from "./row-error";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const USAGE = `usage: npm run assets:import -- --file <path.csv|path.geojson|path.json> --kind <${ASSET_KINDS.join("|")}> [--pack <dir>] [--dry-run]`;

class UsageError extends Error {}

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: "string" },
      kind: { type: "string" },
      pack: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  if (!values.file || !values.kind) throw new UsageError(`--file and --kind are required; ${USAGE}`);
  const kind = ZAssetKind.safeParse(values.kind);
  if (!kind.success) throw new UsageError(`--kind "${values.kind}" must be one of ${ASSET_KINDS.join(", ")}`);
  const env = toolEnvFrom(process.env);
  const packDir = path.resolve(values.pack ?? path.join(ROOT, "public", "city", env.CITY_PACK));
  const isDryRun = values["dry-run"];

  let database: TDatabase | undefined;
  try {
    if (kind.data === "units") database = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
    const result = await importAssets({
      file: values.file,
      kind: kind.data,
      packDir,
      isDryRun,
      prisma: database?.prisma,
      log: (line) => console.error(line),
    });
    if (!result.ok) {
      for (const error of result.errors) console.error(formatRowError(error));
      console.error(
        `assets:import: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"} in ${values.file}; nothing was written`,
      );
      process.exitCode = 1;
      return;
    }
    for (const line of formatPlan(result.plan)) console.log(line);
    const where =
      kind.data === "units"
        ? `the ${database?.kind === "postgres" ? "PostgreSQL" : "embedded PGlite"} database`
        : path.join(packDir, "entities.json");
    if (isDryRun) console.log(`dry run (${result.format}): nothing written to ${where}`);
    else if (!result.isWritten) console.log(`nothing to change in ${where}`);
    else console.log(`written to ${where}; restart the server to serve the new ${kind.data}`);
  } finally {
    await database?.close();
  }
}

async function openDatabase(databaseUrl: string | undefined, dataDir: string): Promise<TDatabase> {
  try {
    return await createDatabase({ databaseUrl, dataDir });
  } catch (error) {
    const where = databaseUrl ? new URL(databaseUrl).host : `the embedded PGlite in ${dataDir} (is the server running on it?)`;
    throw new UsageError(`cannot open the database at ${where}: ${(error as Error).message}; nothing was written`);
  }
}

main().catch((error: unknown) => {
  // Usage problems get one line; anything else is a bug and keeps its stack.
  const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(isUsage ? `assets:import: ${(error as Error).message}` : error);
  process.exitCode = 1;
});
