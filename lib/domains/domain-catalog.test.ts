import { describe, expect, it } from "vitest";
import { loadDomainDefinitions } from "@/server/domains/load-domain-definitions";
import { domainCatalog } from "./domain-catalog";

describe("domain catalogue", () => {
  it("lists the built-in domains, then the declared ones, with their labels; an unknown id reads as itself", async () => {
    const catalog = domainCatalog(await loadDomainDefinitions());
    expect(catalog.entries.map((d) => [d.id, d.label])).toEqual([
      ["traffic", "Traffic"],
      ["parking", "Parking"],
      ["waste", "Waste"],
      ["energy", "Energy grid"],
      ["units", "Units"],
      ["air-quality", "Air quality"],
      ["street-lighting", "Street lighting"],
      ["water-network", "Water network"],
    ]);
    expect(catalog.label("gone-domain")).toBe("gone-domain");
    expect(domainCatalog().entries).toHaveLength(5);
  });

  it("gives the unit a rule's numbers are in, with the metric's name and range: a built-in metric's, a declared field's, shares of free flow without a metric", async () => {
    const catalog = domainCatalog(await loadDomainDefinitions());
    expect(catalog.metricUnit("water-network", "pressure")).toEqual({ unit: "bar", isShare: false, label: "Pressure", min: 0, max: 16 });
    expect(catalog.metricUnit("air-quality", "pm25")).toEqual({ unit: "µg/m³", isShare: false, label: "PM2.5", min: 0, max: 1000 });
    expect(catalog.metricUnit("parking", "occupancy")).toEqual({ unit: "% occupied", isShare: true, label: "Occupancy", min: 0, max: 1 });
    expect(catalog.metricUnit("traffic", undefined)).toMatchObject({ isShare: true });
    expect(catalog.metricUnit("water-network", "nosuchfield")).toEqual({ unit: "", isShare: false });
  });
});
