import { describe, expect, it } from "vitest";
import { ZOpen311ServiceRequest } from "@/lib/contracts/open311";
import { citizenServiceCatalog } from "@/lib/domains/citizen-service-catalog";
import { nearestStreetName } from "@/server/city/nearest-street";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { toServiceRequest, type TReportSource } from "./to-service-request";

const SERVICES = citizenServiceCatalog();
const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 9, minute));

function report(alert: Partial<TReportSource["alert"]> = {}, incidentClosingReason: string | null = null): TReportSource {
  return {
    id: "7d0f3f52-61c4-4d4e-a1ad-0c1f0c9e1a11",
    serviceCode: "pothole",
    description: "Deep one",
    address: "Main St",
    lon: -85.637,
    lat: 41.9401,
    mediaUrl: null,
    createdAt: at(0),
    alert: { status: "open", resolution: null, acknowledgedAt: null, resolvedAt: null, incident: null, ...alert },
    incidentClosingReason,
  };
}

describe("a report's public status", () => {
  it("follows the alert and the incident, with a default note while open", () => {
    const cases: [TReportSource, string, string][] = [
      [report(), "open", "Received; it is on the operators' map."],
      [report({ status: "acknowledged", acknowledgedAt: at(1) }), "open", "An operator is looking at it."],
      [report({ status: "acknowledged", incident: { status: "new", updatedAt: at(2) } }), "open", "The city is working on it."],
      [
        report({ status: "acknowledged", incident: { status: "onScene", updatedAt: at(3) } }),
        "open",
        "A crew is on its way or already there.",
      ],
      [report({ status: "acknowledged", incident: { status: "resolved", updatedAt: at(4) } }, "Filled"), "closed", "Filled"],
      [
        report({ status: "acknowledged", incident: { status: "closed", updatedAt: at(4) } }),
        "closed",
        "The city has dealt with this problem. Thank you for reporting it.",
      ],
      [
        report({ status: "resolved", resolvedAt: at(5), resolution: "Duplicate of 0b6c8f0e-1111-4222-8333-444455556666" }),
        "closed",
        "Duplicate of",
      ],
    ];
    for (const [source, status, note] of cases) {
      const answer = ZOpen311ServiceRequest.parse(toServiceRequest(source, SERVICES));
      expect([answer.status, answer.status_notes]).toEqual([status, note]);
    }
  });

  it("dates the last change and names the service and agency", () => {
    const answer = toServiceRequest(report({ status: "resolved", acknowledgedAt: at(1), resolvedAt: at(7), resolution: "Done" }), SERVICES);
    expect(answer).toMatchObject({
      requested_datetime: at(0).toISOString(),
      updated_datetime: at(7).toISOString(),
      service_name: "Pothole",
      agency_responsible: "Streets and roads",
    });
  });
});

describe("the nearest street", () => {
  it("is the named segment closest to the point, and none far from every street", () => {
    expect(nearestStreetName(TINY_CITY, [-85.6375, 41.9402])).toBe("Main St");
    expect(nearestStreetName(TINY_CITY, [-85.6351, 41.938])).toBe("Side St");
    expect(nearestStreetName(TINY_CITY, [-85.6, 41.9])).toBeNull();
  });
});
