import { ROLES, type TRole } from "@/lib/contracts/auth";

/** When the claim names several of our roles, the most privileged wins (the IdP granted all of them). */
const PRECEDENCE: readonly TRole[] = ["admin", "supervisor", "operator", "field"];

/**
 * Maps an identity provider's role claim (a string, a space/comma separated string, or an array of
 * strings) to one CityNerve role; anything unrecognised falls back to `fallback`.
 */
export function mapOidcRole(claim: unknown, fallback: TRole): TRole {
  const values = Array.isArray(claim) ? claim : typeof claim === "string" ? claim.split(/[\s,]+/) : [];
  const granted = new Set(values.filter((v): v is string => typeof v === "string").map((v) => v.trim().toLowerCase()));
  return PRECEDENCE.find((role) => granted.has(role)) ?? (ROLES.includes(fallback) ? fallback : "operator");
}
