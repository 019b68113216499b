import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ZDomainDefinition } from "@/lib/contracts/domain-definition";
import lights from "@/lib/domains/definitions/street-lighting.json";
import { DeclaredLegend, LayerLegend } from "./layer-legend";
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

  it("says, zoomed out, what grades a declared domain in the squares instead of its point colours", () => {
    const definition = ZDomainDefinition.parse(lights);
    const zoomedIn = renderToStaticMarkup(<DeclaredLegend definition={definition} />);
    const zoomedOut = renderToStaticMarkup(<DeclaredLegend definition={definition} isOverview />);
    expect(zoomedIn).toContain("Fault");
    expect(zoomedOut).toContain("graded by Dark street at night, Street light status.");
    expect(zoomedOut).not.toContain("Fault");
  });
});
