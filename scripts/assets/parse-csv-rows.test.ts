import { describe, expect, it } from "vitest";
import { parseCsvRows } from "./parse-csv-rows";
import { formatRowError } from "./row-error";

const lines = (rows: { place: { n: number } }[]) => rows.map((row) => row.place.n);

describe("parseCsvRows", () => {
  it("numbers each row by the file line it starts on, past blank lines, CRLF and quoted line breaks", () => {
    const text = 'id,name,lon,lat,capacity\r\n\r\np-1,"Lot\r\nwith a break",1,2,3\r\np-2,"Say ""hi""",1,2,3\r\n\r\n\r\np-3,Plain,1,2,3\r\n';
    const { rows, errors } = parseCsvRows(text, "parking");
    expect(errors).toEqual([]);
    expect(lines(rows)).toEqual([3, 5, 8]);
    expect(rows[0]?.fields.name).toBe("Lot\nwith a break");
    expect(rows[1]?.fields.name).toBe('Say "hi"');
  });

  it("reads a byte order mark and commas inside quotes as text", () => {
    const { rows } = parseCsvRows('\uFEFFid,name,lon,lat,capacity\np-1,"Garage, Level 2",1,2,3\n', "parking");
    expect(rows[0]?.fields).toEqual({ id: "p-1", name: "Garage, Level 2", lon: "1", lat: "2", capacity: "3" });
  });

  it("refuses a header with an unknown, a doubled or a missing column, naming each", () => {
    const { rows, errors } = parseCsvRows("id,name,latitude,lon,lon,capacity\n", "parking");
    expect(rows).toEqual([]);
    expect(errors.map(formatRowError)).toEqual([
      "line 1, field latitude: unknown column: parking takes id,name,lon,lat,capacity",
      "line 1, field lon: column appears twice",
      "line 1, field lat: missing column: parking takes id,name,lon,lat,capacity",
    ]);
  });

  it("accepts optional columns in any order", () => {
    const { rows, errors } = parseCsvRows("volumeL,lat,lon,id\n80,41.9,-85.6,bin-1\n", "bins");
    expect(errors).toEqual([]);
    expect(rows[0]?.fields).toEqual({ volumeL: "80", lat: "41.9", lon: "-85.6", id: "bin-1" });
  });

  it("reports each row with too few or too many values and keeps the others", () => {
    const { rows, errors } = parseCsvRows("id,name,lon,lat,capacity\np-1,A,1,2\np-2,B,1,2,3\np-3,C,1,2,3,4\n", "parking");
    expect(lines(rows)).toEqual([3]);
    expect(errors.map(formatRowError)).toEqual([
      "line 2: has 4 values but the header has 5 columns (id,name,lon,lat,capacity)",
      "line 4: has 6 values but the header has 5 columns (id,name,lon,lat,capacity)",
    ]);
  });

  it("turns an unclosed quote into one error with its line, not an exception", () => {
    const { errors } = parseCsvRows('id,name,lon,lat,capacity\np-1,"Open,1,2,3\np-2,B,1,2,3\n', "parking");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.place?.unit).toBe("line");
    expect(errors[0]?.message).toMatch(/quote/i);
  });

  it("says an empty file needs a header", () => {
    expect(parseCsvRows("\n\n", "parking").errors.map(formatRowError)).toEqual([
      "the file is empty: it needs a header row and one row per asset",
    ]);
  });
});
