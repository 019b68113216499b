import { stat } from "node:fs/promises";
import { createOsmCollector, type TBbox, type TOsmCollector } from "./collect-osm";
import { OsmInputError } from "./osm-input-error";
import { createReadProgress, PROGRESS_MIN_BYTES, type TLog } from "./read-progress";
import type { TOsmData } from "./read-osm";
import { readOsmGeoJson } from "./read-osm-geojson";
import { readOsmPbf } from "./read-osm-pbf";
import { readOsmXml } from "./read-osm-xml";
import { sniffOsmFormat } from "./sniff-osm-format";

type TReadOptions = { bbox?: TBbox; log: TLog; progressMinBytes?: number };

const fmt = (bbox: TBbox) => bbox.map((v) => Number(v.toFixed(5))).join(",");

function overlaps(a: TBbox, b: TBbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

async function fileSize(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new OsmInputError(`${file} is not a file`);
    return s.size;
  } catch (error) {
    if (error instanceof OsmInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new OsmInputError(code === "ENOENT" ? `${file} does not exist` : `${file} cannot be read (${code ?? (error as Error).message})`);
  }
}

function checkContent(file: string, collector: TOsmCollector, bbox: TBbox | undefined) {
  const { nodes, extent } = collector.stats();
  if (nodes === 0 || !extent) throw new OsmInputError(`${file} contains no OpenStreetMap nodes`);
  if (bbox && !overlaps(bbox, extent))
    throw new OsmInputError(`bbox ${fmt(bbox)} lies outside the data in ${file}, which covers ${fmt(extent)} (west,south,east,north)`);
}

/** Reads an .osm.pbf, .osm (XML) or GeoJSON file, whichever its first bytes say it is, clipped to `bbox`. */
export async function readOsmFile(file: string, { bbox, log, progressMinBytes = PROGRESS_MIN_BYTES }: TReadOptions): Promise<TOsmData> {
  const size = await fileSize(file);
  const format = await sniffOsmFormat(file);
  log(`reading ${file} (${format}, ${(size / (1024 * 1024)).toFixed(1)} MiB)`);
  const collector = createOsmCollector(bbox);
  const progress = createReadProgress(file, size, log, progressMinBytes);
  const add = collector.add;
  if (format === "pbf") await readOsmPbf(file, add, progress);
  else if (format === "xml") await readOsmXml(file, add, progress);
  else await readOsmGeoJson(file, add, progress);
  checkContent(file, collector, bbox);
  const { nodes, ways, relations } = collector.stats();
  log(`read ${nodes.toLocaleString("en-US")} nodes, ${ways.toLocaleString("en-US")} ways, ${relations.toLocaleString("en-US")} relations`);
  if (bbox) log(`clipping to bbox ${fmt(bbox)}`);
  return collector.finish();
}
