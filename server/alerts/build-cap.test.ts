import { describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import { xmlProblem } from "@/test/xml-well-formed";
import { domainCatalog } from "@/lib/domains/domain-catalog";
import { loadDomainDefinitions } from "@/server/domains/load-domain-definitions";
import { buildCap, capTime, escapeXml } from "./build-cap";

const ALERT: TAlert = {
  id: "0b8f0a52-8f5e-4f59-9d53-0d6f3f1f2a11",
  dedupKey: "waste.bin-burning:bin-1:2026-11-24T13:00:00.000Z",
  ruleId: "waste.bin-burning",
  ruleName: `Bin "on" <fire> & smoke`,
  domain: "waste",
  entityId: "bin-1",
  severity: "critical",
  status: "open",
  escalated: false,
  message: `Status <burning> & "hot" > 60 °C`,
  value: "burning",
  worstValue: "burning",
  count: 3,
  firstSeenAt: "2026-11-24T13:00:00.123Z",
  lastSeenAt: "2026-11-24T13:02:00.000Z",
  conditionClearedAt: null,
  location: [-85.637, 41.9401],
  zone: "Central",
  acknowledgedBy: null,
  acknowledgedAt: null,
  assignedTo: null,
  incidentId: null,
  correlationGroup: null,
  resolvedAt: null,
  resolution: null,
  notes: [],
  silenced: null,
  flapping: false,
  flap: null,
  version: 0,
};

describe("CAP 1.2", () => {
  it("escapes the five XML specials and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("bell\u0007tab\t")).toBe("belltab\t");
  });

  it("writes times without fractions and UTC as -00:00", () => {
    expect(capTime("2026-11-24T13:00:00.123Z")).toBe("2026-11-24T13:00:00-00:00");
  });

  it("builds a well-formed message with the required elements and escaped text", () => {
    const catalog = domainCatalog();
    const xml = buildCap(ALERT, {
      sender: "citynerve@ops.example.org",
      sentAt: new Date("2026-11-24T13:05:00Z"),
      category: catalog.capCategory(ALERT.domain, ALERT.ruleId),
      domainLabel: catalog.label(ALERT.domain),
    });
    expect(xmlProblem(xml)).toBeNull();
    expect(xml).toContain(`<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">`);
    for (const element of [
      "<identifier>citynerve-alert-0b8f0a52-8f5e-4f59-9d53-0d6f3f1f2a11</identifier>",
      "<sender>citynerve@ops.example.org</sender>",
      "<sent>2026-11-24T13:05:00-00:00</sent>",
      "<status>Actual</status>",
      "<msgType>Alert</msgType>",
      "<scope>Public</scope>",
      "<category>Fire</category>",
      "<urgency>Immediate</urgency>",
      "<severity>Extreme</severity>",
      "<certainty>Observed</certainty>",
      "<circle>41.940100,-85.637000 0.3</circle>",
      "<description>Status &lt;burning&gt; &amp; &quot;hot&quot; &gt; 60 °C</description>",
      "<event>Bin &quot;on&quot; &lt;fire&gt; &amp; smoke</event>",
      "<areaDesc>Central: Waste bin-1</areaDesc>",
    ]) {
      expect(xml).toContain(element);
    }
  });

  it("takes each alert's category from its domain's definition, or its rule's own; built-in domains likewise", async () => {
    const catalog = domainCatalog(await loadDomainDefinitions());
    const categoryOf = (domain: string, ruleId: string) => {
      const xml = buildCap(
        { ...ALERT, domain, ruleId },
        { sender: "s", sentAt: new Date(), category: catalog.capCategory(domain, ruleId), domainLabel: catalog.label(domain) },
      );
      return /<category>(\w+)<\/category>/.exec(xml)?.[1];
    };
    expect(categoryOf("air-quality", "air-quality.pm25-high")).toBe("Env");
    expect(categoryOf("water-network", "water-network.pressure-drop")).toBe("Infra");
    // The dark street rule names its own category; the domain's other rules keep the domain's.
    expect(categoryOf("street-lighting", "street-lighting.dark-street")).toBe("Safety");
    expect(categoryOf("street-lighting", "street-lighting.light-silent")).toBe("Infra");
    expect(categoryOf("waste", "waste.bin-full")).toBe("Env");
    expect(categoryOf("waste", "waste.bin-burning")).toBe("Fire");
    expect(categoryOf("traffic", "traffic.slow-segment")).toBe("Transport");
    // A domain no definition declares any more (its alerts stay in the database).
    expect(categoryOf("gone-domain", "gone-domain.rule")).toBe("Other");
    expect(catalog.label("water-network")).toBe("Water network");
    expect(catalog.entries.map((d) => d.id)).toEqual([
      "traffic",
      "parking",
      "waste",
      "energy",
      "units",
      "air-quality",
      "street-lighting",
      "water-network",
    ]);
  });

  it("the checker itself rejects what is not well-formed", () => {
    expect(xmlProblem("<a><b></a></b>")).not.toBeNull();
    expect(xmlProblem("<a>x & y</a>")).not.toBeNull();
    expect(xmlProblem("<a>x < y</a>")).not.toBeNull();
    expect(xmlProblem("<a/><b/>")).not.toBeNull();
    expect(xmlProblem(`<?xml version="1.0"?>\n<a x="1"><b/>t &amp; u</a>\n`)).toBeNull();
  });
});
