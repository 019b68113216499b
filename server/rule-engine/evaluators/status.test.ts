import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createRuleEngine } from "../rule-engine";
import { every, feed, isoAt, kinds, rule, waste } from "@/test/fixtures/test-events";

const BURNING = rule({
  id: "waste.burning",
  domain: "waste",
  severity: "critical",
  kind: "status",
  params: { statuses: ["burning"] },
  sustainSeconds: 0,
  clearSustainSeconds: 300,
});
const LID_OPEN = rule({
  id: "waste.lid",
  domain: "waste",
  severity: "warning",
  kind: "status",
  params: { statuses: ["lidOpen"] },
  sustainSeconds: 300,
  clearSustainSeconds: 0,
});

describe("status rule", () => {
  it("opens at once on a burning bin and clears only after it stayed out for clearSustainSeconds", () => {
    const engine = createRuleEngine({ rules: [BURNING, LID_OPEN], entities: TINY_CITY });
    expect(feed(engine, [waste("bin-1", 0, { status: "burning" })])).toMatchObject([
      { kind: "open", ruleId: "waste.burning", severity: "critical", value: "burning", message: "Bin status burning" },
    ]);
    const flareUps = [
      waste("bin-1", 10, {}),
      waste("bin-1", 20, { status: "burning" }),
      ...every(30, 320, 10).map((s) => waste("bin-1", s, {})),
    ];
    expect(kinds(feed(engine, flareUps))).toEqual([]);
    expect(feed(engine, [waste("bin-1", 330, {})])).toMatchObject([{ kind: "clear", at: isoAt(330) }]);
  });

  it("waits for a lid left open, not one opened to drop a bag", () => {
    const engine = createRuleEngine({ rules: [LID_OPEN], entities: TINY_CITY });
    expect(feed(engine, [...every(0, 60, 10).map((s) => waste("bin-2", s, { status: "lidOpen" })), waste("bin-2", 70, {})])).toEqual([]);
    expect(
      feed(
        engine,
        every(100, 400, 30).map((s) => waste("bin-2", s, { status: "lidOpen" })),
      ),
    ).toMatchObject([{ kind: "open", at: isoAt(400) }]);
  });
});
