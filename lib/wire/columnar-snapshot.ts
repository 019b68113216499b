import type { TCitySnapshot, TColumnarSnapshot } from "@/lib/contracts/realtime";
import { decodeColumnarLayers, encodeColumnarLayers } from "./columnar-delta";
import type { TEntitySlots } from "./entity-slots";

/** A snapshot (or viewport answer) with its built-in layers as columns; declared domains, view and summaries stay as they are. */
export function encodeColumnarSnapshot(snapshot: TCitySnapshot, slots: TEntitySlots): TColumnarSnapshot {
  const { layers, ...rest } = snapshot;
  return { ...rest, ...encodeColumnarLayers(layers, slots) };
}

/** The snapshot the columns stand for. Throws CorruptColumnsError on malformed ones. */
export function decodeColumnarSnapshot(snapshot: TColumnarSnapshot, slots: TEntitySlots): TCitySnapshot {
  const { counts: _counts, idPrefixes: _idPrefixes, columns: _columns, layers: _layers, ...rest } = snapshot;
  return { ...rest, layers: decodeColumnarLayers(snapshot, slots) };
}

export function isColumnarSnapshot(snapshot: TCitySnapshot | TColumnarSnapshot): snapshot is TColumnarSnapshot {
  return "columns" in snapshot;
}
