import { describe, expect, it } from "vitest";
import { mapOidcRole } from "./oidc-role";

describe("mapOidcRole", () => {
  it.each([
    ["supervisor", "supervisor"],
    [["field"], "field"],
    [["operator", "Admin"], "admin"],
    ["operator supervisor", "supervisor"],
    ["operator,field", "operator"],
    [["superuser"], "field"],
    [undefined, "field"],
    [42, "field"],
  ])("%j → %s (fallback field)", (claim, expected) => {
    expect(mapOidcRole(claim, "field")).toBe(expected);
  });
});
