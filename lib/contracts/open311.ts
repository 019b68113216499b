import { z } from "zod";

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), served under /open311/v2 in JSON.
 * Field names are the spec's (snake_case), not ours: citizen apps written for any GeoReport server work.
 */

/** GET services.json: one entry per service code. */
export const ZOpen311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  /** No extra attributes to ask for (GET services/{code}.json is not needed). */
  metadata: z.literal(false),
  type: z.literal("realtime"),
  keywords: z.string(),
  group: z.string(),
});
export type TOpen311Service = z.infer<typeof ZOpen311Service>;
export const ZOpen311ServiceList = z.array(ZOpen311Service);

export const OPEN311_DESCRIPTION_MAX_CHARS = 4000;

// Control characters other than line breaks and tabs have no place in a report (and PostgreSQL refuses NUL in text).
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ZText = z.string().transform((v) => v.replace(CONTROL_CHARS, "").trim());

const optionalText = (max: number) =>
  ZText.pipe(z.string().max(max, `at most ${max} characters`))
    .optional()
    .transform((v) => (v ? v : undefined));

/** Forms send every field, filled or not: an empty one is an absent one. */
function dropEmptyFields(fields: unknown): unknown {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== "" && value !== null));
}

/** Form fields are text; JSON may send numbers. Either way a finite decimal, never "", "NaN" or "1e999". */
const ZCoordinate = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,15})?$/, "a decimal number")
    .transform(Number),
]);

/**
 * POST requests.json, after form fields or a JSON object were read into one object. GeoReport lets a report
 * name its place by address_id or address_string alone; here lat and long are required, since an alert needs
 * a point on the map and there is no geocoder.
 */
export const ZOpen311ReportRequest = z.preprocess(
  dropEmptyFields,
  z.object({
    service_code: z.string().trim().min(1, "service_code is required").max(40),
    lat: ZCoordinate.pipe(z.number().min(-90).max(90)),
    long: ZCoordinate.pipe(z.number().min(-180).max(180)),
    address_string: optionalText(200),
    description: ZText.pipe(
      z.string().max(OPEN311_DESCRIPTION_MAX_CHARS, `description must be at most ${OPEN311_DESCRIPTION_MAX_CHARS} characters`),
    ).default(""),
    media_url: z
      .url({ protocol: /^https?$/, error: "media_url must be an http(s) URL" })
      .max(2000)
      .refine((v) => !/[\s\u0000-\u001f\u007f]/.test(v), "media_url must be an http(s) URL")
      .optional(),
    email: z.email({ error: "email must be an e-mail address" }).max(254).optional(),
    first_name: optionalText(100),
    last_name: optionalText(100),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+\d][\d\s().-]*$/, "phone must be a phone number")
      .optional(),
  }),
);
export type TOpen311ReportRequest = z.infer<typeof ZOpen311ReportRequest>;

/** The answer to POST requests.json (an array of one, as the spec has it). */
export const ZOpen311Created = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() }));
export type TOpen311Created = z.infer<typeof ZOpen311Created>;

export const OPEN311_STATUSES = ["open", "closed"] as const;

/** GET requests/{id}.json and requests.json: what the public may know of a report (never contact details or staff). */
export const ZOpen311ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(OPEN311_STATUSES),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.iso.datetime({ offset: true }),
  updated_datetime: z.iso.datetime({ offset: true }),
  expected_datetime: z.null(),
  address: z.string(),
  address_id: z.null(),
  zipcode: z.null(),
  lat: z.number(),
  long: z.number(),
  media_url: z.string().nullable(),
});
export type TOpen311ServiceRequest = z.infer<typeof ZOpen311ServiceRequest>;
export const ZOpen311ServiceRequestList = z.array(ZOpen311ServiceRequest);

export const OPEN311_MAX_IDS_PER_QUERY = 50;

/** GET requests.json: the reports named (comma-separated), else this app's latest. */
export const ZOpen311RequestsQuery = z.object({
  service_request_id: z
    .string()
    .max(OPEN311_MAX_IDS_PER_QUERY * 40)
    .transform((v) =>
      v
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(64)).max(OPEN311_MAX_IDS_PER_QUERY, `at most ${OPEN311_MAX_IDS_PER_QUERY} ids`))
    .optional(),
});

/** Every failure, in the spec's shape. */
export const ZOpen311Error = z.array(z.object({ code: z.number().int(), description: z.string() }));
