import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataSection } from "./data-section";

type TQuery = Parameters<typeof DataSection<string[]>>[0]["query"];

const query = (state: Partial<TQuery>): TQuery => ({
  isPending: false,
  isError: false,
  error: null,
  data: undefined,
  refetch: () => {},
  ...state,
});

function render(state: Partial<TQuery>, options: { keepsRowsOnError?: boolean } = {}): string {
  return renderToStaticMarkup(
    <DataSection
      query={query(state)}
      size="page"
      loading="Loading rows…"
      failed="The rows could not be loaded"
      isEmpty={(rows) => rows.length === 0}
      empty={{ title: "No rows yet", detail: "Add one with the form.", testId: "rows-empty" }}
      keepsRowsOnError={options.keepsRowsOnError}
    >
      {(rows) => (
        <ul>
          {rows.map((row) => (
            <li key={row}>{row}</li>
          ))}
        </ul>
      )}
    </DataSection>,
  );
}

describe("DataSection", () => {
  it("says it is loading until the first answer", () => {
    const html = render({ isPending: true });
    expect(html).toContain('role="status"');
    expect(html).toContain("Loading rows…");
    expect(html).not.toContain("<ul>");
  });

  it("says what failed, why, and offers to try again", () => {
    const html = render({ isError: true, error: new Error("Network down") });
    expect(html).toContain('role="alert"');
    expect(html).toContain("The rows could not be loaded");
    expect(html).toContain("Network down");
    expect(html).toContain("Try again");
  });

  it("says there is nothing yet and what to do", () => {
    const html = render({ data: [] });
    expect(html).toContain('data-testid="rows-empty"');
    expect(html).toContain("Add one with the form.");
  });

  it("shows the content once there is some", () => {
    expect(render({ data: ["Main St"] })).toBe("<ul><li>Main St</li></ul>");
  });

  it("replaces stale rows by the error, unless the list keeps its rows and says the error itself", () => {
    const failedRefetch = { data: ["Main St"], isError: true, error: new Error("Server error") };
    expect(render(failedRefetch)).toContain("The rows could not be loaded");
    expect(render(failedRefetch, { keepsRowsOnError: true })).toBe("<ul><li>Main St</li></ul>");
    expect(render({ data: [], isError: true, error: new Error("Server error") }, { keepsRowsOnError: true })).toContain(
      "The rows could not be loaded",
    );
  });
});
