import '../../../test/setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  bodyRows,
  manyConversations,
  mountTable,
  settled,
  uniqueKey,
} from '../../../test/fixtures/conversations-table.js';
import { connectedService } from '../../../test/fixtures/element-harness.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import type { OngoingConversationsTable } from './ongoing-conversations-table.js';
import './ongoing-conversations-table.define.js';

const N = 10_000;

function tenThousand() {
  return smallSnapshot({ conversations: manyConversations(N) });
}

/** How many rows fit in the body's viewport. */
function rowsInView(el: OngoingConversationsTable): number {
  const body = $(el, '.body')!;
  const row = bodyRows(el)[0]!;
  return Math.ceil(body.clientHeight / row.getBoundingClientRect().height);
}

async function scrollTo(el: OngoingConversationsTable, top: number): Promise<void> {
  const body = $(el, '.body')!;
  body.scrollTop = top;
  body.dispatchEvent(new Event('scroll'));
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
}

describe('<ongoing-conversations-table> with 10,000 conversations', () => {
  it('keeps only the visible rows (and a small overscan) in the DOM', async () => {
    const { el } = await mountTable(tenThousand());
    const grid = $(el, '[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal(String(N + 1));
    const rendered = bodyRows(el);
    const inView = rowsInView(el);
    expect(inView).to.be.greaterThan(3);
    expect(rendered.length).to.be.at.least(inView);
    expect(rendered.length, 'two rows of overscan').to.be.at.most(inView + 2 * 2 + 1);
    expect(rendered[0]!.getAttribute('aria-rowindex')).to.equal('2');
    // The spacer gives the scroller the height of every row.
    const rowHeight = rendered[0]!.getBoundingClientRect().height;
    expect($(el, '.body')!.scrollHeight).to.be.closeTo(N * rowHeight, 2);
    expect($(el, '.row-count')!.textContent!.trim()).to.equal('10,000 of 10,000 conversations');
    await expect(el).to.be.accessible();
  });

  it('renders the rows under the scroll position, numbered by their place in all rows', async () => {
    const { el } = await mountTable(tenThousand());
    const rowHeight = bodyRows(el)[0]!.getBoundingClientRect().height;
    await scrollTo(el, 5000 * rowHeight);
    let rows = bodyRows(el);
    expect(rows.length).to.be.at.most(rowsInView(el) + 13);
    const indexes = rows.map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indexes).to.include(5002);
    // Besides the window, only the row holding the grid's tab stop (row 2) stays rendered, so the
    // grid keeps its one tab stop while scrolled.
    expect(indexes.filter((i) => i < 5002 - 7)).to.deep.equal([2]);
    // Each row sits at its own offset.
    const body = $(el, '.body')!.getBoundingClientRect();
    const at5000 = rows.find((r) => r.getAttribute('aria-rowindex') === '5002')!;
    expect(at5000.getBoundingClientRect().top - body.top).to.be.closeTo(0, 1);
    // The end of the list.
    await scrollTo(el, N * rowHeight);
    rows = bodyRows(el);
    expect(rows[rows.length - 1]!.getAttribute('aria-rowindex')).to.equal(String(N + 1));
    expect(rows.length).to.be.at.most(rowsInView(el) + 13);
    await expect(el).to.be.accessible();
  });

  it('Ctrl+End reaches the last row by keyboard; Ctrl+Home comes back', async () => {
    const { el } = await mountTable(tenThousand());
    el.focusGrid();
    await el.updateComplete;
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    await settled(el);
    const focused = el.shadowRoot!.activeElement!;
    expect(focused.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal(String(N + 1));
    expect(bodyRows(el).length).to.be.at.most(rowsInView(el) + 14);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ up: 'Control' });
    await settled(el);
    expect(
      el.shadowRoot!.activeElement!.closest('[role="row"]')!.getAttribute('aria-rowindex'),
    ).to.equal('2');
    expect($(el, '.body')!.scrollTop).to.equal(0);
  });

  it('the focused row stays in the DOM when scrolled far away (focus is never lost)', async () => {
    const { el } = await mountTable(tenThousand());
    el.focusGrid();
    await el.updateComplete;
    const rowHeight = bodyRows(el)[0]!.getBoundingClientRect().height;
    await scrollTo(el, 3000 * rowHeight);
    const focused = el.shadowRoot!.activeElement!;
    expect(focused.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('2');
    expect(bodyRows(el).some((r) => r.getAttribute('aria-rowindex') === '2')).to.equal(true);
  });

  it('a live change to a visible row shows up; the row count follows additions', async () => {
    const { el, h } = await mountTable(tenThousand());
    el.sort = { key: 'customer', direction: 'asc' };
    await settled(el);
    const first = bodyRows(el)[0]!;
    expect(first.querySelector('.c-customer .primary')!.textContent).to.equal('Customer 00000');
    await h.updateConversation('c-00000', { sentiment: 'very-negative', subject: 'Changed now' });
    await settled(el);
    expect(bodyRows(el)[0]!.querySelector('.c-customer .secondary')!.textContent).to.equal(
      'Changed now',
    );
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal(String(N + 1));
  });

  it('filters 10,000 rows and announces the count', async () => {
    const { el } = await mountTable(tenThousand());
    el.filter = { channels: ['voice'] };
    await settled(el);
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal(String(N / 5 + 1));
    expect($(el, '.row-count')!.textContent!.trim()).to.equal('2,000 of 10,000 conversations');
  });

  it('shows the first rows in its first render, sized from its own height', async () => {
    // How fast is measured by `npm run bench` (mount against a vanilla table), not here: this checks
    // the first render already fills the view, without waiting for a resize observation.
    const h = await connectedService(tenThousand());
    const el = await fixture<OngoingConversationsTable>(
      html`<ongoing-conversations-table
        .service=${h.service}
        persist-key=${uniqueKey()}
        style="height: 600px"
      ></ongoing-conversations-table>`,
    );
    expect(el.hasUpdated).to.equal(true);
    const first = bodyRows(el).length;
    expect(first).to.be.greaterThan(5);
    expect(first, 'at most the host height in rows, plus overscan').to.be.at.most(600 / 40 + 2 + 1);
  });
});
