/** @vaadin/grid with the same nine columns, fed a new sorted array per frame. */
import '@vaadin/grid/vaadin-grid.js';
import type { Grid } from '@vaadin/grid/vaadin-grid.js';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import type { Conversation } from '../../src/domain/index.js';
import { COLUMN_TITLES, cellTexts, lookupsOf, type BenchWorld } from '../data.js';
import { installBench, type Contender } from '../contender.js';
import { LiveRows } from '../live-rows.js';

class VaadinContender implements Contender {
  private grid!: Grid<Conversation>;
  private live!: LiveRows;
  /** The clock tick of the mounted grid (a second mount replaces it). */
  private tick: ReturnType<typeof setInterval> | undefined;

  async mount(host: HTMLElement, world: BenchWorld): Promise<void> {
    const lookups = lookupsOf(world);
    const grid = document.createElement('vaadin-grid') as Grid<Conversation>;
    grid.style.height = '640px';
    COLUMN_TITLES.forEach((title, i) => {
      const column = document.createElement('vaadin-grid-column') as GridColumn<Conversation>;
      column.header = title;
      column.renderer = (root, _column, model) => {
        const text = cellTexts(model.item, lookups, Date.now())[i] ?? '';
        if (root.textContent !== text) root.textContent = text;
      };
      grid.append(column);
    });
    this.grid = grid;
    this.live = new LiveRows(world.conversations, (rows) => (grid.items = rows));
    host.append(grid);
    clearInterval(this.tick);
    this.tick = setInterval(() => grid.requestContentUpdate(), 1000);
    await new Promise((r) => requestAnimationFrame(r));
  }

  apply(changes: Conversation[]): void {
    this.live.apply(changes);
  }

  sortByCustomer(): void {
    this.live.sortByCustomer();
  }

  filter(text: string): void {
    this.live.filter(text);
  }

  rowsInDom(): number {
    return this.grid.shadowRoot?.querySelectorAll('tbody#items > tr:not([hidden])').length ?? 0;
  }

  visibleIds(): string[] {
    return this.live.rows.slice(0, 16).map((c) => c.id);
  }
}

installBench(new VaadinContender());
