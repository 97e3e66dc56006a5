import '../../../test/setup.js';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import { Observable, asyncScheduler } from 'rxjs';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import {
  $,
  $$,
  bodyRows,
  cellText,
  customers,
  mountTable,
  openMenu,
  rowOf,
  settled,
  uniqueKey,
} from '../../../test/fixtures/conversations-table.js';
import {
  ALL_ON,
  HUMAN,
  SUPERVISOR_ID,
  conversation,
  representative,
} from '../../../test/fixtures/domain.js';
import { connectedService } from '../../../test/fixtures/element-harness.js';
import { FakeAdapter, smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import { ActionRequestEvent } from '../../events/action-request.js';
import { ViewChangeEvent } from '../../events/view-change.js';
import { SupervisorService, type ConversationView } from '../../service/supervisor-service.js';
import type { OngoingConversationsTable } from './ongoing-conversations-table.js';
import './ongoing-conversations-table.define.js';

const live = (el: OngoingConversationsTable) => $(el, '.live')!;

async function announced(el: OngoingConversationsTable, text: string): Promise<void> {
  await waitUntil(
    () => live(el).textContent?.includes(text),
    `the live region never said "${text}" (it says "${live(el).textContent}")`,
    { timeout: 3000 },
  );
}

/** Opens a filter disclosure (its options render only while open) and finds one option. */
async function filterOption(
  el: OngoingConversationsTable,
  field: string,
  value: string,
): Promise<HTMLInputElement> {
  const details = $<HTMLDetailsElement>(el, `details[data-field="${field}"]`)!;
  if (!details.open) details.querySelector('summary')!.click();
  await el.updateComplete;
  return $<HTMLInputElement>(el, `input[data-field="${field}"][value="${value}"]`)!;
}

/** A snapshot whose times are recent (the default fixtures start at epoch 0). */
function recentSnapshot() {
  const now = Date.now();
  return smallSnapshot({
    conversations: smallSnapshot().conversations.map((c, i) => ({
      ...c,
      enteredQueueAt: now - (i + 1) * 61_000,
      acceptedAt: c.acceptedAt === null ? null : now - (i + 1) * 30_000,
      // The customer wrote when the representative took it, so they wait from then.
      lastCustomerMessageAt: c.acceptedAt === null ? null : now - (i + 1) * 30_000,
    })),
  });
}

describe('<ongoing-conversations-table>', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  describe('rendering', () => {
    it('shows every ongoing conversation of the service, one row each, as an ARIA grid', async () => {
      const { el } = await mountTable(recentSnapshot());
      expect(bodyRows(el)).to.have.length(4);
      const grid = $(el, '[role="grid"]')!;
      expect(grid.getAttribute('aria-label')).to.equal('Ongoing conversations');
      expect(grid.getAttribute('aria-rowcount')).to.equal('5');
      expect(grid.getAttribute('aria-colcount')).to.equal('10');
      expect($(el, '.header-row')!.getAttribute('aria-rowindex')).to.equal('1');
      expect(bodyRows(el).map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal([
        '2',
        '3',
        '4',
        '5',
      ]);
      expect($$(el, '[role="columnheader"]').map((h) => h.textContent!.trim())).to.deep.equal([
        'Customer',
        'Status',
        'Channel',
        'Representative',
        'Queue',
        'Wait',
        'Handle',
        'Sentiment',
        'Monitoring',
        'Actions',
      ]);
      await expect(el).to.be.accessible();
    });

    it('shows each column as text a person can read (icons never alone)', async () => {
      const { el } = await mountTable(recentSnapshot());
      const row = rowOf(el, 'Alice Active');
      expect(cellText(el, row, 'Customer')).to.equal('Alice Active Broken order');
      expect(cellText(el, row, 'Status')).to.equal('Active');
      expect(cellText(el, row, 'Channel')).to.equal('Live chat');
      expect(row.querySelector('.c-channel svg')).to.exist;
      expect(cellText(el, row, 'Representative')).to.equal('Hana Human Available · 0/10');
      expect(cellText(el, row, 'Queue')).to.equal('General');
      expect(cellText(el, row, 'Wait')).to.match(/^0:3\d 3\d seconds$/);
      expect(cellText(el, row, 'Sentiment')).to.equal('Neutral');
      expect(row.querySelector('.c-sentiment svg')).to.exist;
      expect(cellText(el, row, 'Monitoring')).to.equal('— Nobody');
      expect(cellText(el, rowOf(el, 'Olga Open'), 'Wait')).to.match(
        /^2:0\d 2 minutes \d+ seconds?$/,
      );
      const open = rowOf(el, 'Olga Open');
      expect(cellText(el, open, 'Representative')).to.equal('Unassigned');
      expect(cellText(el, open, 'Handle')).to.equal('— Not handled yet');
    });

    it('shows the sentiment on the seven-step scale with icon, colour and words', async () => {
      const steps = [
        'very-negative',
        'negative',
        'slightly-negative',
        'neutral',
        'slightly-positive',
        'positive',
        'very-positive',
      ] as const;
      const { el } = await mountTable(
        smallSnapshot({
          conversations: steps.map((sentiment, i) =>
            conversation({ id: `s-${i}`, customerName: `S${i}`, sentiment }),
          ),
        }),
      );
      const words = steps.map((_, i) => cellText(el, rowOf(el, `S${i}`), 'Sentiment'));
      expect(words).to.deep.equal([
        'Very negative',
        'Negative',
        'Slightly negative',
        'Neutral',
        'Slightly positive',
        'Positive',
        'Very positive',
      ]);
      const tone = (i: number) => rowOf(el, `S${i}`).querySelector('.sentiment')!.className;
      expect(tone(0)).to.include('tone-negative');
      expect(tone(3)).to.include('tone-neutral');
      expect(tone(6)).to.include('tone-positive');
      const color = (i: number) =>
        getComputedStyle(rowOf(el, `S${i}`).querySelector('.sentiment')!).color;
      expect(color(0)).to.not.equal(color(6));
    });

    it('shows escalation, over-capacity, AI agents, pending transfers and who monitors', async () => {
      const busy = representative({
        id: 'rep-busy',
        name: 'Olive Overloaded',
        capacity: { total: 4, used: 6 },
      });
      const snapshot = smallSnapshot({
        representatives: [HUMAN, busy, representative({ id: 'rep-ai', name: 'Botty', kind: 'ai' })],
        conversations: [
          conversation({ id: 'e', customerName: 'Esc', mode: 'video' }),
          conversation({ id: 'o', customerName: 'Over', representativeId: 'rep-busy' }),
          conversation({ id: 'ai', customerName: 'Bot', representativeId: 'rep-ai' }),
          conversation({
            id: 'p',
            customerName: 'Pend',
            monitoredBy: [SUPERVISOR_ID, 'rep-busy'],
            joinedBy: [SUPERVISOR_ID],
            pendingTransfer: {
              fromRepresentativeId: 'rep-human',
              toRepresentativeId: 'rep-busy',
              toQueueId: null,
              requestedAt: 0,
              supervisorId: SUPERVISOR_ID,
            },
          }),
        ],
      });
      const { el } = await mountTable(snapshot);
      expect(cellText(el, rowOf(el, 'Esc'), 'Channel')).to.equal('Live chat, escalated to video');
      expect(cellText(el, rowOf(el, 'Over'), 'Representative')).to.equal(
        'Olive Overloaded Over capacity 6/4',
      );
      expect(cellText(el, rowOf(el, 'Bot'), 'Representative')).to.equal('Botty AI agent');
      expect(cellText(el, rowOf(el, 'Pend'), 'Status')).to.equal('Active Transfer pending');
      // Visible "You joined, NAME", then the spoken full list with each one's role.
      expect(cellText(el, rowOf(el, 'Pend'), 'Monitoring')).to.equal(
        'You joined, Olive Overloaded You (joined), Olive Overloaded (monitoring)',
      );
      await expect(el).to.be.accessible();
    });

    it('renders hostile strings from the backend as text, never as markup', async () => {
      const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
      const { el } = await mountTable(
        smallSnapshot({
          queues: [{ id: 'q-general', name: evil }],
          representatives: [representative({ name: evil })],
          conversations: [conversation({ customerName: evil, subject: `${evil} subject` })],
        }),
      );
      const row = bodyRows(el)[0]!;
      expect(row.querySelector('img, b')).to.equal(null);
      expect(cellText(el, row, 'Customer')).to.include(evil);
      expect(cellText(el, row, 'Queue')).to.equal(evil);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('ticks wait and handle times from one shared clock, without a timer per row', async () => {
      const { el } = await mountTable(recentSnapshot());
      const row = rowOf(el, 'Alice Active');
      const before = cellText(el, row, 'Wait');
      await aTimeout(1100);
      await el.updateComplete;
      expect(cellText(el, rowOf(el, 'Alice Active'), 'Wait')).to.not.equal(before);
    });

    it('truncates long text, with the full value on hover (title) and on focus (tip)', async () => {
      const long = 'A very long subject '.repeat(12).trim();
      const { el } = await mountTable(
        smallSnapshot({
          conversations: [conversation({ customerName: 'Lou Long', subject: long })],
        }),
      );
      const cell = bodyRows(el)[0]!.querySelector<HTMLElement>('.c-customer')!;
      expect(cell.title).to.equal(`Lou Long — ${long}`);
      const clip = cell.querySelectorAll<HTMLElement>('.clip')[1]!;
      expect(clip.scrollWidth).to.be.greaterThan(clip.clientWidth);
      cell.focus();
      const tip = $(el, '.cell-tip')!;
      expect(tip.hidden).to.equal(false);
      expect(tip.textContent).to.equal(`Lou Long — ${long}`);
      expect(tip.getAttribute('aria-hidden')).to.equal('true');
      cell.blur();
      expect(tip.hidden).to.equal(true);
    });

    it('shows when the data was last updated', async () => {
      const { el } = await mountTable();
      expect($(el, '.updated')!.textContent).to.match(/Last updated \d/);
      expect($(el, '.pill')!.textContent!.trim()).to.equal('Live');
    });
  });

  describe('service', () => {
    it('takes the service from an ancestor through context, and follows a swapped service', async () => {
      const first = await connectedService(recentSnapshot());
      const second = await connectedService(
        smallSnapshot({
          conversations: [conversation({ id: 'only', customerName: 'Solo Second' })],
        }),
      );
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const provider = new ContextProvider(host, {
        context: supervisorServiceContext,
        initialValue: first.service,
      });
      const el = document.createElement('ongoing-conversations-table');
      el.persistKey = uniqueKey();
      host.append(el);
      await settled(el);
      expect(el.service).to.equal(first.service);
      expect(bodyRows(el)).to.have.length(4);
      provider.setValue(second.service);
      await settled(el);
      expect(el.service).to.equal(second.service);
      expect(customers(el)).to.deep.equal(['Solo Second']);
      // The first service's changes no longer reach the table.
      await first.updateConversation('active-chat', { customerName: 'Changed' });
      await settled(el);
      expect(customers(el)).to.deep.equal(['Solo Second']);
    });

    it('unsubscribes from the service when removed', async () => {
      const { el, h } = await mountTable(recentSnapshot());
      let subscribed = 0;
      const view$ = h.service.view$.bind(h.service);
      h.service.view$ = (q) =>
        new Observable<ConversationView>((subscriber) => {
          subscribed += 1;
          const sub = view$(q).subscribe(subscriber);
          return () => {
            subscribed -= 1;
            sub.unsubscribe();
          };
        });
      el.filter = { statuses: ['active'] };
      await settled(el);
      expect(customers(el)).to.have.members(['Alice Active', 'Victor Voice']);
      expect(subscribed).to.equal(1);
      el.remove();
      expect(subscribed).to.equal(0);
    });
  });

  describe('states', () => {
    it('loading: skeleton rows until the first snapshot, announced busy', async () => {
      const adapter = new FakeAdapter();
      const service = new SupervisorService(adapter, { frameScheduler: asyncScheduler });
      service.connect();
      const el = await fixture<OngoingConversationsTable>(
        html`<ongoing-conversations-table
          .service=${service}
          persist-key=${uniqueKey()}
        ></ongoing-conversations-table>`,
      );
      await settled(el);
      expect($$(el, '.skeleton').length).to.be.greaterThan(0);
      expect($$(el, '.body-row')).to.have.length(0);
      expect($(el, '[role="grid"]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '.state.loading')!.textContent).to.include('Loading conversations');
      await expect(el).to.be.accessible();
      adapter.emit({ type: 'snapshot', snapshot: smallSnapshot() });
      await settled(el);
      expect($$(el, '.skeleton')).to.have.length(0);
      expect(bodyRows(el)).to.have.length(4);
      expect($(el, '[role="grid"]')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('loading: also while no service is provided yet', async () => {
      const el = await fixture<OngoingConversationsTable>(
        html`<ongoing-conversations-table
          persist-key=${uniqueKey()}
        ></ongoing-conversations-table>`,
      );
      expect($$(el, '.skeleton').length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('empty: a sensible default when nothing is ongoing', async () => {
      const { el } = await mountTable(smallSnapshot({ conversations: [] }));
      expect(bodyRows(el)).to.have.length(0);
      expect($(el, '[part="empty"]')!.textContent).to.include('No ongoing conversations');
      expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('1');
      await expect(el).to.be.accessible();
    });

    it('empty: the host can slot its own content', async () => {
      const h = await connectedService(smallSnapshot({ conversations: [] }));
      const el = await fixture<OngoingConversationsTable>(
        html`<ongoing-conversations-table .service=${h.service} persist-key=${uniqueKey()}
          ><p slot="empty">
            All quiet. <a href="#queues">See queues</a>
          </p></ongoing-conversations-table
        >`,
      );
      await settled(el);
      const slot = $<HTMLSlotElement>(el, 'slot[name="empty"]')!;
      expect(slot.assignedElements()[0]!.textContent).to.include('All quiet');
      await expect(el).to.be.accessible();
    });

    it('empty after filtering: says so and offers to clear the filters', async () => {
      const { el } = await mountTable();
      el.filter = { text: 'nobody has this name' };
      await settled(el);
      const empty = $(el, '[part="empty"]')!;
      expect(empty.textContent).to.include('No conversations match these filters');
      await expect(el).to.be.accessible();
      empty.querySelector('button')!.click();
      await settled(el);
      expect(bodyRows(el)).to.have.length(4);
      expect(el.filter).to.deep.equal({});
    });

    it('error: a message and a retry that reconnects the service', async () => {
      const adapter = new FakeAdapter();
      const service = new SupervisorService(adapter, { frameScheduler: asyncScheduler });
      service.connect();
      adapter.emit({ type: 'status', status: 'offline', message: 'The network is down' });
      const el = await fixture<OngoingConversationsTable>(
        html`<ongoing-conversations-table
          .service=${service}
          persist-key=${uniqueKey()}
        ></ongoing-conversations-table>`,
      );
      await settled(el);
      const error = $(el, '[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.include('Conversations could not be loaded');
      expect(error.textContent).to.include('The network is down');
      await expect(el).to.be.accessible();
      let connects = 0;
      const connect = service.connect.bind(service);
      service.connect = () => {
        connects += 1;
        return connect();
      };
      error.querySelector('button')!.click();
      expect(connects).to.equal(1);
      adapter.emit({ type: 'snapshot', snapshot: smallSnapshot() });
      await settled(el);
      expect($(el, '[part="error"]')).to.equal(null);
      expect(bodyRows(el)).to.have.length(4);
    });

    it('reconnecting: a status banner over the last data, which stays shown', async () => {
      const { el, h } = await mountTable();
      expect($(el, '[part="banner"]')!.textContent!.trim()).to.equal('');
      h.adapter.emit({ type: 'status', status: 'reconnecting' });
      await settled(el);
      const banner = $(el, '[part="banner"]')!;
      expect(banner.getAttribute('role')).to.equal('status');
      expect(banner.textContent).to.include('Reconnecting to the contact centre');
      expect(banner.textContent).to.match(/shows data from \d/);
      expect(bodyRows(el)).to.have.length(4);
      expect($(el, '.pill')!.textContent!.trim()).to.equal('Reconnecting');
      await expect(el).to.be.accessible();
      h.adapter.emit({ type: 'status', status: 'live' });
      await settled(el);
      expect(banner.textContent!.trim()).to.equal('');
    });

    it('offline after data: a banner with a reconnect button', async () => {
      const { el, h } = await mountTable();
      h.adapter.emit({ type: 'status', status: 'offline', message: 'Stream closed' });
      await settled(el);
      const banner = $(el, '[part="banner"]')!;
      expect(banner.textContent).to.include('Offline: Stream closed');
      expect(banner.querySelector('button')!.textContent).to.equal('Reconnect');
      await expect(el).to.be.accessible();
    });

    it('is accessible in dark mode too', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const { el } = await mountTable(recentSnapshot());
      expect(getComputedStyle(el).colorScheme).to.include('dark');
      await expect(el).to.be.accessible();
      await openMenu(el, rowOf(el, 'Olga Open'));
      await expect(el).to.be.accessible();
    });
  });

  describe('live updates', () => {
    it('follows the service: a changed row updates and is highlighted briefly', async () => {
      const { el, h } = await mountTable(recentSnapshot());
      expect(rowOf(el, 'Alice Active').className).to.not.match(/flash-/);
      await h.updateConversation('active-chat', { sentiment: 'very-negative' });
      await settled(el);
      const row = rowOf(el, 'Alice Active');
      expect(cellText(el, row, 'Sentiment')).to.equal('Very negative');
      expect(row.className).to.match(/flash-[01]/);
      expect(row.getAttribute('part')).to.include('row-changed');
      // A highlight layer behind the cells fades (its opacity, which the compositor animates); the
      // row's own background does not animate.
      const flash = getComputedStyle(row, '::after');
      expect(flash.animationName).to.match(/sc-flash/);
      expect(flash.zIndex).to.equal('-1');
      expect(flash.backgroundColor).to.equal('rgb(255, 244, 194)');
      expect(getComputedStyle(row).animationName).to.equal('none');
      // Unchanged rows are not highlighted.
      expect(rowOf(el, 'Olga Open').className).to.not.match(/flash-/);
    });

    it('no highlight animation with prefers-reduced-motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const { el, h } = await mountTable(recentSnapshot());
      await h.updateConversation('active-chat', { sentiment: 'positive' });
      await settled(el);
      const row = rowOf(el, 'Alice Active');
      expect(row.className, 'the change is still marked').to.match(/flash-[01]/);
      expect(getComputedStyle(row, '::after').animationName).to.equal('none');
      expect(getComputedStyle(row).animationName).to.equal('none');
    });

    it('a conversation that closes fades out, then leaves', async () => {
      const { el, h } = await mountTable(recentSnapshot());
      await h.updateConversation('voice-call', { status: 'closed' });
      await settled(el);
      const row = rowOf(el, 'Victor Voice');
      expect(row.classList.contains('closing')).to.equal(true);
      expect(row.getAttribute('part')).to.include('row-closing');
      expect(cellText(el, row, 'Status')).to.equal('Closed');
      expect(getComputedStyle(row).animationName).to.equal('sc-leave');
      // The footer already counts it out.
      expect($(el, '.row-count')!.textContent!.trim()).to.equal('3 of 3 conversations');
      await waitUntil(() => !customers(el).includes('Victor Voice'), 'the closed row stayed', {
        timeout: 3000,
      });
      expect(bodyRows(el)).to.have.length(3);
    });

    it('new conversations appear without a refresh', async () => {
      const { el, h } = await mountTable(recentSnapshot());
      await h.change({
        type: 'conversation',
        conversation: conversation({ id: 'new', customerName: 'Nina New', version: 1 }),
      });
      await settled(el);
      expect(customers(el)).to.include('Nina New');
      expect(rowOf(el, 'Nina New').className).to.match(/flash-/);
      expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('6');
    });
  });

  describe('sorting', () => {
    it('sorts by a column on header click, reversing on a second click, with aria-sort', async () => {
      const { el } = await mountTable(recentSnapshot());
      const header = () => $$(el, '[role="columnheader"]')[0]!;
      expect(header().getAttribute('aria-sort')).to.equal('none');
      // The default sort is by wait time, longest first.
      expect($$(el, '[role="columnheader"]')[5]!.getAttribute('aria-sort')).to.equal('descending');
      const changed = oneEvent(el, ViewChangeEvent.eventName);
      header().querySelector('button')!.click();
      const event = await changed;
      expect(event.detail.sort).to.deep.equal({ key: 'customer', direction: 'asc' });
      expect(event.detail.source).to.equal('user');
      await settled(el);
      expect(header().getAttribute('aria-sort')).to.equal('ascending');
      expect(customers(el)).to.deep.equal([
        'Alice Active',
        'Olga Open',
        'Rita Record',
        'Victor Voice',
      ]);
      await announced(el, 'Sorted by customer, ascending.');
      header().querySelector('button')!.click();
      await settled(el);
      expect(header().getAttribute('aria-sort')).to.equal('descending');
      expect(customers(el)[0]).to.equal('Victor Voice');
      await announced(el, 'Sorted by customer, descending.');
      await expect(el).to.be.accessible();
    });

    it('sorts from the keyboard on a header (Enter)', async () => {
      const { el } = await mountTable(recentSnapshot());
      const button = $$(el, '[role="columnheader"] button')[1]!;
      button.focus();
      const { sendKeys } = await import('@web/test-runner-commands');
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(el.sort).to.deep.equal({ key: 'status', direction: 'asc' });
      expect(customers(el)[0]).to.equal('Olga Open');
    });

    it('has an attention sort: longest wait, worst sentiment, over-capacity first', async () => {
      const now = Date.now();
      const over = representative({ id: 'rep-over', name: 'Ola', capacity: { total: 2, used: 5 } });
      const { el } = await mountTable(
        smallSnapshot({
          representatives: [HUMAN, over],
          conversations: [
            conversation({
              id: 'calm',
              customerName: 'Calm',
              enteredQueueAt: now - 60_000,
              acceptedAt: now - 60_000,
            }),
            conversation({
              id: 'angry',
              customerName: 'Angry',
              sentiment: 'very-negative',
              enteredQueueAt: now - 60_000,
              acceptedAt: now - 60_000,
            }),
            conversation({
              id: 'overloaded',
              customerName: 'Overloaded',
              representativeId: 'rep-over',
              enteredQueueAt: now - 60_000,
              acceptedAt: now - 60_000,
            }),
            conversation({
              id: 'long',
              customerName: 'Long wait',
              status: 'open',
              representativeId: null,
              acceptedAt: null,
              enteredQueueAt: now - 30 * 60_000,
            }),
          ],
        }),
      );
      const toggle = $$<HTMLButtonElement>(el, '.toggle')[0]!;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await settled(el);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(el.sort).to.deep.equal({ key: 'attention', direction: 'desc' });
      expect(customers(el)).to.deep.equal(['Long wait', 'Angry', 'Overloaded', 'Calm']);
      expect($$(el, '[aria-sort="ascending"], [aria-sort="descending"]')).to.have.length(0);
      await announced(el, 'Sorted by attention');
      toggle.click();
      await settled(el);
      expect(el.sort.key).to.equal('wait');
    });
  });

  describe('filtering', () => {
    it('filters by status through the toolbar, and announces the result count', async () => {
      const { el } = await mountTable(recentSnapshot());
      const details = $<HTMLDetailsElement>(el, 'details[data-field="statuses"]')!;
      details.querySelector('summary')!.click();
      await el.updateComplete;
      expect(details.open).to.equal(true);
      await expect(el).to.be.accessible();
      const open = details.querySelector<HTMLInputElement>('input[value="open"]')!;
      const changed = oneEvent(el, ViewChangeEvent.eventName);
      open.click();
      expect((await changed).detail.filter).to.deep.equal({ statuses: ['open'] });
      await settled(el);
      expect(customers(el)).to.deep.equal(['Olga Open']);
      expect(details.querySelector('summary')!.getAttribute('aria-label')).to.equal(
        'Status: 1 selected',
      );
      expect($(el, '.row-count')!.textContent!.trim()).to.equal('1 of 4 conversations');
      await announced(el, '1 of 4 conversations.');
      await expect(el).to.be.accessible();
    });

    it("renders a filter's options only while its disclosure is open", async () => {
      const { el } = await mountTable(recentSnapshot());
      expect($$(el, 'input[data-field="representativeIds"]')).to.have.length(0);
      const details = $<HTMLDetailsElement>(el, 'details[data-field="representativeIds"]')!;
      details.querySelector('summary')!.click();
      await el.updateComplete;
      expect(details.open).to.equal(true);
      expect(
        $$(el, 'input[data-field="representativeIds"]').map(
          (i) => i.nextElementSibling!.textContent,
        ),
      ).to.deep.equal(['Unassigned', 'Botty (AI agent)', 'Hana Human', 'Omar Other']);
      // Opening another closes this one.
      $<HTMLElement>(el, 'details[data-field="channels"] summary')!.click();
      await settled(el);
      expect(details.open).to.equal(false);
      expect($$(el, 'input[data-field="representativeIds"]')).to.have.length(0);
      expect($$(el, 'input[data-field="channels"]')).to.have.length(7);
      // A click elsewhere closes it.
      document.body.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
      );
      await settled(el);
      expect($$(el, 'details[open]')).to.have.length(0);
    });

    it('filters by channel, queue and representative (including "Unassigned")', async () => {
      const { el } = await mountTable(
        smallSnapshot({
          conversations: [
            ...smallSnapshot().conversations,
            conversation({
              id: 'b',
              customerName: 'Bill Billing',
              queueId: 'q-billing',
              channel: 'sms',
            }),
          ],
        }),
      );
      const tick = async (field: string, value: string) => {
        (await filterOption(el, field, value)).click();
        await settled(el);
      };
      await tick('channels', 'voice');
      expect(customers(el)).to.deep.equal(['Victor Voice']);
      await tick('channels', 'voice');
      await tick('queueIds', 'q-billing');
      expect(customers(el)).to.deep.equal(['Bill Billing']);
      await tick('queueIds', 'q-billing');
      await tick('representativeIds', '');
      expect(customers(el)).to.deep.equal(['Olga Open']);
      expect(el.filter).to.deep.equal({ representativeIds: [''] });
    });

    it('filters by a wait-time threshold', async () => {
      const now = Date.now();
      const { el } = await mountTable(
        smallSnapshot({
          conversations: [
            conversation({
              id: 'short',
              customerName: 'Short',
              status: 'open',
              representativeId: null,
              acceptedAt: null,
              enteredQueueAt: now - 30_000,
            }),
            conversation({
              id: 'long',
              customerName: 'Long',
              status: 'open',
              representativeId: null,
              acceptedAt: null,
              enteredQueueAt: now - 6 * 60_000,
            }),
          ],
        }),
      );
      const select = $<HTMLSelectElement>(el, '.wait-filter select')!;
      select.value = '300000';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      expect(el.filter.minWaitMs).to.equal(300_000);
      expect(customers(el)).to.deep.equal(['Long']);
    });

    it('a wait threshold follows the clock: a conversation appears as it crosses it', async () => {
      const { el } = await mountTable(
        smallSnapshot({
          conversations: [
            conversation({
              id: 'soon',
              customerName: 'Soon Long',
              status: 'open',
              representativeId: null,
              acceptedAt: null,
              enteredQueueAt: Date.now() - 59_200,
            }),
          ],
        }),
      );
      el.filter = { minWaitMs: 60_000 };
      await settled(el);
      expect(bodyRows(el)).to.have.length(0);
      await waitUntil(() => customers(el).includes('Soon Long'), 'it never appeared', {
        timeout: 3000,
      });
    });

    it('searches customer, subject, representative and queue names as the supervisor types', async () => {
      const { el } = await mountTable(recentSnapshot());
      const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
      input.value = 'victor';
      input.dispatchEvent(new Event('input'));
      await aTimeout(300);
      await settled(el);
      expect(customers(el)).to.deep.equal(['Victor Voice']);
      expect(el.filter.text).to.equal('victor');
      await announced(el, '1 of 4 conversations.');
      // "Clear filters" resets everything, the search field too.
      $<HTMLButtonElement>(el, '.filters button.link')!.click();
      await settled(el);
      expect(input.value).to.equal('');
      expect(bodyRows(el)).to.have.length(4);
    });

    it('takes filter and sort from the host without firing sc-view-change', async () => {
      const { el } = await mountTable(recentSnapshot());
      let fired = 0;
      el.addEventListener(ViewChangeEvent.eventName, () => (fired += 1));
      el.filter = { channels: ['record'] };
      el.sort = { key: 'customer', direction: 'desc' };
      await settled(el);
      expect(customers(el)).to.deep.equal(['Rita Record']);
      expect(fired).to.equal(0);
      expect((await filterOption(el, 'channels', 'record')).checked).to.be.true;
    });
  });

  describe('saved views', () => {
    it('saves the current view by name, and it survives a reload', async () => {
      const key = uniqueKey();
      const first = await mountTable(recentSnapshot(), key);
      first.el.filter = { statuses: ['active'] };
      first.el.sort = { key: 'customer', direction: 'asc' };
      await settled(first.el);
      const details = $<HTMLDetailsElement>(first.el, 'details.views')!;
      details.open = true;
      const input = details.querySelector<HTMLInputElement>('input[name="name"]')!;
      input.value = 'Active by name';
      details.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await settled(first.el);
      expect(first.el.viewName).to.equal('Active by name');
      expect(first.el.getAttribute('view-name')).to.equal('Active by name');
      expect(first.el.getSavedViews().map((v) => v.name)).to.deep.equal(['Active by name']);
      first.el.remove();

      // "Reload": a new table on the same storage key restores the views and the last one used.
      const second = await mountTable(recentSnapshot(), key);
      expect(second.el.getSavedViews().map((v) => v.name)).to.deep.equal(['Active by name']);
      expect(second.el.viewName).to.equal('Active by name');
      expect(second.el.filter).to.deep.equal({ statuses: ['active'] });
      expect(customers(second.el)).to.deep.equal(['Alice Active', 'Victor Voice']);
      await expect(second.el).to.be.accessible();
      localStorage.removeItem(key);
    });

    it('applies a saved view from the menu, and editing the view clears its name', async () => {
      const key = uniqueKey();
      const { el } = await mountTable(recentSnapshot(), key);
      el.filter = { channels: ['voice'] };
      await settled(el);
      el.saveView('Voice only');
      el.filter = {};
      el.viewName = null;
      await settled(el);
      const details = $<HTMLDetailsElement>(el, 'details.views')!;
      details.open = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const changed = oneEvent(el, ViewChangeEvent.eventName);
      details.querySelector<HTMLButtonElement>('.view-apply')!.click();
      const event = await changed;
      expect(event.detail).to.include({ viewName: 'Voice only', source: 'saved-view' });
      await settled(el);
      expect(details.open).to.equal(false);
      expect(customers(el)).to.deep.equal(['Victor Voice']);
      expect($(el, '.views summary')!.textContent).to.include('Voice only');
      // The supervisor changes the sort: the view is no longer "Voice only".
      $$(el, '[role="columnheader"] button')[0]!.click();
      await settled(el);
      expect(el.viewName).to.equal(null);
      localStorage.removeItem(key);
    });

    it('deletes a saved view', async () => {
      const key = uniqueKey();
      const { el } = await mountTable(recentSnapshot(), key);
      el.saveView('One');
      el.saveView('Two');
      await settled(el);
      $<HTMLDetailsElement>(el, 'details.views')!.open = true;
      await el.updateComplete;
      const deleteOne = $<HTMLButtonElement>(el, '.view-delete[data-view="One"]')!;
      expect(deleteOne.getAttribute('aria-label')).to.equal('Delete view One');
      deleteOne.click();
      await settled(el);
      expect(el.getSavedViews().map((v) => v.name)).to.deep.equal(['Two']);
      await announced(el, 'View "One" deleted.');
      localStorage.removeItem(key);
    });

    it('applies a saved view named by the view-name attribute', async () => {
      const key = uniqueKey();
      localStorage.setItem(
        key,
        JSON.stringify({
          version: 1,
          views: [
            {
              name: 'Records',
              filter: { channels: ['record'] },
              sort: { key: 'wait', direction: 'desc' },
            },
          ],
        }),
      );
      const h = await connectedService(recentSnapshot());
      const el = await fixture<OngoingConversationsTable>(
        html`<ongoing-conversations-table
          .service=${h.service}
          persist-key=${key}
          view-name="Records"
        ></ongoing-conversations-table>`,
      );
      await settled(el);
      expect(customers(el)).to.deep.equal(['Rita Record']);
      localStorage.removeItem(key);
    });

    it('with url-sync, reads the view from the page URL and writes changes back to it', async () => {
      const original = location.href;
      try {
        history.replaceState(
          null,
          '',
          `${location.pathname}?keep=1&view=status:open;sort:customer.asc`,
        );
        const h = await connectedService(recentSnapshot());
        const el = await fixture<OngoingConversationsTable>(
          html`<ongoing-conversations-table
            .service=${h.service}
            persist-key=${uniqueKey()}
            url-sync
          ></ongoing-conversations-table>`,
        );
        await settled(el);
        expect(el.filter).to.deep.equal({ statuses: ['open'] });
        expect(el.sort).to.deep.equal({ key: 'customer', direction: 'asc' });
        expect(customers(el)).to.deep.equal(['Olga Open']);
        // A change by the supervisor goes into the URL (other parameters kept).
        (await filterOption(el, 'statuses', 'active')).click();
        await settled(el);
        expect(location.search).to.equal('?keep=1&view=sort:customer.asc;status:active,open');
        // Back/forward: the URL drives the view.
        history.replaceState(null, '', `${location.pathname}?view=channel:voice`);
        window.dispatchEvent(new PopStateEvent('popstate'));
        await settled(el);
        expect(customers(el)).to.deep.equal(['Victor Voice']);
        expect($(el, '.copy-link')).to.exist;
      } finally {
        history.replaceState(null, '', original);
      }
    });
  });

  describe('row actions', () => {
    it('fires a cancelable sc-action-request for an allowed action, then closes the menu', async () => {
      const { el } = await mountTable(recentSnapshot());
      const row = rowOf(el, 'Alice Active');
      const menu = await openMenu(el, row);
      expect(menu.map((m) => m.label)).to.deep.equal([
        'Monitor',
        'Assign',
        'Transfer',
        'Force close',
      ]);
      expect($(el, '.menu')!.getAttribute('aria-label')).to.equal('Actions for Alice Active');
      expect(row.querySelector('button.actions')!.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
      const requested = oneEvent(el, ActionRequestEvent.eventName);
      $<HTMLElement>(el, '.menu [data-action="transfer"]')!.click();
      const event = await requested;
      expect(event.cancelable).to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.action).to.equal('transfer');
      expect(event.detail.conversationId).to.equal('active-chat');
      expect(event.detail.conversation.customerName).to.equal('Alice Active');
      await el.updateComplete;
      expect($(el, '.menu')!.matches(':popover-open')).to.equal(false);
    });

    it('lets the host veto an action', async () => {
      const { el } = await mountTable(recentSnapshot());
      el.addEventListener(ActionRequestEvent.eventName, (e) => e.preventDefault());
      await openMenu(el, rowOf(el, 'Alice Active'));
      $<HTMLElement>(el, '.menu [data-action="monitor"]')!.click();
      await announced(el, 'Monitor was cancelled.');
    });

    it('a disabled action shows its reason and does nothing when activated', async () => {
      const { el } = await mountTable(recentSnapshot());
      let fired = 0;
      el.addEventListener(ActionRequestEvent.eventName, () => (fired += 1));
      const menu = await openMenu(el, rowOf(el, 'Alice Active'));
      const assign = menu.find((m) => m.label === 'Assign')!;
      expect(assign.disabled).to.equal(true);
      expect(assign.description).to.equal('Only Open conversations can be assigned.');
      expect(assign.title).to.equal('Only Open conversations can be assigned.');
      const item = $<HTMLElement>(el, '.menu [data-action="assign"]')!;
      expect(item.getAttribute('tabindex')).to.not.equal(null);
      item.click();
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect($(el, '.menu')!.matches(':popover-open')).to.equal(true);
      await announced(el, 'Assign is not available: Only Open conversations can be assigned.');
    });

    it('an action whose admin switch is off is not offered at all', async () => {
      const { el } = await mountTable(
        smallSnapshot({ settings: { ...ALL_ON, transfer: false, forceClose: false } }),
      );
      const menu = await openMenu(el, rowOf(el, 'Alice Active'));
      expect(menu.map((m) => m.label)).to.deep.equal(['Monitor', 'Assign']);
      expect($(el, '#keys-help')!.textContent).to.not.include('transfer');
      await expect(el).to.be.accessible();
    });

    it('with every switch off there is no actions column', async () => {
      const off = { monitor: false, assign: false, transfer: false, forceClose: false };
      const { el, h } = await mountTable(smallSnapshot({ settings: off }));
      expect($$(el, '[role="columnheader"]').map((c) => c.textContent!.trim())).to.not.include(
        'Actions',
      );
      expect($(el, '[role="grid"]')!.getAttribute('aria-colcount')).to.equal('9');
      expect($$(el, 'button.actions')).to.have.length(0);
      await expect(el).to.be.accessible();
      // The switches arrive live: the column appears.
      await h.change({ type: 'settings', settings: { ...off, monitor: true } });
      await settled(el);
      expect($$(el, 'button.actions')).to.have.length(4);
    });

    it('closes the menu when its conversation leaves the list', async () => {
      const { el, h } = await mountTable(recentSnapshot());
      await openMenu(el, rowOf(el, 'Victor Voice'));
      await h.change({ type: 'conversation-removed', id: 'voice-call', version: 99 });
      await settled(el);
      expect($(el, '.menu')!.matches(':popover-open')).to.equal(false);
      await announced(el, 'That conversation is no longer in the list.');
    });

    it('the table never calls the backend: actions only fire events', async () => {
      const { el, h } = await mountTable(recentSnapshot());
      el.addEventListener(ActionRequestEvent.eventName, () => {});
      await openMenu(el, rowOf(el, 'Victor Voice'));
      $<HTMLElement>(el, '.menu [data-action="forceClose"]')!.click();
      await settled(el);
      expect(h.adapter.received).to.have.length(0);
    });
  });
});
