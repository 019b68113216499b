import { NGSI_LD_MAX_Q_CHARS } from "@/lib/contracts/ngsi-ld";
import type { TNgsiScalar } from "./ngsi-entity-view";

export const NGSI_QUERY_OPERATORS = ["==", "!=", ">=", "<=", ">", "<"] as const;
export type TNgsiQueryOperator = (typeof NGSI_QUERY_OPERATORS)[number];

/** One term of q: an attribute compared with a value, or (no operator) the attribute merely present. */
export type TNgsiQueryTerm =
  | { attribute: string; operator: TNgsiQueryOperator; value: TNgsiScalar }
  | { attribute: string; operator: "exists" };

/** Terms joined by `;` (AND): every one must hold. */
export type TNgsiQuery = TNgsiQueryTerm[];

export const NGSI_QUERY_MAX_TERMS = 20;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
// A bare (unquoted) value: a DateTime or a word; anything else must be quoted.
const BARE_VALUE = /^[A-Za-z0-9_.:+-]{1,200}$/;

export class NgsiQueryError extends Error {}

/**
 * The simple forms of NGSI-LD's q (ETSI GS CIM 009 §4.9): `attr==value`, `!=`, `>`, `<`, `>=`, `<=`, a bare
 * `attr` (present), `;` for AND. Values are numbers, true/false, "quoted strings" or bare DateTimes/words.
 * Nothing here builds a regular expression from the input, and the pattern operators (~=, !~=), OR (|) and
 * parentheses are refused rather than misread.
 */
export function parseNgsiQuery(q: string): TNgsiQuery {
  if (q.length > NGSI_LD_MAX_Q_CHARS) throw new NgsiQueryError(`q is longer than ${NGSI_LD_MAX_Q_CHARS} characters`);
  const terms = splitTerms(q);
  if (terms.length > NGSI_QUERY_MAX_TERMS) throw new NgsiQueryError(`q has more than ${NGSI_QUERY_MAX_TERMS} terms`);
  return terms.map(parseTerm);
}

/** Splits on `;` outside double quotes. */
function splitTerms(q: string): string[] {
  const terms: string[] = [];
  let current = "";
  let isQuoted = false;
  for (const char of q) {
    if (char === '"') isQuoted = !isQuoted;
    if (!isQuoted && (char === "|" || char === "(" || char === ")"))
      fail(`q uses "${char}": this server supports only ; (AND) between terms`);
    if (char === ";" && !isQuoted) {
      terms.push(current);
      current = "";
    } else current += char;
  }
  if (isQuoted) throw new NgsiQueryError("q has an unclosed quote");
  terms.push(current);
  return terms.map((t) => t.trim()).map((t, i) => (t ? t : fail(`q term ${i + 1} is empty`)));
}

function parseTerm(term: string): TNgsiQueryTerm {
  const at = term.search(/[=!<>~|()]/);
  if (at === -1) return { attribute: attributeName(term), operator: "exists" };
  const attribute = attributeName(term.slice(0, at).trim());
  const rest = term.slice(at);
  const operator = NGSI_QUERY_OPERATORS.find((op) => rest.startsWith(op));
  if (!operator) return fail(`q term "${clip(term)}" has an operator this server does not support (==, !=, >, <, >=, <=)`);
  return { attribute, operator, value: parseValue(rest.slice(operator.length).trim(), term) };
}

function attributeName(name: string): string {
  return ATTRIBUTE_NAME.test(name) ? name : fail(`"${clip(name)}" is not an attribute name`);
}

function parseValue(raw: string, term: string): TNgsiScalar {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    const inner = raw.slice(1, -1);
    if (inner.includes('"')) return fail(`q term "${clip(term)}" has a quote inside its value`);
    return inner;
  }
  if (raw === "true" || raw === "false") return raw === "true";
  if (NUMBER.test(raw)) return Number(raw);
  if (BARE_VALUE.test(raw)) return raw;
  return fail(`q term "${clip(term)}" has no valid value (numbers, true/false, "quoted strings" or DateTimes)`);
}

/** Error messages quote the input, but never much of it. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function fail(message: string): never {
  throw new NgsiQueryError(message);
}
