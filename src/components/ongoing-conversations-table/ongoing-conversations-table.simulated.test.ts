/** The table on the simulated contact centre: a live, changing service, as in the demo. */
import '../../../test/setup.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { asyncScheduler } from 'rxjs';
import {
  $,
  bodyRows,
  openMenu,
  settled,
  uniqueKey,
} from '../../../test/fixtures/conversations-table.js';
import { SimulatedCentre } from '../../adapters/index.js';
import { actionVerdicts, isActionEnabled } from '../../domain/index.js';
import { ActionRequestEvent } from '../../events/action-request.js';
import { SupervisorService } from '../../service/supervisor-service.js';
import type { OngoingConversationsTable } from './ongoing-conversations-table.js';
import { ROW_ACTIONS } from './row-actions.js';
import './ongoing-conversations-table.define.js';

interface Simulated {
  readonly centre: SimulatedCentre;
  readonly service: SupervisorService;
  readonly el: OngoingConversationsTable;
}

const running: Simulated[] = [];

async function simulated(options: ConstructorParameters<typeof SimulatedCentre>[0] = {}) {
  const centre = new SimulatedCentre({
    seed: 11,
    conversations: 300,
    changesPerSecond: 40,
    commandLatencyMs: 10,
    reconnectDelayMs: 300,
    ...options,
  });
  const service = new SupervisorService(centre, { frameScheduler: asyncScheduler });
  service.connect();
  const el = await fixture<OngoingConversationsTable>(
    html`<ongoing-conversations-table
      .service=${service}
      persist-key=${uniqueKey()}
      style="--sc-table-height: 560px"
    ></ongoing-conversations-table>`,
  );
  await waitUntil(() => bodyRows(el).length > 0, 'no rows from the simulated centre', {
    timeout: 5000,
  });
  await settled(el);
  const sim = { centre, service, el };
  running.push(sim);
  return sim;
}

describe('<ongoing-conversations-table> on the simulated contact centre', () => {
  afterEach(() => {
    for (const { service, centre } of running.splice(0)) {
      service.dispose();
      centre.dispose();
    }
  });

  it('renders the simulated conversations and follows their changes live', async () => {
    const { el, service } = await simulated();
    const total = service.computeView(service.state, {}).total;
    expect(total).to.be.greaterThan(200);
    // Closing conversations stay a moment (status Closed), so the count may run a little ahead.
    const rowcount = Number($(el, '[role="grid"]')!.getAttribute('aria-rowcount'));
    expect(rowcount - 1).to.be.closeTo(total, 10);
    expect($(el, '.pill')!.textContent!.trim()).to.equal('Live');
    const firstUpdate = service.state.connection.lastUpdateAt!;
    // Changes keep arriving without any refresh: the update time moves, changed rows get highlighted.
    await waitUntil(
      () => (service.state.connection.lastUpdateAt ?? 0) > firstUpdate,
      'no change arrived',
      { timeout: 5000 },
    );
    await waitUntil(() => bodyRows(el).some((r) => /flash-/.test(r.className)), 'no row changed', {
      timeout: 5000,
    });
    await expect(el).to.be.accessible();
  });

  it("offers each visible row's actions exactly as the domain rules decide", async () => {
    const { el, service, centre } = await simulated({ changesPerSecond: 0 });
    const ctx = service.ruleContext;
    expect(centre.settings).to.deep.equal(ctx.settings);
    const rows = bodyRows(el).slice(0, 8);
    for (const row of rows) {
      const c = service.state.conversations.get(
        service.computeView(service.state, { sort: el.sort }).rows[Number(row.dataset.index)]!.id,
      )!;
      const verdicts = actionVerdicts(ctx, c);
      const expected = ROW_ACTIONS.filter((a) => isActionEnabled(ctx.settings, a.action)).map(
        (a) => {
          const v = verdicts[a.action];
          return { label: a.label, disabled: !v.allowed, description: v.allowed ? '' : v.detail };
        },
      );
      const menu = await openMenu(el, row);
      expect(
        menu.map(({ label, disabled, description }) => ({ label, disabled, description })),
        c.customerName,
      ).to.deep.equal(expected);
    }
  });

  it('requests an action with the conversation as the supervisor saw it', async () => {
    const { el, service } = await simulated({ changesPerSecond: 0 });
    const row = bodyRows(el)[0]!;
    const menu = await openMenu(el, row);
    const allowed = menu.find((m) => !m.disabled);
    expect(allowed, 'the first row has an allowed action').to.exist;
    const item = [...$(el, '.menu')!.querySelectorAll<HTMLElement>('[role="menuitem"]')].find(
      (i) => i.getAttribute('aria-disabled') === 'false',
    )!;
    const requested = oneEvent(el, ActionRequestEvent.eventName);
    item.click();
    const event = await requested;
    expect(event.detail.conversation).to.equal(
      service.getConversation(event.detail.conversationId),
    );
  });

  it('shows the reconnecting banner while the stream is down, then recovers', async () => {
    const { el, centre } = await simulated({ changesPerSecond: 5 });
    centre.dropStream(400);
    await waitUntil(() => $(el, '[part="banner"]')!.textContent!.includes('Reconnecting'), '', {
      timeout: 2000,
    });
    expect(bodyRows(el).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await waitUntil(() => $(el, '[part="banner"]')!.textContent!.trim() === '', 'never recovered', {
      timeout: 3000,
    });
    expect($(el, '.pill')!.textContent!.trim()).to.equal('Live');
  });

  it('an admin switch turned off live removes that action from the menus', async () => {
    const { el, centre } = await simulated({ changesPerSecond: 0 });
    centre.setSettings({ transfer: false });
    await settled(el, 50);
    const menu = await openMenu(el, bodyRows(el)[0]!);
    expect(menu.map((m) => m.label)).to.not.include('Transfer');
    expect(menu.map((m) => m.label)).to.include('Monitor');
  });
});
