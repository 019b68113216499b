import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capFixture, oversizedCapMessage } from "@/test/fixtures/cap/cap-fixtures";
import { capAreaPolygons } from "./cap-area-polygons";
import { CapFormatError } from "./parse-cap-xml";
import { readCapDocument, readCapMessage } from "./read-cap-document";

describe("readCapDocument", () => {
  it("reads a severe-weather warning with its polygon as a GeoJSON ring", () => {
    const message = readCapMessage(capFixture("severe-weather-alert"));
    expect(message).toMatchObject({
      identifier: "MET-2026-12-03-0042",
      sender: "warnings@met.example.org",
      msgType: "Alert",
      references: [],
    });
    expect(message.sent.toISOString()).toBe("2026-12-03T06:00:00.000Z");
    const [info] = message.info;
    expect(info).toMatchObject({ event: "Severe wind", severity: "Severe", urgency: "Expected", certainty: "Likely", category: ["Met"] });
    // Entities stay as written: nothing is expanded.
    expect(info.description).toContain("&amp;");
    expect(capAreaPolygons(info.area)).toEqual([
      [
        [-0.14, 51.5],
        [-0.14, 51.52],
        [-0.1, 51.52],
        [-0.1, 51.5],
        [-0.14, 51.5],
      ],
    ]);
  });

  it("reads an Update (namespace-prefixed) with its references, and a circle as a closed polygon", () => {
    const message = readCapMessage(capFixture("severe-weather-update"));
    expect(message.msgType).toBe("Update");
    expect(message.references).toEqual([{ sender: "warnings@met.example.org", identifier: "MET-2026-12-03-0042" }]);
    const rings = capAreaPolygons(message.info[0].area);
    expect(rings).toHaveLength(2);
    expect(rings[1][0]).toEqual(rings[1].at(-1));
    expect(rings[1].length).toBeGreaterThan(16);
  });

  it("reads a Cancel without an info block", () => {
    const message = readCapMessage(capFixture("severe-weather-cancel"));
    expect(message).toMatchObject({ msgType: "Cancel", info: [] });
    expect(message.references[0].identifier).toBe("MET-2026-12-03-0043");
  });

  it("reads both entries of an Atom feed", () => {
    const document = readCapDocument(capFixture("atom-feed"));
    expect(document.messages.map((message) => message.identifier)).toEqual(["FL-1", "FL-2"]);
    expect(document.messages[0].sent.toISOString()).toBe("2026-12-03T06:00:00.000Z");
  });

  it("collects links of entries that carry no message inline", () => {
    const feed = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><link rel="alternate" type="application/cap+xml" href="https://met.example.org/cap/1.xml"/></entry></feed>`;
    expect(readCapDocument(feed)).toEqual({ messages: [], links: ["https://met.example.org/cap/1.xml"] });
  });

  it.each([
    ["malformed XML", capFixture("malformed"), /Not well-formed XML/],
    ["a DTD with an entity bomb and an external entity", capFixture("xml-bomb"), /DOCTYPE/],
    ["an oversized message", oversizedCapMessage(), /too large/],
    ["an Ack", capFixture("severe-weather-alert").replace("<msgType>Alert", "<msgType>Ack"), /msgType must be Alert, Update or Cancel/],
    ["an Update without references", capFixture("severe-weather-alert").replace("<msgType>Alert", "<msgType>Update"), /references/],
    [
      "an open polygon",
      capFixture("severe-weather-alert").replace("51.50,-0.10 51.50,-0.14<", "51.50,-0.10 51.50,-0.13<"),
      /repeat its first/,
    ],
    ["another document", "<rss><channel/></rss>", /Expected a CAP <alert> or an Atom <feed>/],
  ])("refuses %s with a clear error", (_, text, message) => {
    expect(() => readCapDocument(text)).toThrow(CapFormatError);
    expect(() => readCapDocument(text)).toThrow(message);
  });

  it("never fails other than with CapFormatError, whatever the text", () => {
    const alert = capFixture("severe-weather-alert");
    const mutated = fc
      .tuple(fc.nat({ max: alert.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 40 }))
      .map(([at, cut, insert]) => alert.slice(0, at) + insert + alert.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), mutated), (text) => {
        try {
          readCapDocument(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CapFormatError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
