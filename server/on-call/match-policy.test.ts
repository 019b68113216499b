import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TPolicyMatchers } from "@/lib/contracts/on-call";
import { matchPolicy } from "./match-policy";

const policy = (id: string, matchers: TPolicyMatchers, createdAt = "2026-12-01T00:00:00Z") => ({
  id,
  matchers,
  createdAt: new Date(createdAt),
});
const alert = { severity: "critical", domain: "waste", zone: "B2" };

describe("which policy an alert follows (matchPolicy)", () => {
  it("takes the most specific policy whose every field matches", () => {
    const policies = [
      policy("all", {}),
      policy("critical", { severity: "critical" }),
      policy("waste-critical", { severity: "critical", domain: "waste" }),
      policy("b2-waste-critical", { severity: "critical", domain: "waste", zone: "B2" }),
      policy("b3-waste-critical", { severity: "critical", domain: "waste", zone: "B3" }),
    ];
    expect(matchPolicy(policies, alert)?.id).toBe("b2-waste-critical");
    expect(matchPolicy(policies, { ...alert, zone: "C1" })?.id).toBe("waste-critical");
    expect(matchPolicy(policies, { ...alert, domain: "traffic", zone: "C1" })?.id).toBe("critical");
    expect(matchPolicy(policies, { severity: "minor", domain: "traffic", zone: "C1" })?.id).toBe("all");
    expect(matchPolicy(policies.slice(1), { severity: "minor", domain: "traffic", zone: "C1" })).toBeNull();
  });

  it("prefers the older of equally specific policies, whatever their order", () => {
    const older = policy("zone", { zone: "B2" }, "2026-11-01T00:00:00Z");
    const newer = policy("domain", { domain: "waste" }, "2026-12-01T00:00:00Z");
    expect(matchPolicy([newer, older], alert)?.id).toBe("zone");
    expect(matchPolicy([older, newer], alert)?.id).toBe("zone");
  });

  const matchersArb = fc.record(
    {
      severity: fc.constantFrom("critical", "major", "minor", "warning" as const),
      domain: fc.constantFrom("waste", "traffic", "parking" as const),
      zone: fc.constantFrom("A1", "B2"),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<TPolicyMatchers>;

  it("never picks a policy that names a field the alert does not have, and none more specific is skipped", () => {
    fc.assert(
      fc.property(
        fc.array(matchersArb, { maxLength: 12 }),
        fc.record({
          severity: fc.constantFrom("critical", "minor"),
          domain: fc.constantFrom("waste", "parking"),
          zone: fc.constantFrom("A1", "B2"),
        }),
        (all, target) => {
          const policies = all.map((m, i) => policy(`p${i}`, m, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()));
          const matches = (m: TPolicyMatchers) => Object.entries(m).every(([k, v]) => target[k as keyof typeof target] === v);
          const chosen = matchPolicy(policies, target);
          const candidates = policies.filter((p) => matches(p.matchers));
          if (candidates.length === 0) {
            expect(chosen).toBeNull();
            return;
          }
          expect(chosen !== null && matches(chosen.matchers)).toBe(true);
          const size = (m: TPolicyMatchers) => Object.keys(m).length;
          expect(size(chosen!.matchers)).toBe(Math.max(...candidates.map((p) => size(p.matchers))));
        },
      ),
    );
  });
});
