import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("CSV cells", () => {
  it("leaves plain text alone and quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("Main Street")).toBe("Main Street");
    expect(csvCell("12 Main St, Apt 4")).toBe('"12 Main St, Apt 4"');
    expect(csvCell('He said "fire"')).toBe('"He said ""fire"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell("")).toBe("");
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1 555 0100")).toBe("'+1 555 0100");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    // A leading CR is both neutralised and, being a line break, quoted.
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    // Only the first character matters.
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers, booleans and missing values as data", () => {
    expect(csvCell(-85.63)).toBe("-85.63");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("joins a row with commas and ends it with CRLF", () => {
    expect(csvRow(["INC-2026-000001", "a,b", -1.5, null, "=cmd"])).toBe(`INC-2026-000001,"a,b",-1.5,,'=cmd\r\n`);
  });
});
