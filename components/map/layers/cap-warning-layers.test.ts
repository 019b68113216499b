import { describe, expect, it } from "vitest";
import type { TCapWarning } from "@/lib/contracts/cap-warnings";
import { CAP_SEVERITY_COLOR, rgbOf } from "@/lib/design/tokens";
import { capWarningAreas, createCapWarningLabelLayer, createCapWarningLayer } from "./cap-warning-layers";
import { DECK_LAYER_ID } from "./deck-layer-ids";

const square: TCapWarning["polygons"][number] = [
  [0, 0],
  [0, 2],
  [2, 2],
  [2, 0],
  [0, 0],
];
const warning = (severity: TCapWarning["severity"], polygons = [square]): TCapWarning => ({
  id: "00000000-0000-4000-8000-000000000001",
  sender: "warnings@met.example.org",
  senderName: "National Weather Service",
  identifier: "MET-1",
  sent: "2026-12-03T06:00:00.000Z",
  event: "Severe wind",
  urgency: "Expected",
  severity,
  certainty: "Likely",
  headline: null,
  description: null,
  instruction: null,
  areaDesc: "City centre",
  polygons,
  onset: null,
  expires: null,
});

describe("CAP warning layers", () => {
  it("draws one area per polygon, coloured by severity, the worse the heavier the outline", () => {
    const areas = capWarningAreas([warning("Extreme", [square, square]), warning("Minor")]);
    expect(areas).toHaveLength(3);
    const layer = createCapWarningLayer(areas);
    expect(layer.id).toBe(DECK_LAYER_ID.capWarnings);
    const { getLineColor, getLineWidth } = layer.props as unknown as {
      getLineColor: (area: (typeof areas)[number]) => number[];
      getLineWidth: (area: (typeof areas)[number]) => number;
    };
    expect(getLineColor(areas[0])).toEqual([...rgbOf(CAP_SEVERITY_COLOR.Extreme), 255]);
    expect(getLineWidth(areas[0])).toBeGreaterThan(getLineWidth(areas[2]));
  });

  it("writes the severity and event at each area's centre", () => {
    const [area] = capWarningAreas([warning("Severe")]);
    const { getText, getPosition } = createCapWarningLabelLayer([area]).props as unknown as {
      getText: (a: typeof area) => string;
      getPosition: (a: typeof area) => [number, number];
    };
    expect(getText(area)).toBe("Severe · Severe wind");
    expect(getPosition(area)).toEqual([1, 1]);
  });
});
