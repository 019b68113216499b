import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createRuleEngine } from "../rule-engine";
import { every, feed, isoAt, kinds, rule, waste } from "@/test/fixtures/test-events";

const SPIKE = rule({
  id: "waste.spike",
  domain: "waste",
  kind: "spike",
  params: { metric: "temperature", rise: 25, withinSeconds: 300, clearRise: 10 },
  sustainSeconds: 0,
  clearSustainSeconds: 120,
});
const temperatures = (seconds: number[], temperature: number) => seconds.map((s) => waste("bin-1", s, { temperature }));

describe("spike rule", () => {
  it("opens on a jump within the window and stays open while the value stays up", () => {
    const engine = createRuleEngine({ rules: [SPIKE], entities: TINY_CITY });
    expect(feed(engine, temperatures(every(0, 60, 10), 10))).toEqual([]);
    expect(feed(engine, temperatures([70], 80))).toMatchObject([
      { kind: "open", value: 80, worstValue: 80, message: "Temperature 80.0 °C, up 70.0 °C from 10.0 °C 10 s earlier" },
    ]);
    // Long after the jump left the window, the bin is still hot: no clear.
    const hot = feed(
      engine,
      every(80, 1200, 10).map((s, i) => waste("bin-1", s, { temperature: i % 2 ? 150 : 200 })),
    );
    expect(kinds(hot).filter((k) => k !== "update")).toEqual([]);
    expect(hot.at(-1)).toMatchObject({ worstValue: 200 });
  });

  it("clears once back within clearRise of the starting value for clearSustainSeconds", () => {
    const engine = createRuleEngine({ rules: [SPIKE], entities: TINY_CITY });
    feed(engine, [...temperatures(every(0, 60, 10), 10), ...temperatures(every(70, 300, 10), 120)]);
    expect(feed(engine, temperatures(every(310, 420, 10), 25))).toEqual([]); // 15 °C above the start: still cooling
    expect(feed(engine, temperatures(every(430, 540, 10), 18))).toEqual([]);
    expect(feed(engine, temperatures([550], 18))).toMatchObject([{ kind: "clear", at: isoAt(550) }]);
  });

  it("ignores a slow rise of the same size", () => {
    const engine = createRuleEngine({ rules: [SPIKE], entities: TINY_CITY });
    expect(
      feed(
        engine,
        every(0, 3600, 30).map((s) => waste("bin-1", s, { temperature: 5 + s / 100 })),
      ),
    ).toEqual([]);
  });
});
