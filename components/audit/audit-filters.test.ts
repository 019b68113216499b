import { describe, expect, it } from "vitest";
import { auditApiUrl, auditFiltersToSearch, isoToLocalInput, localInputToIso, parseAuditFilters } from "./audit-filters";

describe("audit filters in the URL", () => {
  it("round-trips through the query string", () => {
    const filters = parseAuditFilters(
      new URLSearchParams("actor=admin%40citynerve.local&action=user.create&from=2026-01-02T03:04:00.000Z&cursor=abc"),
    );
    expect(filters).toEqual({ action: "user.create", actor: "admin@citynerve.local", from: "2026-01-02T03:04:00.000Z" });
    expect(auditFiltersToSearch(filters)).toBe("action=user.create&actor=admin%40citynerve.local&from=2026-01-02T03%3A04%3A00.000Z");
  });

  it("drops blanks and dates that do not parse", () => {
    expect(parseAuditFilters({ action: "  ", to: "yesterday", entityType: ["user", "session"] })).toEqual({ entityType: "user" });
  });

  it("builds the API URL with cursor and limit", () => {
    expect(auditApiUrl({ entityType: "user" }, "c1", 50)).toBe("/api/audit?entityType=user&cursor=c1&limit=50");
    expect(auditApiUrl({}, null, 25)).toBe("/api/audit?limit=25");
  });

  it("converts between local datetime inputs and ISO instants", () => {
    const iso = localInputToIso("2026-03-04T05:06")!;
    expect(isoToLocalInput(iso)).toBe("2026-03-04T05:06");
    expect(localInputToIso("")).toBeUndefined();
  });
});
