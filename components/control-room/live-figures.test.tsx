import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LiveFigures } from "./live-figures";

const figure = (html: string) => /<(a|div)[^>]*data-testid="figure-dead-lettered"[^>]*>/.exec(html)?.[0] ?? "";

describe("the top bar's dead-letter figure", () => {
  it("opens the dead letters for roles that may see them, and is plain text for the others", () => {
    const linked = renderToStaticMarkup(<LiveFigures stats={null} now={null} isStale={false} deadLettersHref="/dead-letters" />);
    expect(figure(linked)).toMatch(/^<a [^>]*href="\/dead-letters"/);
    expect(figure(linked)).toContain("Open the dead letters");

    const plain = renderToStaticMarkup(<LiveFigures stats={null} now={null} isStale={false} />);
    expect(figure(plain)).toMatch(/^<div /);
    expect(plain).not.toContain("/dead-letters");
  });
});
