/**
 * A small seeded pseudo-random generator, so a simulated run is reproducible: the same seed gives the
 * same world and the same sequence of changes (timestamps come from the scheduler, not from here).
 */

/** A weighted choice: the item and its relative weight (non-positive weights are never chosen). */
export type Weighted<T> = readonly [item: T, weight: number];

/**
 * Hashes a string into a 32-bit seed (FNV-1a). Used to derive independent streams from one seed, e.g.
 * one per conversation's transcript, so asking for one transcript never shifts the world's sequence.
 */
export function hashSeed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * mulberry32: tiny, fast and good enough for a simulation (not for anything secret). Every helper
 * draws from `next()`, so a run depends only on the seed and the order of calls.
 */
export class Random {
  private state: number;

  /** @param seed any number; only its low 32 bits matter. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent generator for `key`, derived from `seed` (does not advance this one). */
  static derive(seed: number, key: string): Random {
    return new Random(hashSeed(seed, key));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined && items.length === 0) throw new Error('pick() from an empty list');
    return item as T;
  }

  /** One item by relative weight. Throws when no weight is positive. */
  weighted<T>(items: readonly Weighted<T>[]): T {
    let total = 0;
    for (const [, w] of items) if (w > 0) total += w;
    if (total <= 0) throw new Error('weighted() needs a positive weight');
    let roll = this.next() * total;
    for (const [item, w] of items) {
      if (w <= 0) continue;
      roll -= w;
      if (roll < 0) return item;
    }
    // Floating-point rounding can leave a sliver: the last positive item takes it.
    for (let i = items.length - 1; i >= 0; i--) {
      const entry = items[i];
      if (entry && entry[1] > 0) return entry[0];
    }
    throw new Error('unreachable');
  }
}
