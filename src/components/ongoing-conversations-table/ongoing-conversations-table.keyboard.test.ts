import '../../../test/setup.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  bodyRows,
  manyConversations,
  mountTable,
  rowOf,
  settled,
  uniqueKey,
} from '../../../test/fixtures/conversations-table.js';
import { conversation } from '../../../test/fixtures/domain.js';
import { connectedService } from '../../../test/fixtures/element-harness.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import { ActionRequestEvent } from '../../events/action-request.js';
import type { OngoingConversationsTable } from './ongoing-conversations-table.js';
import './ongoing-conversations-table.define.js';

/** The element focused inside the table's shadow root. */
const focused = (el: OngoingConversationsTable) =>
  el.shadowRoot!.activeElement as HTMLElement | null;

/** Where focus is in the grid: aria-rowindex of its row and its column index. */
function position(el: OngoingConversationsTable): { rowindex: number; col: number } {
  const f = focused(el);
  if (!f) throw new Error('Nothing in the table has focus');
  const row = f.closest('[role="row"]')!;
  const cell = f.closest('[data-col]') as HTMLElement;
  return { rowindex: Number(row.getAttribute('aria-rowindex')), col: Number(cell.dataset.col) };
}

async function press(el: OngoingConversationsTable, key: string): Promise<void> {
  const [modifier, main] = key.length > 1 && key.includes('+') ? key.split('+') : [null, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
  await el.updateComplete;
}

/** A short list sorted by customer name, so row order is known. */
async function sortedTable() {
  const setup = await mountTable(
    smallSnapshot({
      conversations: [
        ...smallSnapshot().conversations,
        conversation({
          id: 'waiting-sms',
          customerName: 'Walt Waiting',
          status: 'waiting',
          channel: 'sms',
        }),
      ],
    }),
  );
  setup.el.sort = { key: 'customer', direction: 'asc' };
  await settled(setup.el);
  return setup;
}

describe('<ongoing-conversations-table> keyboard', () => {
  it('is a single tab stop', async () => {
    const h = await connectedService(smallSnapshot());
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <ongoing-conversations-table
          .service=${h.service}
          persist-key=${uniqueKey()}
          style="--sc-table-height: 400px"
        ></ongoing-conversations-table>
        <button id="after">After</button>
      </div>`,
    );
    const el = wrapper.querySelector('ongoing-conversations-table')!;
    await settled(el);
    const grid = $(el, '[role="grid"]')!;
    expect(grid.querySelectorAll('[tabindex="0"]')).to.have.length(1);
    el.focusGrid();
    await el.updateComplete;
    expect(position(el)).to.deep.equal({ rowindex: 2, col: 0 });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id).to.equal('after');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(position(el)).to.deep.equal({ rowindex: 2, col: 0 });
  });

  it('arrow keys move the active cell, and the tab stop moves with it', async () => {
    const { el } = await sortedTable();
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'ArrowDown');
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(position(el)).to.deep.equal({ rowindex: 3, col: 2 });
    expect(focused(el)!.getAttribute('tabindex')).to.equal('0');
    expect($(el, '[role="grid"]')!.querySelectorAll('[tabindex="0"]')).to.have.length(1);
    await press(el, 'ArrowLeft');
    await press(el, 'ArrowUp');
    expect(position(el)).to.deep.equal({ rowindex: 2, col: 1 });
    await expect(el).to.be.accessible();
  });

  it('Home/End go to the row ends, Ctrl+Home/Ctrl+End to the first and last row', async () => {
    const { el } = await sortedTable();
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'ArrowDown');
    await press(el, 'End');
    expect(position(el)).to.deep.equal({ rowindex: 3, col: 9 });
    expect(focused(el)!.matches('button.actions')).to.equal(true);
    await press(el, 'Home');
    expect(position(el)).to.deep.equal({ rowindex: 3, col: 0 });
    await press(el, 'Control+End');
    expect(position(el)).to.deep.equal({ rowindex: 6, col: 9 });
    await press(el, 'Control+Home');
    expect(position(el)).to.deep.equal({ rowindex: 2, col: 0 });
  });

  it('ArrowUp from the first row reaches the header, where Enter sorts', async () => {
    const { el } = await sortedTable();
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'ArrowRight');
    await press(el, 'ArrowUp');
    const header = focused(el)!;
    expect(header.closest('[role="columnheader"]')!.textContent!.trim()).to.equal('Status');
    expect(position(el)).to.deep.equal({ rowindex: 1, col: 1 });
    await press(el, 'Enter');
    await settled(el);
    expect(el.sort).to.deep.equal({ key: 'status', direction: 'asc' });
    expect(header.closest('[role="columnheader"]')!.getAttribute('aria-sort')).to.equal(
      'ascending',
    );
    await press(el, ' ');
    await settled(el);
    expect(el.sort.direction).to.equal('desc');
    // Still on the header after sorting.
    expect(position(el)).to.deep.equal({ rowindex: 1, col: 1 });
  });

  it('PageDown/PageUp move a screenful, scrolling the row into view', async () => {
    const { el } = await mountTable(smallSnapshot({ conversations: manyConversations(200) }));
    el.sort = { key: 'customer', direction: 'asc' };
    await settled(el);
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'PageDown');
    const first = position(el).rowindex;
    expect(first).to.be.greaterThan(5);
    await press(el, 'PageDown');
    await press(el, 'PageDown');
    const third = position(el).rowindex;
    expect(third).to.equal(2 + 3 * (first - 2));
    // The focused row is inside the scroller's viewport.
    const body = $(el, '.body')!.getBoundingClientRect();
    const row = focused(el)!.closest('[role="row"]')!.getBoundingClientRect();
    expect(row.top).to.be.at.least(body.top - 1);
    expect(row.bottom).to.be.at.most(body.bottom + 1);
    await press(el, 'PageUp');
    expect(position(el).rowindex).to.equal(third - (first - 2));
  });

  it('Enter on a row opens its actions on the first allowed one; Escape returns to the row', async () => {
    const { el } = await sortedTable();
    el.focusGrid();
    await el.updateComplete;
    // Alice Active (row 1): Monitor is allowed first.
    await press(el, 'Enter');
    await el.updateComplete;
    const menu = $(el, '.menu')!;
    expect(menu.matches(':popover-open')).to.equal(true);
    expect(focused(el)!.dataset.action).to.equal('monitor');
    await press(el, 'ArrowDown');
    expect(focused(el)!.dataset.action).to.equal('assign');
    expect(focused(el)!.getAttribute('aria-disabled')).to.equal('true');
    await press(el, 'End');
    expect(focused(el)!.dataset.action).to.equal('forceClose');
    await press(el, 'ArrowDown');
    expect(focused(el)!.dataset.action).to.equal('monitor');
    await expect(el).to.be.accessible();
    await press(el, 'Escape');
    expect(menu.matches(':popover-open')).to.equal(false);
    expect(focused(el)!.matches('button.actions')).to.equal(true);
    expect(position(el).rowindex).to.equal(2);
  });

  it('on an Open conversation the menu starts on Assign (Monitor is disabled)', async () => {
    const { el } = await sortedTable();
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'ArrowDown'); // Olga Open
    await press(el, 'Enter');
    expect(focused(el)!.dataset.action).to.equal('assign');
  });

  it('Enter on an allowed menu item fires the request; on a disabled one it only says why', async () => {
    const { el } = await sortedTable();
    const requests: ActionRequestEvent[] = [];
    el.addEventListener(ActionRequestEvent.eventName, (e) => requests.push(e));
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'Enter');
    await press(el, 'ArrowDown'); // Assign: disabled on an Active conversation
    await press(el, 'Enter');
    expect(requests).to.have.length(0);
    await waitUntil(() => $(el, '.live')!.textContent!.includes('Assign is not available'));
    await press(el, 'ArrowDown'); // Transfer: allowed
    await press(el, 'Enter');
    expect(requests.map((r) => r.detail.action)).to.deep.equal(['transfer']);
    expect($(el, '.menu')!.matches(':popover-open')).to.equal(false);
    expect(focused(el)!.matches('button.actions')).to.equal(true);
  });

  it('shortcut keys act on the active row: M monitor, A assign, T transfer, Delete force close', async () => {
    const { el } = await sortedTable();
    const requests: string[] = [];
    el.addEventListener(ActionRequestEvent.eventName, (e) =>
      requests.push(`${e.detail.action}:${e.detail.conversation.customerName}`),
    );
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'm'); // Alice Active
    await press(el, 't');
    await press(el, 'ArrowDown'); // Olga Open
    await press(el, 'a');
    await press(el, 'Backspace');
    await press(el, 'ArrowDown'); // Rita Record (wrap-up record)
    await press(el, 'Delete'); // records cannot be force-closed
    expect(requests).to.deep.equal([
      'monitor:Alice Active',
      'transfer:Alice Active',
      'assign:Olga Open',
      'forceClose:Olga Open',
    ]);
    await waitUntil(() =>
      $(el, '.live')!.textContent!.includes(
        'Force close is not available: Only voice and messaging conversations can be force-closed.',
      ),
    );
    // Ctrl/⌘ combinations are left to the browser.
    await press(el, 'Control+a');
    expect(requests).to.have.length(4);
  });

  it('keeps the active cell on the same conversation when the rows reorder live', async () => {
    const { el, h } = await sortedTable();
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown'); // Rita Record, row 3
    expect(focused(el)!.closest('[role="row"]')).to.equal(rowOf(el, 'Rita Record'));
    await h.updateConversation('record', { customerName: 'Aaron Record' });
    await settled(el);
    // Now first by name: focus stayed on it, and the row index follows.
    const row = rowOf(el, 'Aaron Record');
    expect(row.getAttribute('aria-rowindex')).to.equal('2');
    expect(focused(el)!.closest('[role="row"]')).to.equal(row);
    await press(el, 'ArrowDown');
    expect(focused(el)!.closest('[role="row"]')).to.equal(rowOf(el, 'Alice Active'));
  });

  it('keeps focus in the grid when the focused conversation leaves the view', async () => {
    const { el, h } = await sortedTable();
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'ArrowDown'); // Olga Open, row 2
    await press(el, 'ArrowRight');
    await h.change({ type: 'conversation-removed', id: 'open-chat', version: 99 });
    await settled(el);
    expect(focused(el)).to.not.equal(null);
    // The same position now shows the next conversation.
    expect(position(el)).to.deep.equal({ rowindex: 3, col: 1 });
    expect(focused(el)!.closest('[role="row"]')).to.equal(rowOf(el, 'Rita Record'));
    expect($(el, '[role="grid"]')!.querySelectorAll('[tabindex="0"]')).to.have.length(1);
  });

  it('a new filter or sort starts again at the first row', async () => {
    const { el } = await sortedTable();
    el.focusGrid();
    await el.updateComplete;
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    el.sort = { key: 'customer', direction: 'desc' };
    await settled(el);
    expect(bodyRows(el)[0]!.querySelector('[tabindex="0"]')).to.exist;
  });
});
