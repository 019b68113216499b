import { attributeOf, type TNgsiEntityView } from "./ngsi-entity-view";
import type { TNgsiQuery, TNgsiQueryTerm } from "./parse-ngsi-query";

/** Whether an entity satisfies every term. A comparison across kinds (a number with a string) never holds. */
export function matchesNgsiQuery(view: TNgsiEntityView, query: TNgsiQuery): boolean {
  return query.every((term) => holds(view, term));
}

function holds(view: TNgsiEntityView, term: TNgsiQueryTerm): boolean {
  const actual = attributeOf(view, term.attribute);
  if (actual === undefined) return false;
  if (term.operator === "exists") return true;
  const wanted = term.value;
  if (typeof actual !== typeof wanted) return false;
  switch (term.operator) {
    case "==":
      return actual === wanted;
    case "!=":
      return actual !== wanted;
    default:
      // Order compares numbers and strings (ISO DateTimes sort as text); booleans have none.
      if (typeof actual === "boolean") return false;
      if (term.operator === ">") return actual > wanted;
      if (term.operator === "<") return actual < wanted;
      if (term.operator === ">=") return actual >= wanted;
      return actual <= wanted;
  }
}
