import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { ASSET_FIELDS, type TAssetKind } from "./asset-kinds";
import type { TRawRow } from "./raw-row";
import type { TRowError } from "./row-error";

type TCsvRecord = { record: string[]; raw: string; info: { lines: number } };

/**
 * A CSV file (header row first) as raw rows, each with the line it starts on. The header must name every
 * required column of the kind and nothing else: a misspelt column is an error, not a silently empty field.
 */
export function parseCsvRows(text: string, kind: TAssetKind): { rows: TRawRow[]; errors: TRowError[] } {
  let records: TCsvRecord[];
  try {
    // csv-parse miscounts lines with CR LF endings; one kind of line break keeps every line number right.
    records = parse(text.replace(/\r\n?/g, "\n"), {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as TCsvRecord[];
  } catch (error) {
    // Broken quoting ends the parse: the rest of the file cannot be split into fields.
    if (error instanceof CsvError) return { rows: [], errors: [{ place: { unit: "line", n: lineOf(error) }, message: error.message }] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ message: "the file is empty: it needs a header row and one row per asset" }] };

  const columns = header.record.map((c) => c.trim());
  const headerErrors = checkHeader(columns, kind, startLine(header));
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };

  const rows: TRawRow[] = [];
  const errors: TRowError[] = [];
  for (const { record, raw, info } of body) {
    const line = startLine({ record, raw, info });
    if (record.every((cell) => cell.trim() === "")) continue;
    if (record.length !== columns.length) {
      errors.push({
        place: { unit: "line", n: line },
        message: `has ${record.length} values but the header has ${columns.length} columns (${columns.join(",")})`,
      });
      continue;
    }
    rows.push({ place: { unit: "line", n: line }, fields: Object.fromEntries(columns.map((c, i) => [c, record[i]])) });
  }
  return { rows, errors };
}

function checkHeader(columns: string[], kind: TAssetKind, line: number): TRowError[] {
  const { required, optional } = ASSET_FIELDS[kind];
  const known = new Set([...required, ...optional]);
  const expected = `${kind} takes ${required.join(",")}${optional.length ? ` and optionally ${optional.join(",")}` : ""}`;
  const errors: TRowError[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (!known.has(column)) errors.push({ place: { unit: "line", n: line }, field: column, message: `unknown column: ${expected}` });
    else if (seen.has(column)) errors.push({ place: { unit: "line", n: line }, field: column, message: "column appears twice" });
    seen.add(column);
  }
  for (const column of required)
    if (!seen.has(column)) errors.push({ place: { unit: "line", n: line }, field: column, message: `missing column: ${expected}` });
  return errors;
}

/**
 * csv-parse counts the line a record ends on; a quoted value with line breaks starts earlier. The raw text
 * also holds the blank lines skipped before the record, which are not part of it.
 */
function startLine({ raw, info }: TCsvRecord): number {
  const breaks = raw.replace(/^\n+/, "").replace(/\n$/, "").split("\n").length - 1;
  return info.lines - breaks;
}

function lineOf(error: CsvError): number {
  const lines = (error as CsvError & { lines?: number }).lines;
  return typeof lines === "number" && lines > 0 ? lines : 1;
}
