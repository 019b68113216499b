import { NO_ZONE } from "@/lib/contracts/zones";

/**
 * The refusals of a silence's or escalation policy's domain and zone, in one wording for both sides: the
 * server refuses with them (server/alerts/check-matcher-names.ts) and the forms say the same on the field
 * before sending (components/alerts/use-zone-check.ts).
 */

/** A refusal lists at most this many choices: a metro has hundreds of zones. */
const MAX_CHOICES_LISTED = 12;

/** The field error the server attaches to a refused zone (`fieldErrors.matchers`), so a form can show it on the field. */
export const ZONE_FIELD_ERROR = "choose a zone of this city";
export const DOMAIN_FIELD_ERROR = "choose a domain of this city";

function listChoices(names: readonly string[]): string {
  const listed = names.slice(0, MAX_CHOICES_LISTED).join(", ");
  return names.length > MAX_CHOICES_LISTED ? `${listed} or ${names.length - MAX_CHOICES_LISTED} more` : listed;
}

/** `Unknown domain "x": choose one of Traffic, Parking, …` (labels in the catalogue's order). */
export function unknownDomainMessage(domain: string, labels: readonly string[]): string {
  return `Unknown domain "${domain}": choose one of ${listChoices(labels)}`;
}

/**
 * Why `zone` names no zone in use, or null when it does. As the server reads a matcher: surrounding whitespace
 * is dropped (its schema trims), an empty zone means any zone, "No zone" (alerts outside every zone) is always
 * a choice, and names match exactly, case included (an alert's zone is stored as its zone's name).
 */
export function unknownZoneMessage(zone: string, zonesInUse: readonly string[]): string | null {
  const name = zone.trim();
  if (name === "" || name === NO_ZONE || zonesInUse.includes(name)) return null;
  const names = [...new Set(zonesInUse)].sort((a, b) => a.localeCompare(b));
  return `Unknown zone "${name}": choose one of ${listChoices([...names, NO_ZONE])}`;
}
