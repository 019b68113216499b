import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { UNIT_STATUSES, WASTE_STATUSES, type TCityEvent } from "@/lib/contracts/events";
import type { TColumnarDelta, TColumnarLayers, TLayerEvents } from "@/lib/contracts/realtime";
import { canonicalIsoMs } from "./canonical-time";
import type { TEntitySlots } from "./entity-slots";

/**
 * Live entity deltas (and snapshots, ./columnar-snapshot.ts) as columns: per layer, one typed array per field, entities named by their slot in the pack
 * (./entity-slots.ts). All layers share one buffer, sent as a single socket.io binary attachment. Per layer, in
 * LAYERS order, a block padded to 8 bytes: Float64 columns (observedAt as epoch ms, the id's numeric suffix, the
 * numbers), then Uint32 slots, Uint16 id prefixes, Uint8 booleans and enums. Numbers stay Float64: what the map
 * shows is exactly what the JSON path would have shown (NaN and infinities included, which JSON turns into null).
 * An event the columns cannot carry exactly goes along as JSON instead (see `fitsColumns`). Within a layer the order is
 * not kept (columns first, then JSON): a delta or snapshot holds one event per entity.
 */

type TField =
  | { key: string; kind: "number" }
  | { key: string; kind: "boolean" }
  | { key: string; kind: "enum"; values: readonly string[] }
  | { key: string; kind: "lonLat" };

type TLayerColumns = { type: TCityEvent["type"]; fields: readonly TField[]; f64: number; u8: number };

const layerColumns = (type: TCityEvent["type"], fields: readonly TField[]): TLayerColumns => ({
  type,
  fields,
  // observedAt and the id suffix, then the fields' own.
  f64: 2 + fields.reduce((n, f) => n + (f.kind === "number" ? 1 : f.kind === "lonLat" ? 2 : 0), 0),
  u8: fields.filter((f) => f.kind === "boolean" || f.kind === "enum").length,
});

const num = (key: string): TField => ({ key, kind: "number" });

const COLUMNS_BY_LAYER: Readonly<Record<TLayer, TLayerColumns>> = {
  traffic: layerColumns("TrafficFlowObserved", [
    num("intensity"),
    num("averageVehicleSpeed"),
    num("occupancy"),
    { key: "congested", kind: "boolean" },
  ]),
  parking: layerColumns("OffStreetParking", [num("availableSpotNumber"), num("totalSpotNumber")]),
  waste: layerColumns("WasteContainer", [num("fillingLevel"), { key: "status", kind: "enum", values: WASTE_STATUSES }, num("temperature")]),
  energy: layerColumns("EnergyMeasurement", [
    { key: "assetKind", kind: "enum", values: ["substation", "feeder"] },
    num("activePower"),
    num("capacity"),
    num("voltage"),
    num("frequency"),
  ]),
  units: layerColumns("UnitPosition", [
    { key: "location", kind: "lonLat" },
    num("heading"),
    num("speed"),
    { key: "status", kind: "enum", values: UNIT_STATUSES },
  ]),
};

const MAX_SUFFIX_DIGITS = 15;
const NO_SUFFIX = -1;
const MAX_PREFIXES = 0xffff;

const blockBytes = (columns: TLayerColumns, n: number) => pad8(n * (columns.f64 * 8 + 4 + 2 + columns.u8));
const pad8 = (bytes: number) => (bytes + 7) & ~7;

type TRecord = Record<string, unknown>;

/** Whether the columns carry this event exactly: its own layer's type, every field and nothing else. */
function fitsColumns(event: TRecord, columns: TLayerColumns): boolean {
  if (event.type !== columns.type || typeof event.id !== "string" || typeof event.entityId !== "string") return false;
  if (Object.keys(event).length !== 4 + columns.fields.length) return false;
  for (const field of columns.fields) {
    const value = event[field.key];
    if (field.kind === "number" && typeof value !== "number") return false;
    if (field.kind === "boolean" && typeof value !== "boolean") return false;
    if (field.kind === "enum" && !field.values.includes(value as string)) return false;
    if (field.kind === "lonLat") {
      if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "number" || typeof value[1] !== "number") return false;
    }
  }
  return true;
}

/** One flush's events of the built-in layers as columns, plus the ones they cannot carry as JSON. */
export function encodeColumnarDelta(seq: number, layers: TLayerEvents, slots: TEntitySlots): TColumnarDelta {
  return { seq, ...encodeColumnarLayers(layers, slots) };
}

/** Events of the built-in layers as columns, plus the ones they cannot carry as JSON. */
export function encodeColumnarLayers(layers: TLayerEvents, slots: TEntitySlots): TColumnarLayers {
  const prefixes = new Map<string, number>();
  const fallback: Record<string, TCityEvent[]> = {};
  const fitting: Partial<Record<TLayer, TFit[]>> = {};
  let bytes = 0;
  for (const layer of LAYERS) {
    const events = layers[layer] as TCityEvent[] | undefined;
    if (!events?.length) continue;
    const columns = COLUMNS_BY_LAYER[layer];
    const slotOf = slots.slotOf[layer];
    const fits: TFit[] = [];
    for (const event of events) {
      const record = event as unknown as TRecord;
      const slot = slotOf.get(event.entityId);
      const ms = typeof event.observedAt === "string" ? canonicalIsoMs(event.observedAt) : null;
      const id = slot !== undefined && ms !== null && fitsColumns(record, columns) ? splitId(event.id, prefixes) : null;
      if (id) fits.push({ event: record, slot: slot as number, ms: ms as number, ...id });
      else (fallback[layer] ??= []).push(event);
    }
    if (fits.length === 0) continue;
    fitting[layer] = fits;
    bytes += blockBytes(columns, fits.length);
  }

  const buffer = new ArrayBuffer(bytes);
  const counts: Partial<Record<TLayer, number>> = {};
  let offset = 0;
  for (const layer of LAYERS) {
    const fits = fitting[layer];
    if (!fits) continue;
    const n = fits.length;
    const columns = COLUMNS_BY_LAYER[layer];
    const f64 = new Float64Array(buffer, offset, n * columns.f64);
    const slotColumn = new Uint32Array(buffer, offset + n * columns.f64 * 8, n);
    const prefixColumn = new Uint16Array(buffer, slotColumn.byteOffset + n * 4, n);
    const u8 = new Uint8Array(buffer, prefixColumn.byteOffset + n * 2, n * columns.u8);
    for (let i = 0; i < n; i++) {
      const { event, slot, ms, prefix, suffix } = fits[i];
      slotColumn[i] = slot;
      prefixColumn[i] = prefix;
      f64[i] = ms;
      f64[n + i] = suffix;
      let f = 2;
      let b = 0;
      for (const field of columns.fields) {
        const value = event[field.key];
        if (field.kind === "number") f64[n * f++ + i] = value as number;
        else if (field.kind === "lonLat") {
          f64[n * f++ + i] = (value as number[])[0];
          f64[n * f++ + i] = (value as number[])[1];
        } else if (field.kind === "boolean") u8[n * b++ + i] = value ? 1 : 0;
        else u8[n * b++ + i] = field.values.indexOf(value as string);
      }
    }
    counts[layer] = n;
    offset += blockBytes(columns, n);
  }
  const wire: TColumnarLayers = { counts, idPrefixes: [...prefixes.keys()], columns: buffer };
  if (Object.keys(fallback).length > 0) wire.layers = fallback as TLayerEvents;
  return wire;
}

type TFit = { event: TRecord; slot: number; ms: number; prefix: number; suffix: number };

/** The id as a numbered prefix (registered here) and its numeric suffix; null when the prefix table is full. */
function splitId(id: string, prefixes: Map<string, number>): { prefix: number; suffix: number } | null {
  // The trailing digits, at most 15 (exact in a Float64), without leading zeros (they would not come back).
  let start = id.length;
  while (start > 0 && id.length - start < MAX_SUFFIX_DIGITS && isDigit(id.charCodeAt(start - 1))) start--;
  while (start < id.length - 1 && id.charCodeAt(start) === 48) start++;
  const hasSuffix = start < id.length;
  const text = hasSuffix ? id.slice(0, start) : id;
  let prefix = prefixes.get(text);
  if (prefix === undefined) {
    if (prefixes.size >= MAX_PREFIXES) return null;
    prefixes.set(text, (prefix = prefixes.size));
  }
  return { prefix, suffix: hasSuffix ? Number(id.slice(start)) : NO_SUFFIX };
}

const isDigit = (code: number) => code >= 48 && code <= 57;

export class CorruptColumnsError extends Error {}

/** The events a columnar delta or snapshot carries, columns and JSON together, by layer. Throws CorruptColumnsError on a malformed one. */
export function decodeColumnarLayers(delta: TColumnarLayers, slots: TEntitySlots): TLayerEvents {
  if (!Array.isArray(delta.idPrefixes)) throw new CorruptColumnsError("no id prefixes");
  const bytes = asAlignedBytes(delta.columns);
  const out: Record<string, TRecord[]> = {};
  let offset = 0;
  for (const layer of LAYERS) {
    const n = delta.counts?.[layer] ?? 0;
    if (n === 0) continue;
    const columns = COLUMNS_BY_LAYER[layer];
    if (!Number.isSafeInteger(n) || n < 0 || offset + blockBytes(columns, n) > bytes.byteLength)
      throw new CorruptColumnsError(`columns too short for ${n} ${layer} entities`);
    const base = bytes.byteOffset + offset;
    const f64 = new Float64Array(bytes.buffer, base, n * columns.f64);
    const slotColumn = new Uint32Array(bytes.buffer, base + n * columns.f64 * 8, n);
    const prefixColumn = new Uint16Array(bytes.buffer, slotColumn.byteOffset + n * 4, n);
    const u8 = new Uint8Array(bytes.buffer, prefixColumn.byteOffset + n * 2, n * columns.u8);
    const ids = slots.ids[layer];
    const events: TRecord[] = (out[layer] = new Array(n));
    let lastMs = Number.NaN;
    let lastText = "";
    for (let i = 0; i < n; i++) {
      const entityId = ids[slotColumn[i]];
      const prefix = delta.idPrefixes[prefixColumn[i]];
      if (entityId === undefined || prefix === undefined) throw new CorruptColumnsError(`${layer} entity ${i} names no known entity or id`);
      const ms = f64[i];
      if (ms !== lastMs) {
        lastMs = ms;
        lastText = new Date(ms).toISOString();
      }
      const suffix = f64[n + i];
      const event: TRecord = {
        id: suffix === NO_SUFFIX ? prefix : prefix + suffix,
        entityId,
        observedAt: lastText,
        type: columns.type,
      };
      let f = 2;
      let b = 0;
      for (const field of columns.fields) {
        if (field.kind === "number") event[field.key] = f64[n * f++ + i];
        else if (field.kind === "lonLat") {
          event[field.key] = [f64[n * f + i], f64[n * (f + 1) + i]];
          f += 2;
        } else if (field.kind === "boolean") event[field.key] = u8[n * b++ + i] === 1;
        else {
          const value = field.values[u8[n * b++ + i]];
          if (value === undefined) throw new CorruptColumnsError(`${layer} entity ${i} has no valid ${field.key}`);
          event[field.key] = value;
        }
      }
      events[i] = event;
    }
    offset += blockBytes(columns, n);
  }
  for (const layer of LAYERS) {
    const extra = delta.layers?.[layer] as TRecord[] | undefined;
    if (extra !== undefined && !Array.isArray(extra)) throw new CorruptColumnsError(`${layer} events are not a list`);
    if (extra?.length) out[layer] = [...(out[layer] ?? []), ...extra];
  }
  return out as unknown as TLayerEvents;
}

/** The attachment as bytes whose start a Float64Array can view (Node hands over a Buffer at any offset of its pool). */
function asAlignedBytes(columns: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (columns instanceof ArrayBuffer) return new Uint8Array(columns);
  if (!ArrayBuffer.isView(columns)) throw new CorruptColumnsError("columns are not binary");
  const bytes = new Uint8Array(columns.buffer, columns.byteOffset, columns.byteLength);
  return bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
}
