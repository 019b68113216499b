/**
 * Builds a city pack for any city from an OpenStreetMap extract:
 *   npm run city:import -- --osm <file.osm.pbf|file.osm|file.geojson> --name "City, Region"
 *                          [--bbox west,south,east,north] [--out <dir>] [--id <pack-id>] [--seed <n>] [--force]
 * Exit code 1 and one line on stderr for a bad file, bbox or option.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { importCity } from "./import-city";
import { OsmInputError } from "./osm-input-error";
import { parseBbox } from "./parse-bbox";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const USAGE =
  'usage: npm run city:import -- --osm <file.osm.pbf|file.osm|file.geojson> --name "City, Region" [--bbox w,s,e,n] [--out <dir>] [--id <pack-id>] [--seed <n>] [--force]';

async function main() {
  const { values } = parseArgs({
    options: {
      osm: { type: "string" },
      name: { type: "string" },
      bbox: { type: "string" },
      out: { type: "string" },
      id: { type: "string" },
      seed: { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  if (!values.osm || !values.name) throw new OsmInputError(`--osm and --name are required; ${USAGE}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new OsmInputError(`--seed "${values.seed}" must be an integer`);

  const publicDir = path.join(ROOT, "public");
  const result = await importCity({
    osmFile: values.osm,
    name: values.name,
    bbox: values.bbox === undefined ? undefined : parseBbox(values.bbox),
    outDir: values.out,
    id: values.id,
    seed,
    isForced: values.force,
    publicDir,
    log: (line) => console.error(line),
  });
  console.log(`${path.relative(process.cwd(), result.outDir) || "."}: ${result.summary}`);
  const served = path.dirname(result.outDir) === path.join(publicDir, "city");
  console.log(
    served
      ? `Serve it with CITY_PACK=${result.id}`
      : `Copy the folder to public/city/${result.id}/ and set CITY_PACK=${result.id} to serve it`,
  );
}

main().catch((error: unknown) => {
  // Input problems get one line; anything else is a bug and keeps its stack.
  const isInput = error instanceof OsmInputError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(isInput ? `city:import: ${(error as Error).message}` : error);
  process.exitCode = 1;
});
