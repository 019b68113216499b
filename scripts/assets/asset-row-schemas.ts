import { z } from "zod";
import { ZParkingLot, ZStation, ZSubstation, ZWasteBin } from "@/lib/contracts/city-pack";
import { UNIT_TYPES } from "@/lib/contracts/events";
import { UNIT_CAPABILITIES } from "@/lib/contracts/units";

/**
 * One zod schema per asset kind, from a row's flat fields (CSV text, GeoJSON properties or NGSI-LD values)
 * to the asset as the pack or the database keeps it. Messages complete "line 7, field lat: …".
 */

type TIssue = { input?: unknown };
const requiredOr = (message: string) => (issue: TIssue) => (issue.input === undefined ? "is required" : message);

/** A blank cell is a missing value, whatever the format. */
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function numberField() {
  return z.number({ error: requiredOr("must be a number") });
}

/** CSV cells are text: a plain decimal becomes a number, anything else stays text and fails as "must be a number". */
function numeric<T extends z.ZodType>(schema: T) {
  return z.preprocess((raw) => {
    const value = blank(raw);
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    return DECIMAL.test(trimmed) ? Number(trimmed) : value;
  }, schema);
}

function text(max = 200) {
  return z.preprocess(
    (raw) => (typeof blank(raw) === "string" ? (raw as string).trim() : blank(raw)),
    z.string({ error: requiredOr("must be text") }).max(max, `must be at most ${max} characters`),
  );
}

function optionalText(max = 200) {
  return z.preprocess(
    (raw) => (typeof blank(raw) === "string" ? (raw as string).trim() : blank(raw)),
    z.string({ error: "must be text" }).max(max, `must be at most ${max} characters`).optional(),
  );
}

/** Ids travel in MQTT topics (city/<domain>/<id>) and URNs, so no slashes, spaces or wildcards. */
const ZAssetId = z
  .preprocess((raw) => (typeof raw === "number" ? String(raw) : raw), text(128))
  .pipe(z.string().regex(/^[A-Za-z0-9._:-]+$/, "must be letters, digits, dots, dashes, underscores or colons (no spaces)"));

const ZLon = numeric(numberField().min(-180, "must be between -180 and 180").max(180, "must be between -180 and 180"));
const ZLat = numeric(numberField().min(-90, "must be between -90 and 90").max(90, "must be between -90 and 90"));
const positive = () => numeric(numberField().positive("must be greater than 0").max(1e9, "must be at most 1000000000"));

const ZUnitTypeField = z.preprocess(
  (raw) => (typeof blank(raw) === "string" ? (raw as string).trim() : blank(raw)),
  z.enum(UNIT_TYPES, { error: requiredOr(`must be one of ${UNIT_TYPES.join(", ")}`) }),
);

export const ZParkingRow = z
  .object({
    id: ZAssetId,
    name: text(),
    lon: ZLon,
    lat: ZLat,
    capacity: numeric(numberField().int("must be a whole number").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000")),
  })
  .transform(({ id, name, capacity, lon, lat }) => ZParkingLot.parse({ id, name, capacity, position: [lon, lat] }));

export const ZBinRow = z
  .object({ id: ZAssetId, street: optionalText(), lon: ZLon, lat: ZLat, volumeL: positive() })
  .transform(({ id, street, volumeL, lon, lat }) =>
    ZWasteBin.parse({ id, ...(street === undefined ? {} : { street }), position: [lon, lat], volumeL }),
  );

export const ZSubstationRow = z
  .object({ id: ZAssetId, name: text(), lon: ZLon, lat: ZLat, capacityKw: positive(), voltageV: positive() })
  .transform(({ id, name, capacityKw, voltageV, lon, lat }) => ZSubstation.parse({ id, name, position: [lon, lat], capacityKw, voltageV }));

export const ZStationRow = z
  .object({ id: ZAssetId, name: text(), type: ZUnitTypeField, lon: ZLon, lat: ZLat })
  .transform(({ id, name, type, lon, lat }) => ZStation.parse({ id, name, type, position: [lon, lat] }));

/** CSV keeps a list in one cell: "ladder;rescue" (spaces, commas or bars also separate). */
const ZCapabilities = z.preprocess(
  (raw) => {
    const value = blank(raw);
    return typeof value === "string" ? value.split(/[\s;,|]+/).filter(Boolean) : value;
  },
  z
    .array(z.enum(UNIT_CAPABILITIES, { error: `must list only ${UNIT_CAPABILITIES.join(", ")}` }), { error: "must be a list" })
    .max(UNIT_CAPABILITIES.length, "lists a capability twice")
    .transform((list) => [...new Set(list)])
    .optional(),
);

/** A unit as the file states it; capabilities left out keep the unit's own (a new unit gets its type's defaults). */
export const ZUnitRow = z.object({
  // The admin API's rule for unit ids (lib/contracts/units.ts ZCreateUnitRequest), with a message that fits a row.
  id: text(32).pipe(z.string().regex(/^[A-Za-z0-9-]+$/, "must be letters, digits and dashes")),
  callSign: text(32),
  type: ZUnitTypeField,
  stationId: text(64),
  capabilities: ZCapabilities,
});
export type TUnitImport = z.infer<typeof ZUnitRow>;

export const ROW_SCHEMAS = {
  parking: ZParkingRow,
  bins: ZBinRow,
  substations: ZSubstationRow,
  stations: ZStationRow,
  units: ZUnitRow,
} as const;
