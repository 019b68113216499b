import { describe, expect, it } from "vitest";
import { createFrameBudget } from "./frame-budget";

describe("createFrameBudget", () => {
  const budget = () => createFrameBudget({ minIntervalMs: 250, maxIntervalMs: 4000, share: 0.25 });

  it("redraws at the minimum interval while frames are cheap", () => {
    const b = budget();
    expect(b.intervalMs()).toBe(250);
    for (let i = 0; i < 10; i++) b.record(8);
    expect(b.intervalMs()).toBe(250);
  });

  it("spaces redraws so slow frames take about the share of the time, up to the maximum", () => {
    const b = budget();
    for (let i = 0; i < 20; i++) b.record(300);
    expect(b.intervalMs()).toBeCloseTo(1200, 0);
    for (let i = 0; i < 20; i++) b.record(5000);
    expect(b.intervalMs()).toBe(4000);
  });

  it("comes back to the minimum within a few cheap frames once the load is gone", () => {
    const b = budget();
    for (let i = 0; i < 20; i++) b.record(400);
    for (let i = 0; i < 8; i++) b.record(10);
    expect(b.intervalMs()).toBe(250);
  });
});
