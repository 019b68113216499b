import { describe, expect, it } from "vitest";
import { HOME_BY_ROLE, ROLES } from "@/lib/contracts/auth";
import { isCurrentPath, navItemsFor, pageNameOf } from "./nav-items";

const labels = (role: (typeof ROLES)[number]) => navItemsFor(role).map((item) => item.label);

describe("navigation per role", () => {
  it("offers each role only its pages", () => {
    expect(labels("operator")).toEqual(["Live map", "Handover"]);
    expect(labels("supervisor")).toEqual([
      "Live map",
      "Handover",
      "History",
      "Figures",
      "Map analysis",
      "Alert rules",
      "Silences",
      "On call",
      "Units",
      "Audit log",
      "Dead letters",
    ]);
    expect(labels("admin")).toEqual([
      "Users",
      "API keys",
      "CAP feeds",
      "Zones",
      "Silences",
      "On call",
      "Units",
      "Audit log",
      "Dead letters",
    ]);
    expect(labels("field")).toEqual(["My unit"]);
  });

  it("offers unit management to admins and supervisors only", () => {
    const withUnits = ROLES.filter((role) => navItemsFor(role).some((item) => item.href === "/units"));
    expect(withUnits.sort()).toEqual(["admin", "supervisor"]);
  });

  it("always includes the role's home", () => {
    for (const role of ROLES) expect(navItemsFor(role).map((item) => item.href)).toContain(HOME_BY_ROLE[role]);
  });

  it("marks the current page", () => {
    expect(isCurrentPath("/", "/")).toBe(true);
    expect(isCurrentPath("/audit", "/")).toBe(false);
    expect(isCurrentPath("/admin/users", "/admin/users")).toBe(true);
    expect(isCurrentPath("/auditing", "/audit")).toBe(false);
  });

  it("names a refused page by its menu label, and nothing it does not know", () => {
    expect(pageNameOf("/history")).toBe("History");
    expect(pageNameOf("/history/incidents/123?from=list")).toBe("History");
    expect(pageNameOf("/admin/users")).toBe("Users");
    expect(pageNameOf("/")).toBe("Live map");
    expect(pageNameOf("/kpis#hours")).toBe("Figures");
    expect(pageNameOf("/you-have-been-hacked")).toBeNull();
  });
});
