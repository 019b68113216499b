import type { TRole } from "@/lib/contracts/auth";

type TNavItem = { href: string; label: string; roles: readonly TRole[] };

/**
 * The pages each role may open, in menu order. Only a convenience: every page and
 * API checks the role on the server, so hiding a link is not what protects it.
 */
const NAV_ITEMS: readonly TNavItem[] = [
  { href: "/", label: "Live map", roles: ["operator", "supervisor"] },
  { href: "/handover", label: "Handover", roles: ["operator", "supervisor"] },
  { href: "/history", label: "History", roles: ["supervisor"] },
  { href: "/kpis", label: "Figures", roles: ["supervisor"] },
  { href: "/analysis", label: "Map analysis", roles: ["supervisor"] },
  { href: "/rules", label: "Alert rules", roles: ["supervisor"] },
  { href: "/field", label: "My unit", roles: ["field"] },
  { href: "/admin/users", label: "Users", roles: ["admin"] },
  { href: "/units", label: "Units", roles: ["admin", "supervisor"] },
  { href: "/audit", label: "Audit log", roles: ["admin", "supervisor"] },
];

export function navItemsFor(role: TRole): TNavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function isCurrentPath(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
