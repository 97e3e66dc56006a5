/** Attention alerts and stuck conversations in <ongoing-conversations-table> (#11). */
import '../../../test/setup.js';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  $,
  $$,
  bodyRows,
  mountTable,
  settled,
  uniqueKey,
} from '../../../test/fixtures/conversations-table.js';
import {
  ALL_ON,
  HUMAN,
  OTHER_HUMAN,
  conversation,
  representative,
} from '../../../test/fixtures/domain.js';
import { connectedService } from '../../../test/fixtures/element-harness.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import { asyncScheduler } from 'rxjs';
import { SimulatedCentre } from '../../adapters/index.js';
import {
  attentionReasons,
  isStuck,
  stuckSuggestion,
  type Conversation,
} from '../../domain/index.js';
import { SupervisorService } from '../../service/supervisor-service.js';
import { ActionRequestEvent } from '../../events/action-request.js';
import { ViewChangeEvent } from '../../events/view-change.js';
import type { OngoingConversationsTable } from './ongoing-conversations-table.js';
import './ongoing-conversations-table.define.js';

const live = (el: OngoingConversationsTable) => $(el, '.live')!;

/** The customers whose rows are marked, in row order. */
function marked(el: OngoingConversationsTable): string[] {
  return bodyRows(el)
    .filter((r) => r.querySelector('[part="alert"]'))
    .map((r) => r.querySelector('.c-customer .primary')!.textContent!.trim());
}

function rowOf(el: OngoingConversationsTable, customer: string): HTMLElement {
  const row = bodyRows(el).find(
    (r) => r.querySelector('.c-customer .primary')?.textContent?.trim() === customer,
  );
  if (!row) throw new Error(`No row for ${customer}`);
  return row;
}

/** The row's accessible description (what its aria-describedby points to). */
function description(el: OngoingConversationsTable, row: HTMLElement): string {
  const id = row.getAttribute('aria-describedby');
  return id ? (el.shadowRoot!.getElementById(id)?.textContent ?? '').trim() : '';
}

/** An open, unassigned conversation whose customer has waited `ms`. */
function waiting(id: string, customerName: string, ms: number, extra: Partial<Conversation> = {}) {
  return conversation({
    id,
    customerName,
    status: 'open',
    representativeId: null,
    acceptedAt: null,
    enteredQueueAt: Date.now() - ms,
    ...extra,
  });
}

/** An active conversation with `rep`, the customer waiting `ms` since their last message. */
function activeWith(id: string, customerName: string, repId: string, ms: number) {
  const at = Date.now() - ms;
  return conversation({
    id,
    customerName,
    representativeId: repId,
    enteredQueueAt: at - 60_000,
    acceptedAt: at - 30_000,
    lastCustomerMessageAt: at,
  });
}

async function mountWith(conversations: Conversation[], reps = [HUMAN, OTHER_HUMAN]) {
  const setup = await mountTable(smallSnapshot({ representatives: reps, conversations }));
  return setup;
}

describe('<ongoing-conversations-table> attention alerts', () => {
  it('marks exactly the rows over the wait limit (strictly greater), with the reasons described', async () => {
    const { el } = await mountWith([
      waiting('over', 'Otto Over', 5 * 60_000 + 10_000),
      waiting('under', 'Una Under', 5 * 60_000 - 10_000),
      // Nobody waiting: accepted, and the customer has not written since.
      conversation({ id: 'none', customerName: 'Nora Nobody', acceptedAt: Date.now() - 900_000 }),
    ]);
    el.thresholds = { maxWaitMs: 5 * 60_000 };
    await settled(el);
    expect(marked(el)).to.deep.equal(['Otto Over']);
    const row = rowOf(el, 'Otto Over');
    expect(row.getAttribute('part')).to.include('row-alert');
    expect(row.classList.contains('alerting')).to.equal(true);
    expect(row.querySelector('[part="alert"]')!.textContent).to.include('Alert');
    expect(description(el, row)).to.match(/^Needs attention: Waiting 5 min \(limit 5 min\)\./);
    expect(rowOf(el, 'Una Under').hasAttribute('aria-describedby')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('marks sentiment at or below the step, and representatives over capacity (used > total)', async () => {
    const over = representative({
      id: 'rep-over',
      name: 'Ola Over',
      capacity: { total: 2, used: 3 },
    });
    const full = representative({
      id: 'rep-full',
      name: 'Fay Full',
      capacity: { total: 2, used: 2 },
    });
    const { el } = await mountWith(
      [
        activeWith('vneg', 'Vera VeryNeg', HUMAN.id, 0),
        activeWith('neg', 'Ned Neg', HUMAN.id, 0),
        activeWith('sneg', 'Sid SlightNeg', HUMAN.id, 0),
        activeWith('cap', 'Carl Capacity', 'rep-over', 0),
        activeWith('full', 'Fred Full', 'rep-full', 0),
      ].map((c) =>
        c.id === 'vneg'
          ? { ...c, sentiment: 'very-negative' as const }
          : c.id === 'neg'
            ? { ...c, sentiment: 'negative' as const }
            : c.id === 'sneg'
              ? { ...c, sentiment: 'slightly-negative' as const }
              : c,
      ),
      [HUMAN, OTHER_HUMAN, over, full],
    );
    el.sort = { key: 'customer', direction: 'asc' };
    el.thresholds = { sentimentAtOrBelow: 'negative' };
    await settled(el);
    expect(marked(el)).to.deep.equal(['Ned Neg', 'Vera VeryNeg']);
    expect(description(el, rowOf(el, 'Vera VeryNeg'))).to.include('Sentiment is Very negative');
    el.thresholds = { representativeOverCapacity: true };
    await settled(el);
    expect(marked(el)).to.deep.equal(['Carl Capacity']);
    expect(description(el, rowOf(el, 'Carl Capacity'))).to.include(
      'Ola Over is over capacity by 1 unit.',
    );
    await expect(el).to.be.accessible();
  });

  it('follows the clock: a row is marked as it crosses the wait limit, and that is announced politely', async () => {
    const { el } = await mountWith([waiting('soon', 'Soon Long', 59_200)]);
    el.thresholds = { maxWaitMs: 60_000 };
    await settled(el);
    expect(marked(el)).to.deep.equal([]);
    await waitUntil(() => marked(el).length === 1, 'the row was never marked', { timeout: 3000 });
    const region = live(el);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(
      () => region.textContent!.includes('Soon Long needs attention: Waiting 1 min (limit 1 min).'),
      `not announced (live region says "${region.textContent}")`,
      { timeout: 3000 },
    );
  });

  it('rate-limits announcements and collapses several crossings into one count', async () => {
    const { el, h } = await mountWith([
      activeWith('a', 'Ann One', HUMAN.id, 0),
      activeWith('b', 'Ben Two', HUMAN.id, 0),
      activeWith('c', 'Cy Three', HUMAN.id, 0),
    ]);
    el.announceIntervalMs = 2500;
    el.thresholds = { sentimentAtOrBelow: 'negative' };
    await settled(el);
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      const text = live(el).textContent ?? '';
      if (text) said.push(text);
    });
    observer.observe(live(el), { childList: true, characterData: true, subtree: true });
    await h.updateConversation('a', { sentiment: 'very-negative' });
    await waitUntil(() => said.some((t) => t.startsWith('Ann One needs attention')), 'first', {
      timeout: 3000,
    });
    const firstAt = Date.now();
    await h.updateConversation('b', { sentiment: 'negative' });
    await h.updateConversation('c', { sentiment: 'very-negative' });
    await waitUntil(() => said.includes('2 conversations need attention.'), 'collapsed', {
      timeout: 5000,
    });
    // Not before the window ended; nothing about Ben or Cy on their own.
    expect(Date.now() - firstAt).to.be.greaterThan(2000);
    expect(said.filter((t) => /needs attention/.test(t))).to.have.length(1);
    observer.disconnect();
  });

  it('sets thresholds in the Alerts panel (labelled controls), fires sc-view-change and marks rows', async () => {
    const { el } = await mountWith([
      waiting('over', 'Otto Over', 3 * 60_000),
      waiting('under', 'Una Under', 60_000),
    ]);
    const details = $<HTMLDetailsElement>(el, 'details.alerts')!;
    expect(details.getAttribute('part')).to.include('alerts');
    details.querySelector('summary')!.click();
    await settled(el);
    expect(details.open).to.equal(true);
    await expect(el).to.be.accessible();
    const form = details.querySelector('form')!;
    const labels = [...form.querySelectorAll('label')].map((l) =>
      l.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).to.include.members([
      'Waiting longer than (minutes)',
      'Representative over capacity',
      'Stuck after (minutes)',
    ]);
    const wait = form.querySelector<HTMLInputElement>('input[name="wait"]')!;
    wait.value = '2';
    const changed = oneEvent(el, ViewChangeEvent.eventName);
    wait.dispatchEvent(new Event('change', { bubbles: true }));
    const event = await changed;
    expect(event.detail.thresholds).to.deep.equal({ maxWaitMs: 120_000 });
    expect(event.detail.encoded).to.include('await:120');
    expect(el.thresholds).to.deep.equal({ maxWaitMs: 120_000 });
    await settled(el);
    expect(marked(el)).to.deep.equal(['Otto Over']);
    await waitUntil(
      () => live(el).textContent!.includes('Alerts on: 1 needs attention.'),
      'count',
      {
        timeout: 2000,
      },
    );
    const summary = details.querySelector('summary')!;
    await waitUntil(() => summary.textContent!.includes('(1 needs attention)'), 'summary count');
    expect(summary.querySelector('.alert-count')!.textContent).to.equal('1');
    const sentiment = form.querySelector<HTMLSelectElement>('select[name="sentiment"]')!;
    sentiment.value = 'negative';
    sentiment.dispatchEvent(new Event('change', { bubbles: true }));
    await settled(el);
    expect(el.thresholds).to.deep.equal({ maxWaitMs: 120_000, sentimentAtOrBelow: 'negative' });
    await expect(el).to.be.accessible();
  });

  it('saves thresholds with a view and restores them; hostile stored values are ignored', async () => {
    const key = uniqueKey();
    const h = await connectedService(
      smallSnapshot({ conversations: [waiting('over', 'Otto Over', 3 * 60_000)] }),
    );
    const el = await fixture<OngoingConversationsTable>(
      html`<ongoing-conversations-table
        .service=${h.service}
        persist-key=${key}
      ></ongoing-conversations-table>`,
    );
    await settled(el);
    el.thresholds = { maxWaitMs: 120_000, representativeOverCapacity: true, stuckAfterMs: 60_000 };
    expect(el.saveView('Hot')).to.equal(true);
    const stored = JSON.parse(localStorage.getItem(key)!);
    expect(stored.views[0].thresholds).to.deep.equal({
      maxWaitMs: 120_000,
      representativeOverCapacity: true,
      stuckAfterMs: 60_000,
    });
    el.thresholds = {};
    await settled(el);
    expect(marked(el)).to.deep.equal([]);
    expect(el.applyView('Hot')).to.equal(true);
    await settled(el);
    expect(el.thresholds).to.deep.equal({
      maxWaitMs: 120_000,
      representativeOverCapacity: true,
      stuckAfterMs: 60_000,
    });
    expect(marked(el)).to.deep.equal(['Otto Over']);

    // Someone edits storage: nothing of it is trusted, nothing breaks.
    localStorage.setItem(
      key,
      JSON.stringify({
        version: 1,
        views: [
          {
            name: 'Evil',
            filter: {},
            sort: { key: 'wait', direction: 'desc' },
            thresholds: {
              maxWaitMs: '300000',
              sentimentAtOrBelow: '<img src=x onerror=alert(1)>',
              representativeOverCapacity: 'yes',
              stuckAfterMs: -5,
              __proto__: { polluted: true },
            },
          },
          { name: 'Junk', filter: {}, sort: {}, thresholds: 'await:1' },
        ],
      }),
    );
    expect(el.applyView('Evil')).to.equal(true);
    await settled(el);
    expect(el.thresholds).to.deep.equal({});
    expect(el.applyView('Junk')).to.equal(true);
    expect(el.thresholds).to.deep.equal({});
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    h.service.dispose();
  });

  it('reads thresholds from the URL (url-sync), writes them back, and ignores hostile values', async () => {
    const original = location.href;
    try {
      history.replaceState(
        null,
        '',
        '?view=sort:customer.asc;await:120;asent:%3Cb%3E;astuck:abc;acap:1',
      );
      const { h } = await mountTable();
      const el = await fixture<OngoingConversationsTable>(
        html`<ongoing-conversations-table
          .service=${h.service}
          persist-key=${uniqueKey()}
          url-sync
        ></ongoing-conversations-table>`,
      );
      await settled(el);
      expect(el.sort).to.deep.equal({ key: 'customer', direction: 'asc' });
      expect(el.thresholds).to.deep.equal({ maxWaitMs: 120_000, representativeOverCapacity: true });
      el.thresholds = { stuckAfterMs: 90_000 };
      // The supervisor's own change (through the panel) goes to the URL.
      const details = $<HTMLDetailsElement>(el, 'details.alerts')!;
      details.querySelector('summary')!.click();
      await settled(el);
      const stuck = details.querySelector<HTMLInputElement>('input[name="stuck"]')!;
      expect(stuck.value).to.equal('1.5');
      stuck.value = '3';
      stuck.dispatchEvent(new Event('change', { bubbles: true }));
      await settled(el);
      expect(location.search).to.include('astuck:180');
      expect(location.search).to.include('sort:customer.asc');

      // Hostile link: absurd numbers and junk are dropped; the table still works.
      history.replaceState(null, '', '?view=await:99999999999;asent:__proto__;acap:2;astuck:0;%%%');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await settled(el);
      expect(el.thresholds).to.deep.equal({});
      expect(bodyRows(el).length).to.be.greaterThan(0);
    } finally {
      history.replaceState(null, '', original);
    }
  });
});

describe('<ongoing-conversations-table> stuck conversations', () => {
  const away = { ...HUMAN, presence: 'away' as const };

  it('flags a stuck row with "Reassign to NAME"; the button requests the transfer to that person', async () => {
    const { el } = await mountWith(
      [
        activeWith('stuck', 'Sue Stuck', HUMAN.id, 130_000),
        activeWith('fresh', 'Fin Fresh', HUMAN.id, 30_000),
      ],
      [away, OTHER_HUMAN],
    );
    el.thresholds = { stuckAfterMs: 120_000 };
    await settled(el);
    expect(marked(el)).to.deep.equal(['Sue Stuck']);
    const row = rowOf(el, 'Sue Stuck');
    expect(row.getAttribute('part')).to.include('row-stuck');
    expect(row.querySelector('[part="alert"]')!.textContent).to.include('Stuck');
    expect(description(el, row)).to.match(
      /^Stuck: Hana Human is Away; the customer has waited 2 min\. Press R to reassign it to Omar Other\.$/,
    );
    const button = row.querySelector<HTMLButtonElement>('button[part="reassign"]')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Reassign to Omar Other');
    expect(button.tabIndex).to.equal(-1);
    await expect(el).to.be.accessible();
    const requested = oneEvent(el, ActionRequestEvent.eventName);
    button.click();
    const event = await requested;
    expect(event.detail.action).to.equal('transfer');
    expect(event.detail.conversationId).to.equal('stuck');
    expect(event.detail.target).to.deep.equal({ type: 'representative', id: OTHER_HUMAN.id });
  });

  it('the row shortcut R does the same from the keyboard', async () => {
    const { el } = await mountWith(
      [activeWith('stuck', 'Sue Stuck', HUMAN.id, 130_000)],
      [away, OTHER_HUMAN],
    );
    el.thresholds = { stuckAfterMs: 120_000 };
    await settled(el);
    const cell = rowOf(el, 'Sue Stuck').querySelector<HTMLElement>('.c-customer')!;
    cell.focus();
    const requested = oneEvent(el, ActionRequestEvent.eventName);
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true, composed: true }));
    const event = await requested;
    expect(event.detail.target).to.deep.equal({ type: 'representative', id: OTHER_HUMAN.id });
  });

  it('with nobody free, says so and offers the transfer dialog (a request without a target)', async () => {
    const busy = { ...OTHER_HUMAN, presence: 'busy' as const };
    const { el } = await mountWith(
      [activeWith('stuck', 'Sue Stuck', HUMAN.id, 130_000)],
      [away, busy],
    );
    el.thresholds = { stuckAfterMs: 120_000 };
    await settled(el);
    const row = rowOf(el, 'Sue Stuck');
    expect(row.querySelector('.reassign-line')!.textContent).to.include('Nobody free');
    expect(description(el, row)).to.include('press R to choose in the transfer dialog');
    const requested = oneEvent(el, ActionRequestEvent.eventName);
    row.querySelector<HTMLButtonElement>('button[part="reassign"]')!.click();
    const event = await requested;
    expect(event.detail.action).to.equal('transfer');
    expect(event.detail.target).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('offers no step while the transfer switch is off (the row is still flagged)', async () => {
    const h = await connectedService(
      smallSnapshot({
        settings: { ...ALL_ON, transfer: false },
        representatives: [away, OTHER_HUMAN],
        conversations: [activeWith('stuck', 'Sue Stuck', HUMAN.id, 130_000)],
      }),
    );
    const el = await fixture<OngoingConversationsTable>(
      html`<ongoing-conversations-table
        .service=${h.service}
        persist-key=${uniqueKey()}
        .thresholds=${{ stuckAfterMs: 120_000 }}
      ></ongoing-conversations-table>`,
    );
    await settled(el);
    const row = rowOf(el, 'Sue Stuck');
    expect(row.querySelector('[part="alert"]')).to.exist;
    expect(row.querySelector('button[part="reassign"]')).to.equal(null);
    expect(description(el, row)).to.not.include('reassign');
    let fired = 0;
    el.addEventListener(ActionRequestEvent.eventName, () => fired++);
    row.querySelector<HTMLElement>('.c-customer')!.focus();
    row
      .querySelector<HTMLElement>('.c-customer')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true, composed: true }));
    await aTimeout(20);
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
    h.service.dispose();
  });

  it('renders hostile names as text in the mark, the description and the button', async () => {
    const evil = '<img src=x onerror="window.__pwnedStuck=1"><b>x</b>';
    const { el } = await mountWith(
      [{ ...activeWith('stuck', evil, HUMAN.id, 130_000), sentiment: 'very-negative' as const }],
      [
        { ...away, name: evil },
        { ...OTHER_HUMAN, name: `${evil} 2` },
      ],
    );
    el.thresholds = { stuckAfterMs: 120_000, sentimentAtOrBelow: 'negative' };
    await settled(el);
    const row = bodyRows(el)[0]!;
    expect(row.querySelector('img, b')).to.equal(null);
    expect(description(el, row)).to.include(`Stuck: ${evil} is Away`);
    expect(row.querySelector('button[part="reassign"]')!.textContent).to.include(`${evil} 2`);
    expect($$(el, 'img')).to.have.length(0);
    expect((window as { __pwnedStuck?: number }).__pwnedStuck).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

describe('<ongoing-conversations-table> alerts on the simulated contact centre', () => {
  it('marks every visible row exactly as the domain decides, and offers the suggested person', async () => {
    const centre = new SimulatedCentre({ seed: 31, conversations: 60, changesPerSecond: 0 });
    const service = new SupervisorService(centre, { frameScheduler: asyncScheduler });
    service.connect();
    try {
      const thresholds = {
        maxWaitMs: 3 * 60_000,
        sentimentAtOrBelow: 'negative' as const,
        representativeOverCapacity: true,
        stuckAfterMs: 90_000,
      };
      const el = await fixture<OngoingConversationsTable>(
        html`<ongoing-conversations-table
          .service=${service}
          persist-key=${uniqueKey()}
          .thresholds=${thresholds}
          style="--sc-table-height: 2400px"
        ></ongoing-conversations-table>`,
      );
      await waitUntil(() => bodyRows(el).length > 0, 'no rows', { timeout: 5000 });
      await settled(el);
      const ctx = service.ruleContext;
      const now = service.now();
      const rows = service.computeView(service.state, { sort: el.sort }).rows;
      let stuckSeen = 0;
      let alertSeen = 0;
      for (const row of bodyRows(el)) {
        const c = rows[Number(row.dataset.index)]!;
        const rep = c.representativeId ? ctx.representatives.get(c.representativeId) : undefined;
        // Rendered a few ms after `now`: rows within a moment of a limit may go either way.
        const at = (t: number) =>
          attentionReasons(c, rep, thresholds, t).length > 0 ||
          isStuck(c, rep, t, thresholds.stuckAfterMs);
        const alerting = at(now);
        const stuck = isStuck(c, rep, now, thresholds.stuckAfterMs);
        const shown = row.querySelector('[part="alert"]') !== null;
        if (alerting === at(now + 1500)) {
          expect(shown, `${c.customerName} (${c.id})`).to.equal(alerting);
        }
        if (shown) alertSeen++;
        if (stuck) {
          stuckSeen++;
          const s = stuckSuggestion(ctx, c);
          const button = row.querySelector('button[part="reassign"]');
          if (s.candidate) {
            expect(button!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
              `Reassign to ${s.candidate.representative.name}`,
            );
          }
        }
      }
      expect(alertSeen).to.be.greaterThan(3);
      expect(stuckSeen, 'the seed-31 centre has stuck conversations').to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    } finally {
      service.dispose();
      centre.dispose();
    }
  });
});
