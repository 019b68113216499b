/**
 * Which entities of one layer changed at each version, so a map layer drawn at version `from` can recompute just
 * those rows to show version `to`. Bounded: past MAX_LOGGED_IDS the oldest versions are forgotten, and a layer that
 * old recomputes every row (as it does after a snapshot, which changes everything).
 */
const MAX_LOGGED_IDS = 200_000;

/** What a map layer may ask of a change log: the entities changed between the version it shows and the next. */
export type TRowChanges = Pick<LayerChangeLog, "changedBetween">;

export class LayerChangeLog {
  private entries: { version: number; ids: readonly string[] }[] = [];
  private logged = 0;
  /** Changes at versions up to this one are not in the log. */
  private floor = 0;

  constructor(private readonly maxIds = MAX_LOGGED_IDS) {}

  /** Everything changed at `version` (a snapshot, entities dropped with the view): nothing older can be diffed. */
  reset(version: number): void {
    this.entries = [];
    this.logged = 0;
    this.floor = version;
  }

  record(version: number, ids: readonly string[]): void {
    this.entries.push({ version, ids });
    this.logged += ids.length;
    while (this.logged > this.maxIds && this.entries.length > 0) {
      const oldest = this.entries.shift()!;
      this.logged -= oldest.ids.length;
      this.floor = oldest.version;
    }
  }

  /** The entities changed after version `from` up to `to`; null when the log does not reach back to `from`. */
  changedBetween(from: number, to: number): Set<string> | null {
    if (from < this.floor) return null;
    const changed = new Set<string>();
    for (const { version, ids } of this.entries) {
      if (version <= from || version > to) continue;
      for (const id of ids) changed.add(id);
    }
    return changed;
  }
}
