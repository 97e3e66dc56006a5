/** @vaadin/grid with the same nine columns, fed a new sorted array per frame. */
import '@vaadin/grid/vaadin-grid.js';
import type { Grid } from '@vaadin/grid/vaadin-grid.js';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import type { Conversation } from '../../src/domain/index.js';
import {
  COLUMN_TITLES,
  byCustomer,
  byWait,
  cellTexts,
  lookupsOf,
  matchesFilter,
  type BenchWorld,
  type Lookups,
} from '../data.js';
import { installBench, type Contender } from '../contender.js';

class VaadinContender implements Contender {
  private grid!: Grid<Conversation>;
  private all = new Map<string, Conversation>();
  private order = byWait;
  private text = '';
  private dirty = false;
  private lookups!: Lookups;

  async mount(host: HTMLElement, world: BenchWorld): Promise<void> {
    this.lookups = lookupsOf(world);
    for (const c of world.conversations) this.all.set(c.id, c);
    const grid = document.createElement('vaadin-grid') as Grid<Conversation>;
    grid.style.height = '640px';
    COLUMN_TITLES.forEach((title, i) => {
      const column = document.createElement('vaadin-grid-column') as GridColumn<Conversation>;
      column.header = title;
      column.renderer = (root, _column, model) => {
        const text = cellTexts(model.item, this.lookups, Date.now())[i] ?? '';
        if (root.textContent !== text) root.textContent = text;
      };
      grid.append(column);
    });
    this.grid = grid;
    this.recompute();
    host.append(grid);
    setInterval(() => grid.requestContentUpdate(), 1000);
    await new Promise((r) => requestAnimationFrame(r));
  }

  private recompute(): void {
    this.grid.items = [...this.all.values()]
      .filter((c) => matchesFilter(c, this.text))
      .sort(this.order);
  }

  apply(changes: Conversation[]): void {
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

  rowsInDom(): number {
    return this.grid.shadowRoot?.querySelectorAll('tbody#items > tr:not([hidden])').length ?? 0;
  }

  visibleIds(): string[] {
    return (this.grid.items ?? []).slice(0, 16).map((c) => c.id);
  }
}

installBench(new VaadinContender());
