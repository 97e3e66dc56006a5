/**
 * The table's Monitoring column names who else is here (#11): you first, joined supervisors tagged,
 * "+N" beyond two with the full list in the title and the spoken text; names from the centre's
 * supervisors, hostile ones as text; live as supervisors and conversations change.
 */
import '../../../test/setup.js';
import { expect } from '@open-wc/testing';
import { SUPERVISOR_ID, conversation } from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import {
  columnIndex,
  mountTable,
  rowOf,
  settled,
} from '../../../test/fixtures/conversations-table.js';
import type { OngoingConversationsTable } from './ongoing-conversations-table.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><b>Mal</b>';

function snapshot() {
  return smallSnapshot({
    supervisors: [
      { id: SUPERVISOR_ID, name: 'Sam Supervisor' },
      { id: 'sup-priya', name: 'Priya Lead' },
      { id: 'sup-kim', name: 'Kim Kwon' },
      { id: 'sup-evil', name: HOSTILE },
    ],
    conversations: [
      conversation({
        id: 'a',
        customerName: 'Ann Many',
        monitoredBy: ['sup-kim', SUPERVISOR_ID],
        joinedBy: ['sup-priya'],
      }),
      conversation({
        id: 'b',
        customerName: 'Ben Joined',
        joinedBy: [SUPERVISOR_ID],
        monitoredBy: [SUPERVISOR_ID],
      }),
      conversation({ id: 'c', customerName: 'Cy Hostile', monitoredBy: ['sup-evil', 'sup-gone'] }),
      conversation({ id: 'd', customerName: 'Di Nobody' }),
    ],
  });
}

function cell(el: OngoingConversationsTable, customer: string): HTMLElement {
  const cells = [...rowOf(el, customer).querySelectorAll<HTMLElement>('[role="gridcell"]')];
  return cells[columnIndex(el, 'Monitoring')]!;
}
const visible = (c: HTMLElement) =>
  c.querySelector('[aria-hidden="true"]')!.textContent!.replace(/\s+/g, ' ').trim();
const spoken = (c: HTMLElement) => c.querySelector('.visually-hidden')!.textContent!.trim();

describe('<ongoing-conversations-table> Monitoring column: who else is here', () => {
  it('names you first, then joined (tagged) and monitoring supervisors, compact with +N', async () => {
    const { el } = await mountTable(snapshot());
    const many = cell(el, 'Ann Many');
    expect(visible(many)).to.equal('You, Priya Lead joined+1');
    expect(many.querySelector('.more')!.textContent).to.equal('+1');
    expect(many.querySelector('.tag')!.textContent).to.equal('joined');
    const full = 'You (monitoring), Priya Lead (joined), Kim Kwon (monitoring)';
    expect(spoken(many)).to.equal(full);
    expect(many.getAttribute('title')).to.equal(full);
    expect(visible(cell(el, 'Ben Joined'))).to.equal('You joined');
    expect(spoken(cell(el, 'Ben Joined'))).to.equal('You (joined)');
    expect(cell(el, 'Di Nobody').textContent!.replace(/\s+/g, ' ').trim()).to.equal('— Nobody');
    await expect(el).to.be.accessible();
  });

  it('renders hostile names as text and unknown ids as themselves', async () => {
    const { el } = await mountTable(snapshot());
    const c = cell(el, 'Cy Hostile');
    expect(c.querySelector('img, b')).to.equal(null);
    expect(c.querySelector('bdi')!.textContent).to.equal(HOSTILE);
    expect(spoken(c)).to.equal(`${HOSTILE} (monitoring), sup-gone (monitoring)`);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('follows the change stream: a renamed supervisor and a new monitor', async () => {
    const { el, h } = await mountTable(snapshot());
    await h.change({ type: 'supervisor', supervisor: { id: 'sup-kim', name: 'Kim K.' } });
    await h.updateConversation('d', { monitoredBy: ['sup-kim'] });
    await settled(el);
    expect(visible(cell(el, 'Di Nobody'))).to.equal('Kim K.');
    expect(spoken(cell(el, 'Ann Many'))).to.include('Kim K. (monitoring)');
    await expect(el).to.be.accessible();
  });
});
