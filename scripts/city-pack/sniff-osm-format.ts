import { open } from "node:fs/promises";
import { OsmInputError } from "./osm-input-error";

export type TOsmFormat = "pbf" | "xml" | "geojson";

const SNIFF_BYTES = 64;
/** A PBF file opens with the 4-byte big-endian size of a BlobHeader (at most 64 KiB) whose type is "OSMHeader". */
const MAX_BLOB_HEADER_BYTES = 64 * 1024;

function describe(bytes: Buffer): string {
  const text = bytes.subarray(0, 16).toString("latin1");
  return /^[\x20-\x7e]+$/.test(text) ? `"${text}…"` : `bytes ${bytes.subarray(0, 8).toString("hex").replace(/(..)/g, "$1 ").trim()}`;
}

/** Decides the format from the file's first bytes, not its name: a renamed file still reads, a wrong one fails here. */
export async function sniffOsmFormat(file: string): Promise<TOsmFormat> {
  const handle = await open(file, "r");
  let bytes: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (bytes.length === 0) throw new OsmInputError(`${file} is empty`);
  if (bytes.length >= 4 && bytes.readUInt32BE(0) <= MAX_BLOB_HEADER_BYTES && bytes.includes("OSMHeader")) return "pbf";
  const text = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (text.startsWith("<")) return "xml";
  if (text.startsWith("{")) return "geojson";
  throw new OsmInputError(`${file} is not OpenStreetMap data: expected an .osm.pbf, .osm (XML) or GeoJSON file, found ${describe(bytes)}`);
}
