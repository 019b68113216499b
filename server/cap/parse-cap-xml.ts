import { XMLParser, XMLValidator } from "fast-xml-parser";

/** A CAP message is a few kilobytes; feeds of many entries stay well below this. */
export const CAP_MAX_BYTES = 256 * 1024;

/** Elements that may repeat in CAP 1.2 and Atom: always arrays, so one and many read alike. */
const REPEATED = new Set(["info", "area", "polygon", "circle", "category", "entry", "link", "geocode", "parameter", "resource"]);

const parser = new XMLParser({
  // Entities (even the five predefined ones) are left as written: no expansion means no XML bomb.
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  // Identifiers like "0042" stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export class CapFormatError extends Error {}

/**
 * Parses a CAP message or an Atom feed into plain objects. Refused before parsing: anything over
 * CAP_MAX_BYTES and any DOCTYPE (CAP never needs one, and a DTD is where entity bombs and external
 * entities live), so the parser never sees a declaration to expand.
 */
export function parseCapXml(text: string): Record<string, unknown> {
  if (Buffer.byteLength(text) > CAP_MAX_BYTES) throw new CapFormatError(`The message is too large (at most ${CAP_MAX_BYTES} bytes)`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new CapFormatError("A DOCTYPE or entity declaration is not allowed in CAP");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new CapFormatError(`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    // The validator lets a few malformations through that the parser then refuses (an unclosed <?xml …?>).
    throw new CapFormatError(`Not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null) throw new CapFormatError("The document is empty");
  return parsed as Record<string, unknown>;
}
