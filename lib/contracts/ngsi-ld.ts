import { z } from "zod";

/**
 * NGSI-LD (ETSI GS CIM 009) as CityNerve serves it: read-only entity queries over live city state, entities in
 * Smart Data Models shapes. Written from the spec's shapes so partners (and our tests) can parse answers.
 */

/** Where the spec's errors name their type: https://uri.etsi.org/ngsi-ld/errors/<Name>. */
export const NGSI_LD_ERROR_BASE = "https://uri.etsi.org/ngsi-ld/errors/";

/** RFC 7807 ProblemDetails, as NGSI-LD answers every failure. `about:blank` where the spec names no type (401, 403, 429…). */
export const ZNgsiProblemDetails = z.object({
  type: z.union([z.url(), z.literal("about:blank")]),
  title: z.string().min(1),
  detail: z.string().optional(),
  status: z.number().int().min(400).max(599).optional(),
});
export type TNgsiProblemDetails = z.infer<typeof ZNgsiProblemDetails>;

const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const ZNgsiGeometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Point"), coordinates: ZPosition }),
  z.object({ type: z.literal("LineString"), coordinates: z.array(ZPosition).min(2) }),
]);
export type TNgsiGeometry = z.infer<typeof ZNgsiGeometry>;

/** Entity ids are URNs; ours are urn:ngsi-ld:<Type>:<city pack id>. */
export const ZNgsiEntityId = z.string().regex(/^urn:ngsi-ld:[A-Za-z][A-Za-z0-9]*:.+$/);

const ZJsonValue: z.ZodType<unknown> = z.json();

export const ZNgsiProperty = z.object({
  type: z.literal("Property"),
  value: ZJsonValue,
  observedAt: z.iso.datetime({ offset: true }).optional(),
  unitCode: z.string().optional(),
});
export const ZNgsiGeoProperty = z.object({ type: z.literal("GeoProperty"), value: ZNgsiGeometry });

const ZContextMember = { "@context": z.union([z.url(), z.array(z.union([z.url(), z.record(z.string(), z.unknown())]))]).optional() };

/** Normalized form: every attribute a Property or GeoProperty object. */
export const ZNgsiNormalizedEntity = z
  .object({ id: ZNgsiEntityId, type: z.string().min(1), ...ZContextMember })
  .catchall(z.union([ZNgsiProperty, ZNgsiGeoProperty]));
export type TNgsiNormalizedEntity = z.infer<typeof ZNgsiNormalizedEntity>;

/** keyValues (simplified) form: attribute values only; location stays GeoJSON. */
export const ZNgsiKeyValuesEntity = z
  .object({ id: ZNgsiEntityId, type: z.string().min(1), location: ZNgsiGeometry.optional(), ...ZContextMember })
  .catchall(ZJsonValue);
export type TNgsiKeyValuesEntity = z.infer<typeof ZNgsiKeyValuesEntity>;

/** The Smart Data Models shapes each entity type follows, keyValues form (CityNerve's own: EnergyMeasurement). */
const sdm = { id: ZNgsiEntityId, location: ZNgsiGeometry, dateObserved: z.iso.datetime({ offset: true }), ...ZContextMember };
export const ZSdmKeyValuesEntity = z.discriminatedUnion("type", [
  z.object({
    ...sdm,
    type: z.literal("TrafficFlowObserved"),
    name: z.string().optional(),
    intensity: z.number().min(0),
    averageVehicleSpeed: z.number().min(0),
    occupancy: z.number().min(0).max(1),
    congested: z.boolean(),
  }),
  z.object({
    ...sdm,
    type: z.literal("OffStreetParking"),
    name: z.string(),
    availableSpotNumber: z.number().int().min(0),
    totalSpotNumber: z.number().int().min(1),
  }),
  z.object({
    ...sdm,
    type: z.literal("WasteContainer"),
    address: z.object({ streetAddress: z.string() }).optional(),
    fillingLevel: z.number().min(0).max(1),
    status: z.string(),
    temperature: z.number(),
  }),
  z.object({
    ...sdm,
    type: z.literal("EnergyMeasurement"),
    name: z.string(),
    assetKind: z.enum(["substation", "feeder"]),
    activePower: z.number().min(0),
    capacity: z.number().positive(),
    voltage: z.number().min(0),
    frequency: z.number(),
  }),
  z.object({
    ...sdm,
    type: z.literal("Vehicle"),
    name: z.string().optional(),
    vehicleType: z.string(),
    heading: z.number().min(0).max(360),
    speed: z.number().min(0),
    unitStatus: z.string(),
  }),
]);

/** Hostile-input bounds of GET /ngsi-ld/v1/entities. */
export const NGSI_LD_MAX_LIMIT = 1000;
export const NGSI_LD_DEFAULT_LIMIT = 20;
export const NGSI_LD_MAX_Q_CHARS = 1000;
const MAX_LIST_CHARS = 2000;

const ZCommaList = z
  .string()
  .max(MAX_LIST_CHARS)
  .transform((s) =>
    s
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

/** The query string of GET /ngsi-ld/v1/entities (q is parsed separately: server/ngsi-ld/parse-ngsi-query.ts). */
export const ZNgsiEntitiesQuery = z.object({
  type: ZCommaList.optional(),
  id: ZCommaList.optional(),
  q: z.string().max(NGSI_LD_MAX_Q_CHARS, `q is longer than ${NGSI_LD_MAX_Q_CHARS} characters`).optional(),
  limit: z.coerce.number().int().min(0).max(NGSI_LD_MAX_LIMIT).default(NGSI_LD_DEFAULT_LIMIT),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  count: z.enum(["true", "false"]).optional(),
  options: ZCommaList.pipe(z.array(z.enum(["keyValues", "simplified", "normalized", "count"]))).optional(),
  format: z.enum(["keyValues", "simplified", "normalized"]).optional(),
});
export type TNgsiEntitiesQuery = z.infer<typeof ZNgsiEntitiesQuery>;

/**
 * Query parameters of the spec this server does not implement: refused with 400 rather than ignored, since
 * ignoring a filter (geoQ, idPattern…) would answer more than was asked for as if it were the answer.
 */
export const NGSI_LD_UNSUPPORTED_PARAMS = [
  "attrs",
  "pick",
  "omit",
  "idPattern",
  "georel",
  "geometry",
  "coordinates",
  "geoproperty",
  "geometryProperty",
  "csf",
  "scopeQ",
  "lang",
  "datasetId",
  "join",
  "joinLevel",
  "local",
] as const;

/** Entity by id: only the representation options apply. */
export const ZNgsiEntityQuery = ZNgsiEntitiesQuery.pick({ options: true, format: true });
