import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MapTooltip, MapTooltipRows } from "./map-tooltip";

const rows = [
  { label: "Fill level", value: "92 %", tone: "alert" as const },
  { label: "Street", value: "Main St" },
];

describe("MapTooltip", () => {
  it("hovering: a tooltip beside the point, no close button, no name of its own", () => {
    const html = renderToStaticMarkup(
      <MapTooltip x={100.4} y={50.6} kind="Bin" title="Main St bin" data-testid="tip">
        <MapTooltipRows rows={rows} />
      </MapTooltip>,
    );
    expect(html).toContain('role="tooltip"');
    expect(html).toContain('data-pinned="false"');
    expect(html).toContain("--tooltip-x:100px;--tooltip-y:51px");
    expect(html).not.toContain("aria-label");
    expect(html).toMatch(/<dt>Fill level<\/dt><dd class="[^"]+">92 %<\/dd>/);
    expect(html).toContain("<dd>Main St</dd>");
  });

  it("pinned: a dialog named for what it shows, with a close button", () => {
    const html = renderToStaticMarkup(
      <MapTooltip x={10} y={10} kind="Bin" title="Main St bin" pinned={{ label: "Main St bin details", onClose: () => {} }}>
        <MapTooltipRows rows={rows} />
      </MapTooltip>,
    );
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-label="Main St bin details"');
    expect(html).toContain('data-pinned="true"');
    expect(html).toContain('aria-label="Close details"');
  });

  it("opens to the other side near the map's right and bottom edges only", () => {
    const classOf = (x: number, y: number) =>
      /class="([^"]+)"/.exec(renderToStaticMarkup(<MapTooltip x={x} y={y} bounds={{ width: 1000, height: 800 }} kind="Area" />))![1];
    const plain = classOf(100, 100).split(" ").length;
    expect(classOf(900, 100).split(" ")).toHaveLength(plain + 1);
    expect(classOf(900, 700).split(" ")).toHaveLength(plain + 2);
  });

  it("draws no empty list", () => {
    expect(renderToStaticMarkup(<MapTooltipRows rows={[]} />)).toBe("");
  });
});
