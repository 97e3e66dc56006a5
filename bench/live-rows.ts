import type { Conversation } from '../src/domain/index.js';
import { byCustomer, byWait, matchesFilter } from './data.js';

/**
 * The live, sorted and filtered row list the three baseline tables share: changes are collected and
 * the list is recomputed once per animation frame, like the service does for our table.
 */
export class LiveRows {
  rows: Conversation[] = [];
  private readonly all = new Map<string, Conversation>();
  private order = byWait;
  private text = '';
  private dirty = false;

  /** @param onRows called with the new list after every recomputation */
  constructor(
    conversations: readonly Conversation[],
    private readonly onRows: (rows: Conversation[]) => void,
  ) {
    for (const c of conversations) this.all.set(c.id, c);
    this.recompute();
  }

  apply(changes: readonly Conversation[]): void {
    for (const c of changes) this.all.set(c.id, c);
    if (this.dirty) return;
    this.dirty = true;
    requestAnimationFrame(() => {
      this.dirty = false;
      this.recompute();
    });
  }

  sortByCustomer(): void {
    this.order = byCustomer;
    this.recompute();
  }

  filter(text: string): void {
    this.text = text;
    this.recompute();
  }

  private recompute(): void {
    this.rows = [...this.all.values()].filter((c) => matchesFilter(c, this.text)).sort(this.order);
    this.onRows(this.rows);
  }
}
