import type { TRole } from "@/lib/contracts/auth";

type TNavItem = { href: string; label: string; roles: readonly TRole[] };

/** Where the top bar's dead-letter figure leads, for the roles whose menu has it. */
export const DEAD_LETTERS_PATH = "/dead-letters";

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
  { href: "/admin/api-keys", label: "API keys", roles: ["admin"] },
  { href: "/admin/cap-feeds", label: "CAP feeds", roles: ["admin"] },
  { href: "/admin/zones", label: "Zones", roles: ["admin"] },
  { href: "/silences", label: "Silences", roles: ["supervisor", "admin"] },
  { href: "/on-call", label: "On call", roles: ["supervisor", "admin"] },
  { href: "/units", label: "Units", roles: ["admin", "supervisor"] },
  { href: "/audit", label: "Audit log", roles: ["admin", "supervisor"] },
  { href: DEAD_LETTERS_PATH, label: "Dead letters", roles: ["admin", "supervisor"] },
];

export function navItemsFor(role: TRole): TNavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

/** Whether the role's menu offers this page (the server checks the role again on arrival). */
export function canOpen(role: TRole, href: string): boolean {
  return navItemsFor(role).some((item) => item.href === href);
}

export function isCurrentPath(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The query parameter a refused page adds to the home it sends people to (server/auth/session.ts). */
export const DENIED_PARAM = "denied";

/**
 * What a page is called in the menu, for a path ("/history/incidents/abc" → "History"); null for paths
 * the menu does not know. Notices show only these names, never the text of the URL, so a crafted link
 * cannot put words of its choosing on the page.
 */
export function pageNameOf(path: string): string | null {
  const pathname = path.split(/[?#]/)[0];
  const matches = NAV_ITEMS.filter((item) => isCurrentPath(pathname, item.href));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.label ?? null;
}
