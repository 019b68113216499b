import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { OSMTransform } from "osm-pbf-parser-node";
import type { TOsmElement } from "./collect-osm";
import { OsmInputError } from "./osm-input-error";
import type { TReadProgress } from "./read-progress";

type TPbfItem =
  | { type: "node"; id: number; lat: number; lon: number; tags?: Record<string, string> }
  | { type: "way"; id: number; refs: number[]; tags?: Record<string, string> }
  | { type: "relation"; id: number; members: { type: string; ref: number; role: string }[]; tags?: Record<string, string> }
  /** The file's header block, first in the stream. */
  | { type?: undefined };

type TDone = (error?: Error | null) => void;

/** The parser throws from inside the stream on a corrupt block (zlib, protobuf): turn that into a stream error. */
class CheckedOsmTransform extends OSMTransform {
  override _transform(chunk: Buffer, encoding: BufferEncoding, next: TDone) {
    try {
      super._transform(chunk, encoding, next);
    } catch (error) {
      next(error as Error);
    }
  }

  override _flush(done: TDone) {
    try {
      super._flush(done);
    } catch (error) {
      done(error as Error);
    }
  }
}

/**
 * Streams an .osm.pbf file block by block through osm-pbf-parser-node (zlib blobs,
 * dense nodes), so only one block and the collected elements are in memory.
 */
export async function readOsmPbf(file: string, onElement: (el: TOsmElement) => void, progress: TReadProgress): Promise<void> {
  const source = createReadStream(file);
  let elements = 0;
  const blocks = pipeline(source, new CheckedOsmTransform({ withTags: true, withInfo: false }), () => {});
  try {
    for await (const block of blocks as AsyncIterable<TPbfItem[]>) {
      for (const item of block) {
        if (item.type === undefined) continue;
        elements++;
        onElement({ ...item, tags: item.tags ?? {} } as TOsmElement);
      }
      progress(source.bytesRead, elements);
    }
  } catch (error) {
    // The parser reports a cut-off or corrupt file as "input format error" when the last block does not add up.
    throw new OsmInputError(
      `${file} is truncated or not a valid OSM PBF file (${(error as Error).message}, after ${elements.toLocaleString("en-US")} elements and ${source.bytesRead.toLocaleString("en-US")} bytes)`,
    );
  }
}
