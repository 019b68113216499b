import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesNgsiQuery } from "./matches-ngsi-query";
import type { TNgsiEntityView, TNgsiScalar } from "./ngsi-entity-view";
import { NGSI_QUERY_MAX_TERMS, NgsiQueryError, parseNgsiQuery, type TNgsiQueryOperator } from "./parse-ngsi-query";

const ATTRIBUTES = ["intensity", "status", "congested", "name", "dateObserved"] as const;
const OPERATORS: TNgsiQueryOperator[] = ["==", "!=", ">", "<", ">=", "<="];

type TTerm = { attribute: string; operator: TNgsiQueryOperator | "exists"; value: TNgsiScalar };

// Values drawn from small pools so that equal values and every ordering actually occur.
const numberValue = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, -2.25, 1e21, 3e-7));
const stringValue = fc.oneof(
  fc.constantFrom("ok", "lidOpen", "Main St", "2026-11-24T13:00:00.000Z", "2026-11-24T14:00:00.000Z", "a;b", "x==y", "12"),
  fc.string({ maxLength: 8 }).filter((s) => !s.includes('"')),
);
const scalar = fc.oneof(numberValue, stringValue, fc.boolean());

const entity = fc.record({
  observed: fc.dictionary(fc.constantFrom(...ATTRIBUTES), scalar),
  fixed: fc.dictionary(fc.constantFrom("name", "vehicleType"), fc.oneof(stringValue, fc.constant({ streetAddress: "Main St" }))),
});
const term: fc.Arbitrary<TTerm> = fc.record({
  attribute: fc.constantFrom(...ATTRIBUTES, "vehicleType", "missing"),
  operator: fc.constantFrom<TNgsiQueryOperator | "exists">(...OPERATORS, "exists"),
  value: scalar,
});

/** How a partner would write the term: strings quoted, numbers and booleans bare. */
function serialize(t: TTerm): string {
  if (t.operator === "exists") return t.attribute;
  const value = typeof t.value === "string" ? `"${t.value}"` : String(t.value);
  return `${t.attribute}${t.operator}${value}`;
}

/** The reference: a plain JS reading of the same terms, written independently of the server's matcher. */
function reference(view: Pick<TNgsiEntityView, "observed" | "fixed">, terms: TTerm[]): boolean {
  return terms.every((t) => {
    const raw = t.attribute in view.observed ? view.observed[t.attribute] : view.fixed[t.attribute];
    if (raw === undefined || typeof raw === "object") return false;
    if (t.operator === "exists") return true;
    if (typeof raw !== typeof t.value) return false;
    if (t.operator === "==") return raw === t.value;
    if (t.operator === "!=") return raw !== t.value;
    if (typeof raw === "boolean") return false;
    const [a, b] = [raw, t.value] as [number | string, number | string];
    return { ">": a > b, "<": a < b, ">=": a >= b, "<=": a <= b }[t.operator];
  });
}

describe("q, the NGSI-LD query language (simple forms)", () => {
  it("agrees with a plain JS filter over random entities and queries", () => {
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 12 }), fc.array(term, { minLength: 1, maxLength: 4 }), (entities, terms) => {
        const query = parseNgsiQuery(terms.map(serialize).join(";"));
        const views = entities.map((e, i) => ({ id: `urn:ngsi-ld:T:${i}`, type: "T", observedAt: "2026-11-24T13:00:00Z", ...e }));
        const got = views.filter((v) => matchesNgsiQuery(v, query)).map((v) => v.id);
        const want = views.filter((v) => reference(v, terms)).map((v) => v.id);
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it("reads bare DateTimes as text, so they order as time", () => {
    expect(parseNgsiQuery("dateObserved>2026-11-24T13:30:00Z;intensity>=900")).toEqual([
      { attribute: "dateObserved", operator: ">", value: "2026-11-24T13:30:00Z" },
      { attribute: "intensity", operator: ">=", value: 900 },
    ]);
  });

  it.each([
    ["", "empty"],
    ["a==1;", "empty"],
    ['name=="open', "unclosed quote"],
    ["name~=Ma.*", "operator"],
    ["a==1|b==2", "only ; (AND)"],
    ["(a==1)", "only ; (AND)"],
    ["a.b==1", "attribute name"],
    ["1a==1", "attribute name"],
    ["a==", "no valid value"],
    ["a==.*+$", "no valid value"],
    ['a=="x""y"', "quote inside"],
    [`a==${"1".repeat(1001)}`, "longer than"],
    [Array.from({ length: NGSI_QUERY_MAX_TERMS + 1 }, () => "a==1").join(";"), "terms"],
  ])("refuses %j (%s)", (q, reason) => {
    expect(() => parseNgsiQuery(q)).toThrow(NgsiQueryError);
    expect(() => parseNgsiQuery(q)).toThrow(reason);
  });

  it("never throws anything but NgsiQueryError, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        try {
          parseNgsiQuery(q);
        } catch (error) {
          expect(error).toBeInstanceOf(NgsiQueryError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
