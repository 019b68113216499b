import { describe, expect, it } from "vitest";
import { ZRuleDefinition } from "@/lib/contracts/rules";

// The schema lives in lib/contracts/rules.ts; its test sits with the engine that relies on it.
const valid = {
  id: "traffic.slow",
  domain: "traffic",
  name: "Slow traffic",
  description: "",
  severity: "minor",
  kind: "threshold",
  params: { metric: "speedShare", openBelow: 0.4, clearAbove: 0.55 },
  sustainSeconds: 120,
  clearSustainSeconds: 120,
  enabled: true,
};
const issues = (input: unknown) => {
  const result = ZRuleDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("ZRuleDefinition", () => {
  it("accepts a well-formed rule", () => {
    expect(issues(valid)).toEqual([]);
  });

  it("rejects a clear threshold on the wrong side of the open one", () => {
    expect(issues({ ...valid, params: { metric: "speedShare", openBelow: 0.4, clearAbove: 0.3 } })).toEqual(["params.clearAbove"]);
  });

  it("rejects params that mix both directions", () => {
    expect(issues({ ...valid, params: { metric: "speedShare", openBelow: 0.4, clearAbove: 0.55, openAbove: 0.9 } })).not.toEqual([]);
  });

  it("rejects a metric of another domain", () => {
    expect(issues({ ...valid, params: { metric: "loadShare", openAbove: 0.9, clearBelow: 0.8 } })).toEqual(["params.metric"]);
  });

  it("rejects params of another kind", () => {
    expect(issues({ ...valid, kind: "stale" })).toContain("params.staleSeconds");
  });

  it("keeps status rules to bins, jam spread to traffic and asset kinds to energy", () => {
    expect(issues({ ...valid, domain: "parking", kind: "status", params: { statuses: ["burning"] } })).toEqual(["kind"]);
    expect(
      issues({ ...valid, domain: "waste", kind: "jamSpread", params: { minSegments: 3, congestedBelow: 0.5, clearAbove: 0.6 } }),
    ).toEqual(["kind"]);
    expect(issues({ ...valid, assetKind: "feeder" })).toEqual(["assetKind"]);
  });

  it("rejects an outOfBand rule whose clear band is empty and a status rule on ok", () => {
    expect(
      issues({ ...valid, domain: "energy", kind: "outOfBand", params: { metric: "frequency", min: 59.9, max: 60.1, clearMargin: 0.1 } }),
    ).toEqual(["params.clearMargin"]);
    expect(issues({ ...valid, domain: "waste", kind: "status", params: { statuses: ["ok"] } })).toEqual(["params.statuses.0"]);
  });
});
