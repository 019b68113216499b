import type { TAssetKind } from "./asset-kinds";
import { NGSI_ATTRIBUTES, NGSI_TYPES, ngsiTypesOf, STATION_TYPE_BY_NGSI, UNIT_TYPE_BY_VEHICLE } from "./ngsi-ld-types";
import type { TRawRow } from "./raw-row";
import type { TRowError, TRowPlace } from "./row-error";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** urn:ngsi-ld:<Type>:<id> → <id> (our ids may hold colons themselves). */
const URN = /^urn:ngsi-ld:[A-Za-z][A-Za-z0-9]*:(.+)$/;

/** An attribute in either form: normalized ({type:"Property",value} / Relationship {object}) or keyValues (the value itself). */
function attributeValue(attribute: unknown): unknown {
  if (!isRecord(attribute)) return attribute;
  if (attribute.type === "Property" || attribute.type === "GeoProperty") return attribute.value;
  if (attribute.type === "Relationship") return attribute.object;
  return attribute;
}

/**
 * An array of NGSI-LD entities in Smart Data Models shapes (normalized or keyValues) as raw rows of `kind`,
 * entities counted from 1. An entity of another kind's type, or of a type we do not read, is an error.
 */
export function parseNgsiLdRows(json: unknown, kind: TAssetKind): { rows: TRawRow[]; errors: TRowError[] } {
  const entities = Array.isArray(json) ? json : isRecord(json) && typeof json.type === "string" ? [json] : undefined;
  if (!entities) return { rows: [], errors: [{ message: "an NGSI-LD file must be an array of entities ([{id, type, …}, …])" }] };
  const rows: TRawRow[] = [];
  const errors: TRowError[] = [];
  entities.forEach((entity: unknown, index) => {
    const place: TRowPlace = { unit: "entity", n: index + 1 };
    const row = entityRow(entity, kind, place);
    if ("error" in row) errors.push(row.error);
    else rows.push(row.row);
  });
  return { rows, errors };
}

function entityRow(entity: unknown, kind: TAssetKind, place: TRowPlace): { row: TRawRow } | { error: TRowError } {
  const fail = (field: string | undefined, message: string) => ({ error: { place, field, message } });
  const accepted = ngsiTypesOf(kind).join(", ");
  if (!isRecord(entity)) return fail(undefined, "must be an NGSI-LD entity object ({id, type, …})");
  const type = entity.type;
  if (typeof type !== "string") return fail("type", `is required (${kind}: ${accepted})`);
  const typeKind = Object.hasOwn(NGSI_TYPES, type) ? NGSI_TYPES[type] : undefined;
  if (!typeKind) return fail("type", `unknown NGSI-LD type ${type}: ${kind} are read from ${accepted}`);
  if (typeKind !== kind) return fail("type", `${type} is ${typeKind}, not ${kind} (${kind}: ${accepted})`);

  if (typeof entity.id !== "string") return fail("id", "is required: urn:ngsi-ld:<Type>:<id>");
  const id = URN.exec(entity.id)?.[1];
  if (id === undefined) return fail("id", `must be an NGSI-LD URN urn:ngsi-ld:<Type>:<id>, not ${entity.id}`);

  const location = attributeValue(entity.location);
  if (!isRecord(location)) return fail("location", "is required: a GeoProperty whose value is a Point");
  if (location.type !== "Point" || !Array.isArray(location.coordinates))
    return fail("location", `must be a Point with [lon, lat], not ${String(location.type)}`);
  const [lon, lat] = location.coordinates as unknown[];

  const fields: Record<string, unknown> = { id, lon, lat };
  const sourceOf: Record<string, string> = { lon: "location.coordinates[0]", lat: "location.coordinates[1]" };
  for (const [field, attribute] of Object.entries(NGSI_ATTRIBUTES[kind])) {
    sourceOf[field] = attribute;
    if (Object.hasOwn(entity, attribute)) fields[field] = attributeValue(entity[attribute]);
  }
  const special = kindSpecific(kind, type, entity, fields);
  return special ? fail(special.field, special.message) : { row: { place, fields, sourceOf } };
}

/** What one attribute does not carry alone: addresses, station and vehicle types, asset kinds, station references. */
function kindSpecific(
  kind: TAssetKind,
  type: string,
  entity: Record<string, unknown>,
  fields: Record<string, unknown>,
): { field: string; message: string } | undefined {
  if (kind === "bins" && isRecord(fields.street)) fields.street = fields.street.streetAddress;
  if (kind === "substations") {
    const assetKind = attributeValue(entity.assetKind);
    if (assetKind !== undefined && assetKind !== "substation")
      return { field: "assetKind", message: `must be substation (feeders are lines, not imported here), not ${String(assetKind)}` };
  }
  if (kind === "stations" && fields.type === undefined) {
    if (type === "ResponderStation") return { field: "unitType", message: "is required for a ResponderStation" };
    fields.type = STATION_TYPE_BY_NGSI[type];
  }
  if (kind === "units") {
    if (typeof fields.type === "string") {
      const unitType = UNIT_TYPE_BY_VEHICLE.get(fields.type);
      if (!unitType)
        return {
          field: "vehicleType",
          message: `${fields.type} is not a responder vehicle: ${[...UNIT_TYPE_BY_VEHICLE.keys()].join(", ")}`,
        };
      fields.type = unitType;
    }
    if (fields.stationId === undefined && Object.hasOwn(entity, "stationId")) fields.stationId = attributeValue(entity.stationId);
    if (typeof fields.stationId === "string") fields.stationId = URN.exec(fields.stationId)?.[1] ?? fields.stationId;
  }
  return undefined;
}
