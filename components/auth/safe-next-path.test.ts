import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps same-origin relative paths with their query and hash", () => {
    expect(safeNextPath("/")).toBe("/");
    expect(safeNextPath("/audit?action=user.create&actor=a%40b.c")).toBe("/audit?action=user.create&actor=a%40b.c");
    expect(safeNextPath("/admin/users#new")).toBe("/admin/users#new");
  });

  it.each([
    null,
    undefined,
    "",
    "audit",
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    " /audit",
  ])("rejects %j", (next) => {
    expect(safeNextPath(next)).toBeNull();
  });

  it("does not loop back to the sign-in page", () => {
    expect(safeNextPath("/sign-in?next=/audit")).toBeNull();
  });
});
