import { describe, expect, it } from "vitest";
import { asciiEscape, sanitizeText, truncateUtf8 } from "./sanitize-text";

describe("sanitizeText", () => {
  it("shows NUL as ␀ and lone surrogates as U+FFFD, keeping valid pairs", () => {
    expect(sanitizeText("a\u0000b", 100)).toBe("a\u2400b");
    expect(sanitizeText("\ud800x\udc00", 100)).toBe("\ufffdx\ufffd");
    expect(sanitizeText("😀\ud83d", 100)).toBe("😀\ufffd");
    expect(sanitizeText("plain", 100)).toBe("plain");
  });

  it("caps the length with an ellipsis, never splitting a surrogate pair", () => {
    expect(sanitizeText("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
    const cut = sanitizeText(`${"x".repeat(8)}😀tail`, 10); // the pair sits at units 8-9: the cut falls inside it
    expect(cut).toBe(`${"x".repeat(8)}…`);
    expect(sanitizeText(cut, 10)).toBe(cut); // idempotent
  });
});

describe("asciiEscape", () => {
  it("keeps printable ASCII and escapes everything else", () => {
    expect(asciiEscape("ok \u0000é😀", 100)).toBe("ok \\u0000\\u00e9\\ud83d\\ude00");
    expect(asciiEscape("y".repeat(20), 10)).toBe("yyyyyyy...");
  });
});

describe("truncateUtf8", () => {
  it("keeps short text and cuts on character boundaries", () => {
    expect(truncateUtf8("abc", 16)).toBe("abc");
    expect(truncateUtf8("aaaa€", 6)).toBe("aaaa"); // € is 3 bytes: 4 + 3 > 6
    expect(truncateUtf8("😀😀", 7)).toBe("😀");
    expect(truncateUtf8("x".repeat(20), 10)).toBe("x".repeat(10));
  });
});
