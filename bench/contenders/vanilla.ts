/**
 * The practical limit: a hand-written virtual table in plain DOM. A fixed row height, a pool of row
 * elements recycled for the visible slice, text written with `textContent`, one re-render per frame.
 * Minimal but honest: it keeps the same live, sorted view and ticking times as the real element.
 */
import type { Conversation } from '../../src/domain/index.js';
import { COLUMN_TITLES, cellTexts, lookupsOf, type BenchWorld, type Lookups } from '../data.js';
import { installBench, type Contender } from '../contender.js';
import { LiveRows } from '../live-rows.js';

const ROW = 40;
const HEIGHT = 600;

class VanillaTable implements Contender {
  private live!: LiveRows;
  private rows: Conversation[] = [];
  private lookups!: Lookups;
  private scroller!: HTMLDivElement;
  private body!: HTMLDivElement;
  private pool: { el: HTMLDivElement; cells: HTMLDivElement[] }[] = [];
  /** The clock tick of the mounted table (a second mount replaces it). */
  private tick: ReturnType<typeof setInterval> | undefined;

  mount(host: HTMLElement, world: BenchWorld): void {
    this.lookups = lookupsOf(world);
    this.pool = [];
    const header = document.createElement('div');
    header.className = 'row header';
    for (const title of COLUMN_TITLES) {
      const cell = document.createElement('div');
      cell.textContent = title;
      header.append(cell);
    }
    this.scroller = document.createElement('div');
    this.scroller.className = 'scroller';
    this.scroller.style.height = `${HEIGHT}px`;
    this.body = document.createElement('div');
    this.body.style.position = 'relative';
    this.scroller.append(this.body);
    host.append(header, this.scroller);
    const visible = Math.ceil(HEIGHT / ROW) + 2;
    for (let i = 0; i < visible; i += 1) {
      const el = document.createElement('div');
      el.className = 'row';
      el.dataset.row = '';
      const cells = COLUMN_TITLES.map(() => el.appendChild(document.createElement('div')));
      this.pool.push({ el, cells });
      this.body.append(el);
    }
    this.scroller.addEventListener('scroll', () => this.render(), { passive: true });
    clearInterval(this.tick);
    this.tick = setInterval(() => this.render(), 1000); // ticking wait and handle times
    this.live = new LiveRows(world.conversations, (rows) => {
      this.rows = rows;
      this.body.style.height = `${rows.length * ROW}px`;
      this.render();
    });
  }

  private render(): void {
    const first = Math.floor(this.scroller.scrollTop / ROW);
    const now = Date.now();
    this.pool.forEach((slot, i) => {
      const c = this.rows[first + i];
      slot.el.style.display = c ? '' : 'none';
      if (!c) return;
      slot.el.style.transform = `translateY(${(first + i) * ROW}px)`;
      const texts = cellTexts(c, this.lookups, now);
      texts.forEach((t, j) => {
        const cell = slot.cells[j]!;
        if (cell.textContent !== t) cell.textContent = t;
      });
    });
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
    return this.pool.filter((slot) => slot.el.style.display !== 'none').length;
  }

  visibleIds(): string[] {
    const first = Math.floor(this.scroller.scrollTop / ROW);
    return this.rows.slice(first, first + this.pool.length).map((c) => c.id);
  }
}

installBench(new VanillaTable());
