import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, ButtonLink } from "./button";
import { Chip } from "./chip";
import { LongText } from "./long-text";
import { Select, selectClassName } from "./input";
import { QueryState } from "./query-state";
import { Tab, TabList } from "./tabs";

describe("primitives", () => {
  it("renders a plain button that never submits by accident, with a slot parents can size", () => {
    const html = renderToStaticMarkup(<Button variant="primary">Save</Button>);
    expect(html).toMatch(/^<button type="button" data-slot="button" class="[^"]+">Save<\/button>$/);
    expect(renderToStaticMarkup(<Button type="submit">Go</Button>)).toContain('type="submit"');
    expect(renderToStaticMarkup(<ButtonLink href="/x">Export</ButtonLink>)).toMatch(
      /^<a data-slot="button" class="[^"]+" href="\/x">Export<\/a>$/,
    );
  });

  it("gives a chip its colour through --chip-color and keeps the caller's attributes", () => {
    const html = renderToStaticMarkup(
      <Chip appearance="label" color="var(--sev-critical)" mark="diamond" data-severity="critical">
        Critical
      </Chip>,
    );
    expect(html).toContain('style="--chip-color:var(--sev-critical)"');
    expect(html).toContain('data-severity="critical"');
    expect(html).toContain('aria-hidden="true"');
  });

  it("announces loading politely and errors assertively, with what to do", () => {
    expect(renderToStaticMarkup(<QueryState state="loading">Loading…</QueryState>)).toContain('role="status"');
    const error = renderToStaticMarkup(<QueryState state="error" title="Could not load" detail="Try again in a moment." />);
    expect(error).toContain('role="alert"');
    expect(error).toContain("Try again in a moment.");
    expect(renderToStaticMarkup(<QueryState state="empty" title="Nothing yet" />)).not.toContain("role=");
  });

  it("marks tabs for assistive technology", () => {
    const html = renderToStaticMarkup(
      <TabList appearance="underline" aria-label="Views">
        <Tab selected>One</Tab>
        <Tab selected={false}>Two</Tab>
      </TabList>,
    );
    expect(html).toContain('role="tablist"');
    expect(html.match(/role="tab"/g)).toHaveLength(2);
    expect(html).toContain('aria-selected="true"');
    expect(html).toContain('aria-selected="false"');
  });

  it("folds a long note behind 'Show all', keeps short ones whole, and never renders text as HTML", () => {
    expect(renderToStaticMarkup(<LongText text="Gate code 1234" />)).not.toContain("<button");
    const long = renderToStaticMarkup(<LongText text={`<b>not bold</b> ${"word ".repeat(100)}`} />);
    expect(long).toContain('aria-expanded="false"');
    expect(long).toContain("Show all");
    expect(long).toContain("&lt;b&gt;not bold&lt;/b&gt;");
  });

  it("draws a responsive select as the compact one plus its phone rule, and lends the look to other elements", () => {
    const classes = (html: string) => html.match(/class="([^"]+)"/)?.[1].split(" ") ?? [];
    const small = classes(renderToStaticMarkup(<Select controlSize="sm" />));
    const responsive = classes(renderToStaticMarkup(<Select controlSize="responsive" />));
    expect(responsive).toEqual(expect.arrayContaining(small));
    expect(responsive).toHaveLength(small.length + 1);
    expect(selectClassName("md", "extra").split(" ")).toEqual([...classes(renderToStaticMarkup(<Select />)), "extra"]);
  });
});
