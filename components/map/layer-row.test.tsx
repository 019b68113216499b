import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ZoneOutlinesRow } from "@/components/control-room/zone-outlines-row";
import { LayerRow } from "./layer-row";
import { LAYER_META } from "./layer-meta";

describe("LayerRow", () => {
  it("names the layer, describes it when asked, and shows its legend only while drawn", () => {
    const on = renderToStaticMarkup(<LayerRow layer="traffic" inputId="l-traffic" isVisible onToggle={() => {}} hasDescription />);
    expect(on).toMatch(/^<li /);
    expect(on).toContain(LAYER_META.traffic.label);
    expect(on).toContain('aria-describedby="l-traffic-desc"');
    expect(on).toContain(LAYER_META.traffic.description);
    expect(on).toContain('data-slot="layer-legend"');

    const off = renderToStaticMarkup(<LayerRow layer="traffic" inputId="l-traffic" isVisible={false} onToggle={() => {}} />);
    expect(off).not.toContain("aria-describedby");
    expect(off).not.toContain('data-slot="layer-legend"');
  });

  it("draws the zones' outlines row the same way, on its own and without a legend", () => {
    const html = renderToStaticMarkup(<ZoneOutlinesRow inputId="z" shown setShown={() => {}} count={12} />);
    expect(html).toMatch(/^<div /);
    expect(html).toContain('data-testid="toggle-zones"');
    expect(html).toContain('aria-describedby="z-desc"');
    expect(html).toContain("12 zones outlined");
    expect(html).not.toContain('data-slot="layer-legend"');
  });
});
