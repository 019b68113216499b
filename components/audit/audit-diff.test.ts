import { describe, expect, it } from "vitest";
import { diffAuditValues } from "./audit-diff";

describe("diffAuditValues", () => {
  it("keeps only the fields that changed", () => {
    expect(diffAuditValues({ role: "operator", disabled: false }, { role: "supervisor", disabled: false })).toEqual([
      { key: "role", before: "operator", after: "supervisor" },
    ]);
  });

  it("lists every field of a created entity as new", () => {
    expect(diffAuditValues(null, { email: "a@b.c", disabled: false })).toEqual([
      { key: "email", after: "a@b.c" },
      { key: "disabled", after: "false" },
    ]);
  });

  it("shows nested values and scalars as compact JSON", () => {
    expect(diffAuditValues({ tags: ["a"] }, { tags: ["a", "b"] })).toEqual([{ key: "tags", before: '["a"]', after: '["a","b"]' }]);
    expect(diffAuditValues(1, 2)).toEqual([{ key: "", before: "1", after: "2" }]);
    expect(diffAuditValues(null, null)).toEqual([]);
  });
});
