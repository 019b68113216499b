/**
 * Builds the generated metro pack used for scale work and benchmarks:
 *   npm run city:metro [-- --segments 50000 --sensors 100000 --seed 1 --out public/city/metro]
 * Serve it with CITY_PACK=metro. The pack is built on demand and kept out of git.
 * Exit code 1 and one line on stderr for a bad option.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildMetro, METRO_PACK_ID } from "./build-metro";
import { CITY_PACK_ID } from "./city-pack-config";
import { formatMetroReport } from "./format-metro-report";
import { OsmInputError } from "./osm-input-error";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new OsmInputError(`--${name} "${value}" must be a positive integer`);
  return n;
}

function main() {
  const { values } = parseArgs({
    options: {
      segments: { type: "string", default: "50000" },
      sensors: { type: "string", default: "100000" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
    },
  });
  const outDir = path.resolve(values.out ?? path.join(ROOT, "public/city", METRO_PACK_ID));
  if (!CITY_PACK_ID.test(path.basename(outDir)))
    throw new OsmInputError(`--out "${values.out}": the folder's name is the pack id, lower-case letters, digits and dashes`);
  const [segments, sensors] = [positiveInt("segments", values.segments), positiveInt("sensors", values.sensors)];
  if (sensors < segments)
    throw new OsmInputError(`--sensors ${sensors} must be at least --segments ${segments}: every segment is a sensor`);
  const report = buildMetro({ segments, sensors, seed: positiveInt("seed", values.seed), outDir, log: (line) => console.error(line) });
  console.log(`${path.relative(process.cwd(), outDir) || "."}: ${formatMetroReport(report)}`);
  console.log(`Serve it with CITY_PACK=${path.basename(outDir)}`);
}

try {
  main();
} catch (error) {
  const isInput = error instanceof OsmInputError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(isInput ? `city:metro: ${(error as Error).message}` : error);
  process.exitCode = 1;
}
