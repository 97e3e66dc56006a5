/**
 * What Lit gives for free: a plain Lit element rendering rows with @lit-labs/virtualizer's
 * `virtualize` directive (scroller mode on a fixed-height box), no actions, no ARIA grid.
 */
import { LitElement, css, html } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { Conversation } from '../../src/domain/index.js';
import { COLUMN_TITLES, cellTexts, lookupsOf, type BenchWorld, type Lookups } from '../data.js';
import { installBench, type Contender } from '../contender.js';
import { LiveRows } from '../live-rows.js';

class PlainLitTable extends LitElement {
  static override styles = css`
    .scroller {
      height: 600px;
    }
    .row {
      display: grid;
      grid-template-columns: 2fr repeat(8, 1fr);
      height: 40px;
      align-items: center;
    }
    .row > div {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      padding: 0 4px;
    }
  `;
  rows: Conversation[] = [];
  lookups!: Lookups;
  now = Date.now();

  override render() {
    return html`<div class="row">${COLUMN_TITLES.map((t) => html`<div>${t}</div>`)}</div>
      <div class="scroller" tabindex="0">
        ${virtualize({
          scroller: true,
          items: this.rows,
          keyFunction: (c: Conversation) => c.id,
          renderItem: (c: Conversation) =>
            html`<div class="row" data-row>
              ${cellTexts(c, this.lookups, this.now).map((t) => html`<div>${t}</div>`)}
            </div>`,
        })}
      </div>`;
  }
}
customElements.define('plain-lit-table', PlainLitTable);

class LitContender implements Contender {
  private el!: PlainLitTable;
  private live!: LiveRows;

  /** The clock tick of the mounted table (a second mount replaces it). */
  private tick: ReturnType<typeof setInterval> | undefined;

  async mount(host: HTMLElement, world: BenchWorld): Promise<void> {
    this.el = document.createElement('plain-lit-table') as PlainLitTable;
    this.el.lookups = lookupsOf(world);
    this.live = new LiveRows(world.conversations, (rows) => {
      this.el.rows = rows;
      this.el.now = Date.now();
      this.el.requestUpdate();
    });
    host.append(this.el);
    clearInterval(this.tick);
    this.tick = setInterval(() => {
      this.el.now = Date.now();
      this.el.requestUpdate();
    }, 1000);
    await this.el.updateComplete;
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
    return this.el.renderRoot.querySelectorAll('[data-row]').length;
  }

  visibleIds(): string[] {
    return this.el.rows.slice(0, 16).map((c) => c.id);
  }
}

installBench(new LitContender());
