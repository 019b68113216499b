import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
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
