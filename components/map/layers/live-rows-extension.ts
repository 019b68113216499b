import { type Layer, LayerExtension, type UpdateParameters } from "@deck.gl/core";
import type { TRowChanges } from "@/components/live/layer-change-log";
import { changedRowRanges, rowIndexOf } from "./changed-row-ranges";

/**
 * Which live values a layer's accessors read: the change log of its store layer or declared domain
 * (LiveCityStore.changesOf / declaredChangesOf), the version it is drawn at, and the accessors that read them.
 */
export type TLiveRows = {
  changes: TRowChanges;
  version: number;
  /** Accessor props (getColor, getWidth…) whose values come from the store. */
  accessors: readonly string[];
};

type TLiveRowsProps = { liveRows: TLiveRows | null; data: unknown };

/** Off only for bench/delta-apply.ts's side-by-side rounds (through the browser test handles). */
let isPartialEnabled = true;
export function setPartialRowUpdates(enabled: boolean): void {
  isPartialEnabled = enabled;
}

/**
 * Recomputes a live layer's store-fed attributes for the rows whose entities changed since the version it shows,
 * instead of every row (what `updateTriggers: { getColor: version }` did): a delta of a few hundred readings on a
 * map of ten thousand entities costs a few hundred accessor calls. Falls back to every row when the store cannot say
 * what changed (a snapshot, a view change) or the data itself is new.
 */
class LiveRowsExtension extends LayerExtension {
  static extensionName = "LiveRowsExtension";
  static defaultProps = { liveRows: null };

  updateState(this: Layer<TLiveRowsProps>, { props, oldProps, changeFlags }: UpdateParameters<Layer<TLiveRowsProps>>): void {
    const next = props.liveRows;
    const previous = oldProps.liveRows;
    // A first draw or new data computes every attribute anyway.
    if (!next || !previous || changeFlags.dataChanged) return;
    if (next.version === previous.version && next.changes === previous.changes) return;
    const attributes = this.getAttributeManager();
    if (!attributes) return;
    // Another log (another store) cannot say what changed since the previous draw.
    const changed =
      isPartialEnabled && next.changes === previous.changes ? next.changes.changedBetween(previous.version, next.version) : null;
    const rows = props.data as readonly { id: string }[];
    const ranges = changed && Array.isArray(rows) ? changedRowRanges(changed, rowIndexOf(rows), rows.length) : null;
    for (const accessor of next.accessors) {
      if (!ranges) attributes.invalidate(accessor);
      else for (const range of ranges) attributes.invalidate(accessor, range);
    }
  }
}

export const LIVE_ROWS_EXTENSION = new LiveRowsExtension();

/** The props a live layer adds so only its changed rows are recomputed per delta. */
export function liveRowsProps(changes: TRowChanges, version: number, accessors: readonly string[]) {
  return { extensions: [LIVE_ROWS_EXTENSION], liveRows: { changes, version, accessors } satisfies TLiveRows };
}
