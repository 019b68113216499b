import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./csrf";

const TRUSTED = ["http://localhost:3000", "http://127.0.0.1:3000"];
const request = (method: string, headers: Record<string, string> = {}) => new Request("http://localhost:3000/api/x", { method, headers });

describe("isCrossSiteRequest", () => {
  it("lets reads through and checks every state-changing method", () => {
    expect(isCrossSiteRequest(request("GET", { origin: "https://evil.example" }), TRUSTED)).toBe(false);
    for (const method of ["POST", "PATCH", "PUT", "DELETE"]) {
      expect(isCrossSiteRequest(request(method, { origin: "https://evil.example" }), TRUSTED)).toBe(true);
      expect(isCrossSiteRequest(request(method, { origin: "http://127.0.0.1:3000" }), TRUSTED)).toBe(false);
    }
  });

  it("falls back to Fetch Metadata without an Origin, and fails closed without either", () => {
    expect(isCrossSiteRequest(request("POST", { "sec-fetch-site": "same-origin" }), TRUSTED)).toBe(false);
    expect(isCrossSiteRequest(request("POST", { "sec-fetch-site": "cross-site" }), TRUSTED)).toBe(true);
    expect(isCrossSiteRequest(request("POST", { "sec-fetch-site": "same-site" }), TRUSTED)).toBe(true);
    expect(isCrossSiteRequest(request("POST"), TRUSTED)).toBe(true);
    expect(isCrossSiteRequest(request("POST", { origin: "null" }), TRUSTED)).toBe(true);
  });
});
