import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/components/api/request-json";
import { ZUnitActionRequest } from "@/lib/contracts/units";
import { newUnitAction, shouldRetryUnitAction } from "./unit-action-mutation";

describe("a crew tap as a queued request", () => {
  it("gets a fresh idempotency key and the tap time, valid for the API", () => {
    const first = newUnitAction("E-1", "note", "Road blocked");
    const second = newUnitAction("E-1", "note", "Road blocked");
    expect(ZUnitActionRequest.parse(first.request)).toEqual(first.request);
    expect(first.request.idempotencyKey).not.toBe(second.request.idempotencyKey);
    expect(first).toMatchObject({ unitId: "E-1", request: { action: "note", text: "Road blocked" } });
    expect(Math.abs(Date.parse(first.request.at!) - Date.now())).toBeLessThan(60_000);
  });

  it("is sent again after a lost connection or a server error, never after a refusal", () => {
    expect(shouldRetryUnitAction(1, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetryUnitAction(1, new ApiRequestError(503, "Service Unavailable"))).toBe(true);
    expect(shouldRetryUnitAction(1, new ApiRequestError(409, "E-1 is Available and cannot go en route"))).toBe(false);
    expect(shouldRetryUnitAction(1, new ApiRequestError(403, "You can only report for the unit you crew"))).toBe(false);
    expect(shouldRetryUnitAction(1, new Error("unreadable answer"))).toBe(false);
  });

  it("gives up on a lost connection eventually", () => {
    expect(shouldRetryUnitAction(1_000, new TypeError("Failed to fetch"))).toBe(false);
  });
});
