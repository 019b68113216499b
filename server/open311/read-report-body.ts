/** A report is a few short fields; anything much larger is not a report (the server's own limit is far higher). */
export const OPEN311_MAX_BODY_BYTES = 16 * 1024;

export type TReportBody = { ok: true; fields: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; detail: string };

/**
 * GeoReport clients post `application/x-www-form-urlencoded`; newer ones send JSON. Either is read into one
 * flat object for ZOpen311ReportRequest. A repeated form field keeps its first value (as the spec's examples
 * read them), `attribute[…]` fields are ignored (no service here defines attributes).
 */
export async function readReportBody(request: Request): Promise<TReportBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > OPEN311_MAX_BODY_BYTES) return tooLarge();
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const isForm = mediaType === "application/x-www-form-urlencoded";
  if (!isForm && mediaType !== "application/json") {
    return { ok: false, status: 415, detail: "Send the report as application/x-www-form-urlencoded or application/json" };
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > OPEN311_MAX_BODY_BYTES) return tooLarge();
  if (isForm) return { ok: true, fields: readForm(text) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, detail: "The body is not valid JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, status: 400, detail: "The body must be a JSON object with the report's fields" };
  }
  return { ok: true, fields: parsed as Record<string, unknown> };
}

function readForm(text: string): Record<string, string> {
  // A Map, then own properties: a field named "__proto__" or "constructor" is just an unknown field.
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (!fields.has(name) && !name.startsWith("attribute[")) fields.set(name, value);
  }
  return Object.fromEntries(fields);
}

function tooLarge(): TReportBody {
  return { ok: false, status: 413, detail: `The report is too large (at most ${OPEN311_MAX_BODY_BYTES} bytes)` };
}
