import '../../../test/setup.js';
import './supervisor-console.define.js';
import { ContextProvider } from '@lit/context';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { asyncScheduler } from 'rxjs';
import type { SupervisorConsole } from './supervisor-console.js';
import { SimulatedCentre } from '../../adapters/index.js';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import { canTransfer, type Conversation } from '../../domain/index.js';
import { ActionRequestEvent, type ConversationAction } from '../../events/action-request.js';
import { SupervisorService } from '../../service/supervisor-service.js';
import type { AssignDialog } from '../assign-dialog/assign-dialog.js';
import type { MonitorPanel } from '../monitor-panel/monitor-panel.js';
import type { OngoingConversationsTable } from '../ongoing-conversations-table/ongoing-conversations-table.js';
import type { RepresentativesBoard } from '../representatives-board/representatives-board.js';
import type { TransferDialog } from '../transfer-dialog/transfer-dialog.js';
import { SUPERVISOR_ID } from '../../../test/fixtures/domain.js';
import { FakeAdapter, smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import { connectedService, settle, type Harness } from '../../../test/fixtures/element-harness.js';

const inner = <T extends Element>(el: SupervisorConsole, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const table = (el: SupervisorConsole) =>
  inner<OngoingConversationsTable>(el, 'ongoing-conversations-table');

/** Asks for an action as the table does: a cancelable, composed event from inside the table. */
function requestAction(
  el: SupervisorConsole,
  action: ConversationAction,
  c: Conversation,
): ActionRequestEvent {
  const event = new ActionRequestEvent({ action, conversationId: c.id, conversation: c });
  table(el).shadowRoot!.firstElementChild!.dispatchEvent(event);
  return event;
}

async function setup(): Promise<{ h: Harness; el: SupervisorConsole }> {
  const h = await connectedService();
  h.adapter.emit({ type: 'status', status: 'live' });
  const el = await fixture<SupervisorConsole>(
    html`<supervisor-console .service=${h.service}></supervisor-console>`,
  );
  await settle(50);
  return { h, el };
}

describe('<supervisor-console>', () => {
  it('composes the table, board, connection status, transfers and log, and provides the service', async () => {
    const { el, h } = await setup();
    expect(el.activeService).to.equal(h.service);
    expect(el.simulator).to.equal(undefined);
    expect(table(el).service).to.equal(h.service);
    expect(inner<RepresentativesBoard>(el, 'representatives-board').service).to.equal(h.service);
    expect(inner<AssignDialog>(el, 'assign-dialog').service).to.equal(h.service);
    expect(inner(el, '[part="connection"]').textContent).to.include('Live');
    expect(inner(el, '[part="transfers"]').textContent).to.include('No transfer asked for');
    expect(inner(el, '[part="log"] [role="log"]')).to.exist;
    await waitUntil(() => table(el).shadowRoot!.textContent!.includes('Alice Active'), 'rows');
    await expect(el).to.be.accessible();
  });

  it('opens the dialog an action asks for, and returns focus to the opener', async () => {
    const { el, h } = await setup();
    const opener = document.createElement('button');
    opener.textContent = 'Opener';
    document.body.append(opener);
    opener.focus();
    requestAction(el, 'assign', h.service.getConversation('open-chat')!);
    await settle();
    const dialog = inner<AssignDialog>(el, 'assign-dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.conversationId).to.equal('open-chat');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    opener.remove();
  });

  it('opens nothing when the host vetoes the action (even from a document listener)', async () => {
    const { el, h } = await setup();
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('sc-action-request', veto);
    try {
      requestAction(el, 'transfer', h.service.getConversation('active-chat')!);
      await settle();
      expect(inner<TransferDialog>(el, 'transfer-dialog').open).to.equal(false);
    } finally {
      document.removeEventListener('sc-action-request', veto);
    }
  });

  it('monitors in a side panel, and closing it stops monitoring and the transcript', async () => {
    const { el, h } = await setup();
    requestAction(el, 'monitor', h.service.getConversation('active-chat')!);
    await settle();
    const panel = inner<MonitorPanel>(el, 'monitor-panel');
    expect(panel.conversationId).to.equal('active-chat');
    expect(h.adapter.transcripts.has('active-chat')).to.equal(true);
    const cmd = h.adapter.last();
    const c = h.service.state.conversations.get('active-chat')!;
    cmd.answer({ ok: true, conversation: { ...c, version: 9, monitoredBy: [SUPERVISOR_ID] } });
    await settle();
    await expect(el).to.be.accessible();
    panel.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click();
    await settle();
    expect(el.shadowRoot!.querySelector('monitor-panel')).to.equal(null);
    expect(h.adapter.transcripts.has('active-chat')).to.equal(false);
    expect(h.adapter.last().name).to.equal('unmonitor');
  });

  it('selecting a representative on the board filters the table to their conversations', async () => {
    const { el } = await setup();
    const board = inner<RepresentativesBoard>(el, 'representatives-board');
    board.shadowRoot!.querySelector<HTMLButtonElement>('.card[data-id="rep-human"]')!.click();
    await settle();
    expect(table(el).filter.representativeIds).to.deep.equal(['rep-human']);
    await waitUntil(() => !table(el).shadowRoot!.textContent!.includes('Olga Open'), 'filtered');
    expect(table(el).shadowRoot!.textContent).to.include('Alice Active');
    board.shadowRoot!.querySelector<HTMLButtonElement>('.card[data-id="rep-human"]')!.click();
    await settle();
    expect(table(el).filter.representativeIds).to.equal(undefined);
  });

  it("logs this session's interventions and follows a transfer until it is answered", async () => {
    const { el, h } = await setup();
    void h.service.transfer('active-chat', { type: 'representative', id: 'rep-other' });
    await settle();
    expect(inner(el, '[part="log"]').textContent).to.include(
      'Transfer to Omar Other: in progress…',
    );
    h.adapter.last().answer({ ok: true });
    await settle();
    const transfers = () => inner(el, '[part="transfers"]').textContent!.replace(/\s+/g, ' ');
    expect(transfers()).to.include('Alice Active');
    expect(transfers()).to.include('Hana Human → Omar Other');
    expect(transfers()).to.match(/Waiting for Omar Other 0:0\d/);
    await expect(el).to.be.accessible();
    await h.change({
      type: 'transfer-resolved',
      conversationId: 'active-chat',
      outcome: 'accepted',
      toRepresentativeId: 'rep-other',
      at: 1,
    });
    expect(transfers()).to.include('Accepted');
    expect(inner(el, '[part="log"]').textContent).to.include('Omar Other accepted the transfer.');
  });

  it('takes the service from an ancestor that provides it', async () => {
    const h = await connectedService();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(host, { context: supervisorServiceContext, initialValue: h.service });
    const el = document.createElement('supervisor-console');
    host.append(el);
    await el.updateComplete;
    expect(el.activeService).to.equal(h.service);
    expect(el.simulator).to.equal(undefined);
  });

  it('builds its service on a given adapter', async () => {
    const adapter = new FakeAdapter();
    const el = await fixture<SupervisorConsole>(
      html`<supervisor-console .adapter=${adapter}></supervisor-console>`,
    );
    expect(el.activeService?.adapter).to.equal(adapter);
    expect(adapter.connections).to.equal(1);
    adapter.emit({ type: 'snapshot', snapshot: smallSnapshot() });
    el.remove();
    expect(adapter.connections, 'disconnects when removed').to.equal(0);
  });

  it('builds a simulated centre by default, and rebuilds it when its options change', async () => {
    const el = await fixture<SupervisorConsole>(
      html`<supervisor-console
        .simulatorOptions=${{ seed: 5, conversations: 8, changesPerSecond: 0, commandLatencyMs: 5 }}
      ></supervisor-console>`,
    );
    const first = el.simulator!;
    expect(first).to.be.instanceOf(SimulatedCentre);
    expect(first.options.conversations).to.equal(8);
    await waitUntil(() => (el.activeService?.state.conversations.size ?? 0) > 0, 'snapshot', {
      timeout: 4000,
    });
    el.simulatorOptions = { seed: 5, conversations: 12, changesPerSecond: 0, commandLatencyMs: 5 };
    await el.updateComplete;
    expect(el.simulator).not.to.equal(first);
    expect(el.simulator!.options.conversations).to.equal(12);
    expect(first.activeWork, 'the old centre stopped').to.equal(0);
    el.remove();
  });
});

describe('<supervisor-console> on the simulated centre', () => {
  for (const accept of [true, false]) {
    it(`shows a transfer pending, then ${accept ? 'accepted' : 'rejected'}, without a refresh`, async () => {
      const centre = new SimulatedCentre({
        seed: 11,
        conversations: 16,
        changesPerSecond: 0,
        commandLatencyMs: 5,
        transferAnswerDelayMs: 1500,
        transferAcceptProbability: accept ? 1 : 0,
      });
      const service = new SupervisorService(centre, { frameScheduler: asyncScheduler });
      const el = await fixture<SupervisorConsole>(
        html`<supervisor-console .service=${service}></supervisor-console>`,
      );
      await waitUntil(() => service.state.conversations.size > 0, 'snapshot');
      const ctx = service.ruleContext;
      const c = [...service.state.conversations.values()].find((x) => canTransfer(ctx, x).allowed)!;
      requestAction(el, 'transfer', c);
      await settle();
      const dialog = inner<TransferDialog>(el, 'transfer-dialog');
      expect(dialog.open).to.equal(true);
      const option = dialog.shadowRoot!.querySelector<HTMLElement>('.option')!;
      const targetName = option.querySelector('.name')!.textContent!;
      option.querySelector('input')!.click();
      await dialog.updateComplete;
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('.footer button.primary')!.click();
      const dialogText = () => dialog.shadowRoot!.querySelector('dialog')!.textContent!;
      await waitUntil(() => dialogText().includes(`Waiting for ${targetName}`), 'waiting');
      // Close the dialog: the console's transfers list keeps following it.
      const transfers = () => inner(el, '[part="transfers"]').textContent!;
      await waitUntil(() => transfers().includes(`Waiting for ${targetName}`), 'pending listed');
      await expect(dialog).to.be.accessible();
      dialog.close();
      const resolved = oneEvent(dialog, 'sc-transfer-resolved');
      await waitUntil(() => transfers().includes(accept ? 'Accepted' : 'Rejected'), 'answered', {
        timeout: 5000,
      });
      expect((await resolved).detail.outcome).to.equal(accept ? 'accepted' : 'rejected');
      const now = service.getConversation(c.id)!;
      if (accept) {
        expect(now.representativeId).not.to.equal(c.representativeId);
        expect(now.consultantIds).to.include(c.representativeId);
      } else {
        expect(now.representativeId).to.equal(c.representativeId);
      }
      await expect(el).to.be.accessible();
      el.remove();
      service.dispose();
      centre.dispose();
    });
  }
});
