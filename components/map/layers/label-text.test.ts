import { describe, expect, it } from "vitest";
import type { TIncident } from "@/lib/contracts/incidents";
import { createIncidentLabelLayer } from "./incident-layers";
import { LABEL_CHARACTER_SET } from "./label-text";

describe("map label glyphs", () => {
  it("has every character an incident label uses in the layer's font atlas", () => {
    const incident = { id: "i", number: "INC-2026-000042", priority: "P1", location: [0, 0] } as TIncident;
    const layer = createIncidentLabelLayer([incident], { zoom: 16 } as never);
    const text = (layer.props.getText as (d: TIncident) => string)(incident);
    const atlas = new Set(layer.props.characterSet as string[]);
    expect([...text].filter((char) => !atlas.has(char))).toEqual([]);
    expect(LABEL_CHARACTER_SET).toContain("·");
  });
});
