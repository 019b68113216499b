import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeadLetterPayload } from "./dead-letter-payload";

const render = (payload: Parameters<typeof DeadLetterPayload>[0]["payload"]) =>
  renderToStaticMarkup(<DeadLetterPayload payload={payload} />);

describe("DeadLetterPayload", () => {
  it("shows a hostile payload as text, never as markup", () => {
    const html = render({ text: '<img src=x onerror="alert(1)"><script>alert(2)</script>', hex: null, size: 55, isTruncated: false });
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('data-format="text"');
  });

  it("whatever the text, renders no element the payload named", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const html = render({ text: `<b>${text}`, hex: null, size: null, isTruncated: false });
        expect(html).not.toContain("<b>");
      }),
    );
  });

  it("shows bytes that are not UTF-8 as grouped hex, says so, and says when only the start was kept", () => {
    const html = render({ text: null, hex: "7bfffe007d0102030405", size: 70_000, isTruncated: true });
    expect(html).toContain('data-format="hex"');
    expect(html).toContain("7bfffe00 7d010203 0405");
    expect(html).toContain("Not UTF-8 text: shown as hex");
    expect(html).toContain("68.4 KB");
    expect(html).toContain("only the start was kept");
  });

  it("folds a long payload behind Show all", () => {
    expect(render({ text: "x".repeat(2000), hex: null, size: 2000, isTruncated: false })).toContain("Show all");
    expect(render({ text: null, hex: null, size: null, isTruncated: false })).toContain("No payload");
  });
});
