/**
 * Builds the generated metro pack used for scale work and benchmarks:
 *   npm run city:metro [-- --segments 50000 --sensors 100000 --seed 1 --out public/city/metro]
 * Serve it with CITY_PACK=metro. The pack is built on demand and kept out of git.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildMetro, METRO_PACK_ID } from "./build-metro";
import { formatMetroReport } from "./format-metro-report";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} "${value}" must be a positive integer`);
  return n;
}

const { values } = parseArgs({
  options: {
    segments: { type: "string", default: "50000" },
    sensors: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
const outDir = path.resolve(values.out ?? path.join(ROOT, "public/city", METRO_PACK_ID));
const report = buildMetro({
  segments: positiveInt("segments", values.segments),
  sensors: positiveInt("sensors", values.sensors),
  seed: positiveInt("seed", values.seed),
  outDir,
  log: (line) => console.error(line),
});
console.log(`${path.relative(process.cwd(), outDir) || "."}: ${formatMetroReport(report)}`);
console.log(`Serve it with CITY_PACK=${path.basename(outDir)}`);
