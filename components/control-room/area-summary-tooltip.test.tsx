import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TLayer } from "@/lib/contracts/layers";
import type { TAreaSummary } from "@/components/map/layers/area-summary-layer";
import { AreaSummaryTooltip } from "./area-summary-tooltip";

const AREA: TAreaSummary = {
  tile: "14/4321/6123",
  ring: [],
  layers: {
    // [entities, fine, elevated, high, critical]
    traffic: [1_240, 1_100, 90, 10, 3],
    waste: [40, 12, 0, 2, 0],
    parking: [1, 1, 0, 0, 0],
    energy: [6, 0, 0, 0, 0],
  },
};

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
const render = (shown: TLayer[]) => renderToStaticMarkup(<AreaSummaryTooltip area={AREA} x={40} y={40} shown={new Set(shown)} />);

describe("AreaSummaryTooltip", () => {
  it("lists each layer shown by name, how many of its sensors report and the worst state, in words", () => {
    const html = render(["traffic", "waste", "parking", "energy"]);
    const words = text(html);
    expect(words).toContain("Traffic1,203 of 1,240 sensors reporting · 3 critical");
    expect(words).toContain("Waste14 of 40 sensors reporting · 2 high");
    expect(words).toContain("Parking1 of 1 sensor reporting · all fine");
    expect(words).toContain("Energy grid0 of 6 sensors reporting · no readings yet");
    expect(words).toContain("Zoom in to see each sensor.");
    // The separator is decoration: a screen reader reads the two phrases.
    expect(html).toContain('<span aria-hidden="true">· </span>');
    // Values under their labels, so a 280 px card does not squeeze them beside the names.
    expect(html).toContain('data-layout="stacked"');
    expect(html).not.toContain("14/4321/6123");
  });

  it("leaves out layers switched off, and says so when none with sensors is on", () => {
    expect(text(render(["waste"]))).not.toContain("Traffic");
    expect(text(render(["units"]))).toContain("No layer with sensors here is switched on.");
  });
});
