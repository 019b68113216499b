import { createReadStream } from "node:fs";
import sax from "sax";
import type { TOsmElement } from "./collect-osm";
import { OsmInputError } from "./osm-input-error";
import type { TReadProgress } from "./read-progress";
import type { TTags } from "./read-osm";

/** Without xmlns, sax gives attributes as plain strings. */
type TOpenTag = sax.Tag;

/**
 * Streams OSM XML (API 0.6 / osmosis / Overpass output) with sax, one chunk at a
 * time, so a file far larger than memory can be read. Elements are handed to
 * `onElement` as soon as their closing tag is read.
 */
export async function readOsmXml(file: string, onElement: (el: TOsmElement) => void, progress: TReadProgress): Promise<void> {
  const parser = sax.parser(true);
  let root: string | undefined;
  let current: TOsmElement | undefined;
  let elements = 0;
  const fail = (what: string): never => {
    throw new OsmInputError(`${file} line ${parser.line + 1}: ${what}`);
  };
  const num = (tag: TOpenTag, key: string): number => {
    const value = Number(tag.attributes[key]);
    return Number.isFinite(value) && tag.attributes[key] !== "" ? value : fail(`<${tag.name}> has no valid ${key} attribute`);
  };

  parser.onerror = (error) => fail(error.message.split("\n")[0]);
  parser.onopentag = (node) => {
    const tag = node as TOpenTag;
    if (root === undefined) {
      root = tag.name;
      if (root !== "osm") fail(`this XML is not OpenStreetMap data (root element <${root}>, expected <osm>)`);
      return;
    }
    const tags: TTags = {};
    if (tag.name === "node") current = { type: "node", id: num(tag, "id"), lon: num(tag, "lon"), lat: num(tag, "lat"), tags };
    else if (tag.name === "way") current = { type: "way", id: num(tag, "id"), refs: [], tags };
    else if (tag.name === "relation") current = { type: "relation", id: num(tag, "id"), members: [], tags };
    else if (tag.name === "tag" && current) current.tags[tag.attributes.k ?? ""] = tag.attributes.v ?? "";
    else if (tag.name === "nd" && current?.type === "way") current.refs.push(num(tag, "ref"));
    else if (tag.name === "member" && current?.type === "relation")
      current.members.push({ type: tag.attributes.type ?? "", ref: num(tag, "ref"), role: tag.attributes.role ?? "" });
  };
  parser.onclosetag = (name) => {
    if (current && name === current.type) {
      onElement(current);
      current = undefined;
      elements++;
    }
  };

  const stream = createReadStream(file, { encoding: "utf8" });
  for await (const chunk of stream) {
    parser.write(chunk as string);
    progress(stream.bytesRead, elements);
  }
  if (root === undefined) fail("no XML element found");
  parser.close();
}
