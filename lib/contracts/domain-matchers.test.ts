import { describe, expect, it } from "vitest";
import { ZAlertHistoryQuery, ZPlaybackQuery, ZPointsQuery } from "./history";
import { ZPolicyMatchers } from "./on-call";
import { ZSilenceMatchers } from "./silences";

/** Every contract that names domains takes the declared ones as it takes the built-in five. */
describe("domain names in filters and matchers", () => {
  it("accepts a declared domain's id wherever a built-in domain is accepted, and refuses what cannot be an id", () => {
    expect(ZSilenceMatchers.parse({ domain: "water-network" })).toEqual({ domain: "water-network" });
    expect(ZPolicyMatchers.parse({ domain: "air-quality" })).toEqual({ domain: "air-quality" });
    expect(ZAlertHistoryQuery.parse({ domain: "waste,street-lighting" }).domain).toEqual(["waste", "street-lighting"]);
    expect(ZPointsQuery.parse({ kind: "alerts", domain: "water-network" }).domain).toEqual(["water-network"]);
    expect(ZPlaybackQuery.parse({ at: "2026-12-03T10:00:00Z", layers: "traffic,air-quality" }).layers).toEqual(["traffic", "air-quality"]);
    expect(ZSilenceMatchers.safeParse({ domain: "Water Network" }).success).toBe(false);
    expect(ZPolicyMatchers.safeParse({ domain: "x" }).success).toBe(false);
  });
});
