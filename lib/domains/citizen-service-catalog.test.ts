import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TCitizenService } from "@/lib/contracts/citizen-services";
import { BUILTIN_CITIZEN_SERVICES } from "./builtin-domains";
import type { TDeclaredCitizenService } from "@/lib/contracts/domain-definition";
import { loadDomainDefinitions } from "@/server/domains/load-domain-definitions";
import { citizenServiceCatalog } from "./citizen-service-catalog";

const BUILTIN_CODES = BUILTIN_CITIZEN_SERVICES.map((s) => s.code);

const declaredService = (code: string): TDeclaredCitizenService => ({
  code,
  name: `Service ${code}`,
  description: "Something to report.",
  group: "Test",
  keywords: [],
  severity: "minor",
  agency: "Test agency",
  incidentType: "other",
});

describe("citizen service catalogue", () => {
  it("is the built-in table when no domain declares services", () => {
    const catalog = citizenServiceCatalog();
    expect(catalog.services).toEqual(BUILTIN_CITIZEN_SERVICES);
    expect(catalog.find("water-leak")?.domain).toBe("energy");
    expect(catalog.find("dragon-sighting")).toBeUndefined();
  });

  it("takes the shipped definitions' water leaks and street lights to their own domains, in the built-ins' places", async () => {
    const catalog = citizenServiceCatalog(await loadDomainDefinitions());
    expect(catalog.services.map((s) => [s.code, s.domain])).toEqual([
      ["bin-overflow", "waste"],
      ["streetlight-out", "street-lighting"],
      ["pothole", "traffic"],
      ["water-leak", "water-network"],
      ["illegal-parking", "parking"],
      ["other", "traffic"],
    ]);
    expect(catalog.find("water-leak")).toMatchObject({ agency: "Water utility", severity: "major", incidentType: "hazard" });
    expect(catalog.find("streetlight-out")).toMatchObject({ agency: "Street lighting", severity: "minor", incidentType: "powerOutage" });
  });

  it("lists new declared services after the built-ins, in definition order, and refuses one code declared twice", () => {
    const catalog = citizenServiceCatalog([
      { id: "noise", citizenServices: [declaredService("loud-music"), declaredService("pothole")] },
      { id: "trees", citizenServices: [declaredService("fallen-tree")] },
    ]);
    expect(catalog.services.map((s) => s.code)).toEqual([...BUILTIN_CODES, "loud-music", "fallen-tree"]);
    expect(catalog.find("pothole")?.domain).toBe("noise");
    expect(catalog.find("fallen-tree")?.domain).toBe("trees");
    expect(() =>
      citizenServiceCatalog([
        { id: "noise", citizenServices: [declaredService("loud-music")] },
        { id: "bars", citizenServices: [declaredService("loud-music")] },
      ]),
    ).toThrow(/"loud-music" is declared by two domains/);
  });

  it("finds every code once, in the declaring domain, whatever the definitions declare", () => {
    const code = fc.oneof(fc.constantFrom(...BUILTIN_CODES), fc.stringMatching(/^[a-z][a-z0-9-]{1,39}$/));
    const definitions = fc
      .uniqueArray(code, { maxLength: 12 })
      .chain((codes) => fc.tuple(fc.constant(codes), fc.array(fc.nat({ max: 3 }), { minLength: codes.length, maxLength: codes.length })))
      .map(([codes, owners]) =>
        [0, 1, 2, 3].map((i) => ({
          id: `domain-${i}`,
          citizenServices: codes.filter((_, j) => owners[j] === i).map(declaredService),
        })),
      );
    fc.assert(
      fc.property(definitions, (declared) => {
        const catalog = citizenServiceCatalog(declared);
        const codes = catalog.services.map((s) => s.code);
        expect(new Set(codes).size).toBe(codes.length);
        // The built-ins keep their places at the head of the list, replaced or not.
        expect(codes.slice(0, BUILTIN_CODES.length)).toEqual(BUILTIN_CODES);
        const owner = new Map(declared.flatMap((d) => d.citizenServices.map((s) => [s.code, d.id] as const)));
        expect(new Set(codes)).toEqual(new Set([...BUILTIN_CODES, ...owner.keys()]));
        for (const service of catalog.services) {
          const found = catalog.find(service.code) as TCitizenService;
          expect(found).toBe(service);
          expect(found.domain).toBe(owner.get(service.code) ?? BUILTIN_CITIZEN_SERVICES.find((b) => b.code === service.code)?.domain);
        }
      }),
    );
  });
});
