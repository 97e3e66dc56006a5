/**
 * The table's row selection, kept by conversation id (never by row position or element): rows are
 * windowed and reorder live, so an id is the one thing that stays true. The selection is always a
 * subset of the rows shown: `prune` drops ids whose conversation left the view (closed and gone,
 * filtered out), so a bulk action never reaches a row the supervisor cannot see.
 *
 * Pure state, no DOM: the element renders from it and fires events when it changes.
 */
import type { Conversation } from '../../domain/index.js';

/** The header checkbox's state: nothing, some or all of the rows shown are selected. */
export type SelectAllState = 'none' | 'some' | 'all';

export class RowSelection {
  /** Selected ids; a `Set` keeps them in the order they were selected. */
  private ids = new Set<string>();
  /** The row a range (Shift+click, Shift+Space, Shift+arrow) extends from. */
  anchor: string | null = null;
  /** The rows `prune` last checked against, and their ids (built once per rows array). */
  private prunedRows: readonly Conversation[] | null = null;

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** The selected ids, in the order they were selected. */
  list(): string[] {
    return [...this.ids];
  }

  /** Replaces the selection (the host set `selectedIds`). Returns whether it changed. */
  replace(ids: Iterable<string>): boolean {
    const next = new Set(ids);
    if (sameSet(next, this.ids)) return false;
    this.ids = next;
    this.prunedRows = null;
    if (this.anchor !== null && !next.has(this.anchor)) this.anchor = null;
    return true;
  }

  /** Selects or unselects one row; it becomes the anchor. Returns whether it is selected now. */
  toggle(id: string): boolean {
    this.anchor = id;
    if (this.ids.delete(id)) return false;
    this.ids.add(id);
    return true;
  }

  /**
   * Adds the rows from the anchor to `index` (inclusive, either direction) to the selection; without
   * an anchor (or when it left the rows) the range is the one row. The anchor stays where it was.
   * Returns whether anything was added.
   */
  extendTo(rows: readonly Conversation[], index: number): boolean {
    const target = rows[index];
    if (!target) return false;
    let from = this.anchor === null ? -1 : rows.findIndex((c) => c.id === this.anchor);
    if (from < 0) {
      from = index;
      this.anchor = target.id;
    }
    const before = this.ids.size;
    const [lo, hi] = from <= index ? [from, index] : [index, from];
    for (let i = lo; i <= hi; i++) this.ids.add(rows[i]!.id);
    return this.ids.size !== before;
  }

  /** Selects every row shown (the rows matching the current filter). Returns whether it changed. */
  selectAll(rows: readonly Conversation[]): boolean {
    const before = this.ids.size;
    for (const c of rows) this.ids.add(c.id);
    return this.ids.size !== before;
  }

  /** Unselects everything. Returns whether anything was selected. */
  clear(): boolean {
    this.anchor = null;
    if (this.ids.size === 0) return false;
    this.ids.clear();
    return true;
  }

  /** Unselects these ids (e.g. the rows a bulk action succeeded on). Returns whether it changed. */
  remove(ids: Iterable<string>): boolean {
    let changed = false;
    for (const id of ids) changed = this.ids.delete(id) || changed;
    return changed;
  }

  /**
   * Drops the ids that are not among `rows` (the view now). Cheap when nothing is selected or the
   * rows did not change; otherwise one pass over the rows. Returns whether anything was dropped.
   */
  prune(rows: readonly Conversation[]): boolean {
    if (this.ids.size === 0 || rows === this.prunedRows) return false;
    this.prunedRows = rows;
    const shown = new Set<string>();
    for (const c of rows) shown.add(c.id);
    let changed = false;
    for (const id of this.ids) {
      if (!shown.has(id)) {
        this.ids.delete(id);
        changed = true;
      }
    }
    if (this.anchor !== null && !shown.has(this.anchor)) this.anchor = null;
    return changed;
  }

  /** The header checkbox's state against the rows shown (the selection is a subset of them). */
  allState(shownCount: number): SelectAllState {
    if (this.ids.size === 0 || shownCount === 0) return 'none';
    return this.ids.size >= shownCount ? 'all' : 'some';
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
