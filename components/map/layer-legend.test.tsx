import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LayerLegend } from "./layer-legend";
import { LAYER_META } from "./layer-meta";

describe("LayerLegend", () => {
  it("writes each built-in ramp's end words and each layer's description as before, from the domains' files", () => {
    const ends = (markup: string) => [...markup.matchAll(/<span>([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(ends(renderToStaticMarkup(<LayerLegend layer="traffic" />))).toEqual(["Free flow", "Standstill"]);
    expect(ends(renderToStaticMarkup(<LayerLegend layer="parking" />))).toEqual(["Empty", "Full"]);
    expect(ends(renderToStaticMarkup(<LayerLegend layer="waste" />))).toEqual(["Empty", "Full"]);
    expect(ends(renderToStaticMarkup(<LayerLegend layer="energy" />))).toEqual(["Idle", "≥ 100 % load"]);
    expect(LAYER_META).toEqual({
      traffic: { label: "Traffic", description: "Road speed against free flow; width shows volume" },
      parking: { label: "Parking", description: "Off-street lot occupancy; size shows capacity" },
      waste: { label: "Waste", description: "Container fill level and alarms" },
      energy: { label: "Energy grid", description: "Substation and feeder load" },
      units: { label: "Units", description: "Responder positions by service" },
    });
  });
});
