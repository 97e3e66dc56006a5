import '../../../test/setup.js';
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  bodyRows,
  manyConversations,
  mountTable,
  rowOf,
  settled,
} from '../../../test/fixtures/conversations-table.js';
import { ALL_ON, conversation } from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import { BulkRequestEvent } from '../../events/bulk-request.js';
import { SelectionChangeEvent } from '../../events/selection-change.js';
import type { OngoingConversationsTable } from './ongoing-conversations-table.js';
import './ongoing-conversations-table.define.js';

/** A selectable table sorted by customer name (Alice, Olga, Rita, Victor), so row order is known. */
async function selectableTable(snapshot = smallSnapshot()) {
  const setup = await mountTable(snapshot);
  setup.el.selectable = true;
  setup.el.sort = { key: 'customer', direction: 'asc' };
  await settled(setup.el);
  return setup;
}

const selectedNames = (el: OngoingConversationsTable) =>
  bodyRows(el)
    .filter((r) => r.getAttribute('aria-selected') === 'true')
    .map((r) => r.querySelector('.c-customer .primary')?.textContent);

const checkbox = (row: HTMLElement) => row.querySelector<HTMLInputElement>('input.select-row')!;
const headerBox = (el: OngoingConversationsTable) => $<HTMLInputElement>(el, 'input.select-all')!;
const bar = (el: OngoingConversationsTable) => $(el, '.selection-bar');

async function press(el: OngoingConversationsTable, key: string): Promise<void> {
  const [modifier, main] = key.length > 1 && key.includes('+') ? key.split('+') : [null, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
  await el.updateComplete;
}

/** Focuses the customer cell of a row (the grid's active cell moves there). */
async function focusCustomer(el: OngoingConversationsTable, name: string): Promise<void> {
  rowOf(el, name).querySelector<HTMLElement>('.c-customer')!.focus();
  await el.updateComplete;
}

describe('<ongoing-conversations-table> row selection', () => {
  it("keeps a host's --sc-table-columns right: the checkbox column has its own track", async () => {
    const { el } = await selectableTable();
    el.style.setProperty(
      '--sc-table-columns',
      'minmax(8rem, 2fr) 6rem 6rem minmax(7rem, 1fr) 6rem 5rem 5rem 7rem 6rem 6rem',
    );
    await settled(el);
    const cells = [...bodyRows(el)[0]!.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    expect(cells).to.have.length(11);
    const tops = new Set(cells.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect([...tops], 'every cell on the row’s one line').to.have.length(1);
    expect(cells[0]!.getBoundingClientRect().width).to.be.closeTo(44, 2); // 2.75rem
  });

  it('is off by default: no checkbox column, no aria-multiselectable', async () => {
    const { el } = await mountTable();
    expect($(el, '[role="grid"]')!.hasAttribute('aria-multiselectable')).to.equal(false);
    expect($(el, 'input.select-row')).to.equal(null);
    expect(bodyRows(el)[0]!.hasAttribute('aria-selected')).to.equal(false);
    expect($(el, '#keys-help')!.textContent).to.not.contain('Space');
  });

  it('follows the ARIA grid pattern: aria-multiselectable on the grid, aria-selected on every row', async () => {
    const { el } = await selectableTable();
    expect($(el, '[role="grid"]')!.getAttribute('aria-multiselectable')).to.equal('true');
    expect(bodyRows(el).map((r) => r.getAttribute('aria-selected'))).to.deep.equal([
      'false',
      'false',
      'false',
      'false',
    ]);
    expect(headerBox(el).getAttribute('aria-label')).to.equal('Select all 4 conversations shown');
    expect(checkbox(rowOf(el, 'Olga Open')).getAttribute('aria-label')).to.equal(
      'Select Olga Open',
    );
    expect(bar(el)).to.equal(null);
    // The grid's key help (its aria-describedby) says how to select.
    expect($(el, '#keys-help')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Space selects, Ctrl+A all, Esc none.',
    );
    await expect(el).to.be.accessible();
  });

  it('selects by mouse: a checkbox toggles, Shift+click extends, the header selects all or none', async () => {
    const { el } = await selectableTable();
    const changes: SelectionChangeEvent[] = [];
    el.addEventListener(SelectionChangeEvent.eventName, (e) => changes.push(e));
    checkbox(rowOf(el, 'Alice Active')).click();
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal(['Alice Active']);
    expect(changes.at(-1)!.detail).to.deep.equal({ selectedIds: ['active-chat'], source: 'user' });
    expect(bar(el)!.textContent).to.contain('1 selected');
    expect(headerBox(el).indeterminate).to.equal(true);

    checkbox(rowOf(el, 'Rita Record')).dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }),
    );
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal(['Alice Active', 'Olga Open', 'Rita Record']);
    expect(checkbox(rowOf(el, 'Olga Open')).checked).to.equal(true);
    expect(bar(el)!.querySelector('.selection-count')!.textContent).to.equal('3 selected');
    await expect(el).to.be.accessible();

    checkbox(rowOf(el, 'Alice Active')).click();
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal(['Olga Open', 'Rita Record']);

    headerBox(el).click();
    await el.updateComplete;
    expect(selectedNames(el)).to.have.length(4);
    expect(headerBox(el).checked).to.equal(true);
    expect(headerBox(el).indeterminate).to.equal(false);
    headerBox(el).click();
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal([]);
    expect(el.selectedIds).to.deep.equal([]);
    expect(bar(el)).to.equal(null);
  });

  it('selects by keyboard: Space, Shift+ArrowDown, Shift+Space, Ctrl+A and Escape', async () => {
    const { el } = await selectableTable();
    await focusCustomer(el, 'Alice Active');
    await press(el, ' ');
    expect(selectedNames(el)).to.deep.equal(['Alice Active']);
    await press(el, ' ');
    expect(selectedNames(el)).to.deep.equal([]);
    await press(el, ' ');
    await press(el, 'Shift+ArrowDown');
    expect(selectedNames(el)).to.deep.equal(['Alice Active', 'Olga Open']);
    // The active cell moved with the key.
    expect(
      (el.shadowRoot!.activeElement as HTMLElement).closest('.body-row')!.querySelector('.primary')!
        .textContent,
    ).to.equal('Olga Open');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'Shift+ ');
    expect(selectedNames(el)).to.deep.equal([
      'Alice Active',
      'Olga Open',
      'Rita Record',
      'Victor Voice',
    ]);
    await press(el, 'Escape');
    expect(selectedNames(el)).to.deep.equal([]);
    // Shift+ArrowUp extends upwards from the row it starts on.
    await press(el, ' ');
    await press(el, 'Shift+ArrowUp');
    await press(el, 'Shift+ArrowUp');
    expect(selectedNames(el)).to.deep.equal(['Olga Open', 'Rita Record', 'Victor Voice']);
    await press(el, 'Escape');
    await press(el, 'Control+a');
    expect(el.selectedIds).to.have.length(4);
    await press(el, 'Escape');
    await press(el, 'Meta+a');
    expect(el.selectedIds).to.have.length(4);
    await press(el, 'Escape');
    expect(el.selectedIds).to.deep.equal([]);
  });

  it('Space on a row checkbox toggles once, and Enter still opens the row menu', async () => {
    const { el } = await selectableTable();
    checkbox(rowOf(el, 'Olga Open')).focus();
    await el.updateComplete;
    await press(el, ' ');
    await el.updateComplete;
    expect(selectedNames(el)).to.deep.equal(['Olga Open']);
    expect(checkbox(rowOf(el, 'Olga Open')).checked).to.equal(true);
    await press(el, 'Enter');
    expect($(el, '.menu')!.matches(':popover-open')).to.equal(true);
  });

  it('keeps its arrow keys: ArrowRight from the checkbox goes to the customer cell', async () => {
    const { el } = await selectableTable();
    checkbox(rowOf(el, 'Alice Active')).focus();
    await press(el, 'ArrowRight');
    expect((el.shadowRoot!.activeElement as HTMLElement).classList.contains('c-customer')).to.equal(
      true,
    );
    await press(el, 'ArrowDown');
    expect(
      el.shadowRoot!.activeElement!.closest('.body-row')!.querySelector('.primary')!.textContent,
    ).to.equal('Olga Open');
    expect(selectedNames(el)).to.deep.equal([]);
  });

  it('selects all 10,000 rows without rendering more of them', async () => {
    const now = Date.now();
    const { el } = await mountTable(
      smallSnapshot({ conversations: manyConversations(10_000, now) }),
    );
    el.selectable = true;
    await settled(el);
    const before = bodyRows(el).length;
    expect(before).to.be.below(60);
    await focusCustomer(el, bodyRows(el)[0]!.querySelector('.primary')!.textContent!);
    await press(el, 'Control+a');
    await settled(el);
    expect(el.selectedIds).to.have.length(10_000);
    // Still only the window (give or take the active row, which stays rendered).
    expect(bodyRows(el).length).to.be.within(before - 1, before + 1);
    expect(bodyRows(el).every((r) => r.getAttribute('aria-selected') === 'true')).to.equal(true);
    expect(bar(el)!.querySelector('.selection-count')!.textContent).to.equal('10,000 selected');
    expect(headerBox(el).checked).to.equal(true);

    // Scrolled to the end, the rows rendered there are selected too; one unselected row stays so
    // when scrolled away and back (the selection is by id, not by row element).
    checkbox(bodyRows(el)[0]!).click();
    await settled(el);
    const first = bodyRows(el)[0]!.querySelector('.primary')!.textContent;
    const body = $(el, '.body')!;
    body.scrollTop = body.scrollHeight;
    await settled(el);
    expect(bodyRows(el).length).to.be.below(60);
    const last = bodyRows(el).at(-1)!;
    expect(last.getAttribute('aria-rowindex')).to.equal('10001');
    expect(last.getAttribute('aria-selected')).to.equal('true');
    body.scrollTop = 0;
    await settled(el);
    const again = bodyRows(el).find((r) => r.querySelector('.primary')!.textContent === first)!;
    expect(again.getAttribute('aria-selected')).to.equal('false');
    expect(el.selectedIds).to.have.length(9_999);
  });

  it('survives sorting and live updates, and drops conversations that leave the view', async () => {
    const { el, h } = await selectableTable();
    el.selectedIds = ['open-chat', 'voice-call'];
    await settled(el);
    el.sort = { key: 'customer', direction: 'desc' };
    await settled(el);
    expect(selectedNames(el)).to.deep.equal(['Victor Voice', 'Olga Open']);
    await h.updateConversation('open-chat', {
      customerName: 'Olga Renamed',
      sentiment: 'negative',
    });
    await settled(el);
    expect(selectedNames(el)).to.deep.equal(['Victor Voice', 'Olga Renamed']);

    const changes: SelectionChangeEvent[] = [];
    el.addEventListener(SelectionChangeEvent.eventName, (e) => changes.push(e));
    await h.change({ type: 'conversation-removed', id: 'voice-call', version: 99 });
    await settled(el, 400);
    expect(el.selectedIds).to.deep.equal(['open-chat']);
    expect(changes.at(-1)!.detail).to.deep.equal({ selectedIds: ['open-chat'], source: 'view' });

    // A filter keeps the selected rows it still shows and drops the others.
    el.selectedIds = ['open-chat', 'active-chat'];
    await settled(el);
    el.filter = { statuses: ['open'] };
    await settled(el);
    expect(el.selectedIds).to.deep.equal(['open-chat']);
    expect(selectedNames(el)).to.deep.equal(['Olga Renamed']);
  });

  it('offers only the bulk actions that are on, and fires a cancelable sc-bulk-request', async () => {
    const { el, h } = await selectableTable();
    el.selectedIds = ['open-chat', 'voice-call'];
    await settled(el);
    const labels = () => $$(el, '.selection-bar button').map((b) => b.textContent!.trim());
    expect(labels()).to.deep.equal(['Assign to queue…', 'Force close…', 'Clear selection']);

    const button = $$<HTMLButtonElement>(el, '[data-bulk="force-close"]')[0]!;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, BulkRequestEvent.eventName)) as BulkRequestEvent;
    expect(event.detail).to.deep.equal({
      action: 'force-close',
      conversationIds: ['open-chat', 'voice-call'],
    });
    expect(event.cancelable).to.equal(true);

    await h.change({ type: 'settings', settings: { ...ALL_ON, forceClose: false } });
    await settled(el);
    expect(labels()).to.deep.equal(['Assign to queue…', 'Clear selection']);

    // With neither bulk action on, selection is not offered at all (and the selection is dropped).
    await h.change({ type: 'settings', settings: { ...ALL_ON, forceClose: false, assign: false } });
    await settled(el);
    expect(bar(el)).to.equal(null);
    expect($(el, 'input.select-row')).to.equal(null);
    expect($(el, '[role="grid"]')!.hasAttribute('aria-multiselectable')).to.equal(false);
    expect(el.selectedIds).to.deep.equal([]);
  });

  it('Clear selection empties it and gives focus back to the grid', async () => {
    const { el } = await selectableTable();
    el.selectedIds = ['open-chat'];
    await settled(el);
    $<HTMLButtonElement>(el, '[part="bulk-clear"]')!.click();
    await settled(el);
    expect(el.selectedIds).to.deep.equal([]);
    expect(bar(el)).to.equal(null);
    expect(el.shadowRoot!.activeElement?.closest('[role="grid"]')).to.not.equal(null);
  });

  it('names hostile customers as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { el } = await selectableTable(
      smallSnapshot({ conversations: [conversation({ id: 'h', customerName: hostile })] }),
    );
    expect($(el, 'img')).to.equal(null);
    expect(checkbox(bodyRows(el)[0]!).getAttribute('aria-label')).to.equal(`Select ${hostile}`);
  });
});
