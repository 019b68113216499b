import { describe, expect, it } from "vitest";
import { ruleMetric } from "@/lib/contracts/rules";
import { domainCatalog } from "@/lib/domains/domain-catalog";
import { loadDomainDefinitions } from "@/server/domains/load-domain-definitions";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
import { createRuleCatalog } from "@/server/rule-engine/rule-catalog";
import { draftOf, requestOf } from "./rule-draft";

const rule = DEFAULT_RULES[0];

describe("rule draft: flapping settings", () => {
  it("starts from the defaults and leaves a rule on them without values of its own", () => {
    const draft = draftOf(rule);
    expect([draft.flapMaxChanges, draft.flapWindowMinutes]).toEqual(["5", "10"]);
    const result = requestOf(rule, 3, draft);
    expect(result).toHaveProperty("request");
    if (!("request" in result)) return;
    expect(result.request).not.toHaveProperty("flapMaxChanges");
    expect(result.request).not.toHaveProperty("flapWindowMinutes");
  });

  it("sends what was changed, and says which field is not a number", () => {
    const changed = requestOf(rule, 3, { ...draftOf(rule), flapMaxChanges: "8", flapWindowMinutes: "30" });
    expect("request" in changed && changed.request).toMatchObject({ flapMaxChanges: 8, flapWindowMinutes: 30 });
    const broken = requestOf(rule, 3, { ...draftOf(rule), flapWindowMinutes: "" });
    expect(broken).toEqual({ fieldErrors: { flapWindowMinutes: ["Enter a number of minutes"] } });
  });
});

describe("rule draft: thresholds", () => {
  const parking = DEFAULT_RULES.find((r) => r.domain === "parking" && r.kind === "threshold")!;

  it("refuses a share outside 0–100 % in percent of the metric, by the field", () => {
    const result = requestOf(parking, 1, { ...draftOf(parking), params: { ...draftOf(parking).params, openAbove: "150" } });
    expect(result).toEqual({ fieldErrors: { openAbove: ["Occupancy: 'Opens at or above' must be between 0 and 100 % occupied"] } });
  });

  it("refuses a declared rule's threshold outside its field's range, and an inverted one, in the field's unit", async () => {
    const definitions = await loadDomainDefinitions();
    const rule = createRuleCatalog(definitions).defaults.find((r) => r.domain === "air-quality" && r.kind === "threshold")!;
    const unit = domainCatalog(definitions).metricUnit(rule.domain, ruleMetric(rule));
    const draft = draftOf(rule, unit);
    const tooHigh = requestOf(rule, 1, { ...draft, params: { ...draft.params, openAbove: "2000" } }, unit);
    expect(tooHigh).toEqual({ fieldErrors: { openAbove: ["PM2.5: 'Opens at or above' must be between 0 and 1000 µg/m³"] } });
    const inverted = requestOf(rule, 1, { ...draft, params: { openAbove: "40", clearBelow: "60" } }, unit);
    expect(inverted).toEqual({ fieldErrors: { clearBelow: ["PM2.5: 'Clears below' must be at most 'Opens at or above' (40 µg/m³)"] } });
    expect(requestOf(rule, 1, { ...draft, params: { openAbove: "60", clearBelow: "40" } }, unit)).toMatchObject({
      request: { params: { metric: "pm25", openAbove: 60, clearBelow: 40 } },
    });
  });
});
