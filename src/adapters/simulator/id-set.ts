/**
 * A set of ids with O(1) add, delete and uniformly random pick: the lifecycle picks "a random Active
 * conversation" hundreds of times a second among thousands, so it must never scan.
 */
import type { Random } from './random.js';

/** Ids in insertion order, with swap-remove deletes (order changes, membership never lies). */
export class IdSet {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();

  /** How many ids are in the set. */
  get size(): number {
    return this.ids.length;
  }

  /** Is `id` in the set? */
  has(id: string): boolean {
    return this.index.has(id);
  }

  /** Adds `id` (no-op when present). */
  add(id: string): void {
    if (this.index.has(id)) return;
    this.index.set(id, this.ids.length);
    this.ids.push(id);
  }

  /** Removes `id` (no-op when absent) by moving the last id into its slot. */
  delete(id: string): void {
    const at = this.index.get(id);
    if (at === undefined) return;
    const last = this.ids.pop() as string;
    this.index.delete(id);
    if (last !== id) {
      this.ids[at] = last;
      this.index.set(last, at);
    }
  }

  /** A uniformly random id, or `undefined` when empty. */
  pick(rng: Random): string | undefined {
    return this.ids.length === 0 ? undefined : this.ids[Math.floor(rng.next() * this.ids.length)];
  }

  /** The ids (a read-only view; do not hold it across changes). */
  values(): readonly string[] {
    return this.ids;
  }
}
