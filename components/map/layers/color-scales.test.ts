import { describe, expect, it } from "vitest";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import type { TTrafficFlowObserved } from "@/lib/contracts/events";
import { CONGESTION_RAMP, NO_DATA_RGBA, rampColor } from "./color-scales";
import { trafficColor, trafficWidthPx } from "./traffic-layer";

const segment = { id: "s1", freeFlowKmh: 50, capacityVph: 1000 } as TRoadSegment;
const flow = (speed: number, intensity = 500) =>
  ({ type: "TrafficFlowObserved", averageVehicleSpeed: speed, intensity }) as TTrafficFlowObserved;

describe("colour ramps", () => {
  it("clamps to the end stops and interpolates between them", () => {
    expect(rampColor(CONGESTION_RAMP, -1)).toEqual([...CONGESTION_RAMP[0]![1], 255]);
    expect(rampColor(CONGESTION_RAMP, 2)).toEqual([...CONGESTION_RAMP.at(-1)![1], 255]);
    const mid = rampColor(CONGESTION_RAMP, 0.5);
    expect(mid).not.toEqual(rampColor(CONGESTION_RAMP, 0.4));
    expect(mid).not.toEqual(rampColor(CONGESTION_RAMP, 0.6));
  });

  it("colours traffic green at free flow, red at a crawl and grey without data", () => {
    const [r1, g1] = trafficColor(segment, flow(50));
    const [r2, g2] = trafficColor(segment, flow(3));
    expect(g1).toBeGreaterThan(r1);
    expect(r2).toBeGreaterThan(g2);
    expect(trafficColor(segment, undefined)).toBe(NO_DATA_RGBA);
  });

  it("widens busier segments", () => {
    expect(trafficWidthPx(segment, flow(30, 900))).toBeGreaterThan(trafficWidthPx(segment, flow(30, 100)));
  });
});
