/** <supervisor-console>: alert thresholds pass through, and a stuck row's one-step reassign (#11). */
import '../../../test/setup.js';
import './supervisor-console.define.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SupervisorConsole } from './supervisor-console.js';
import { ALL_ON, HUMAN, OTHER_HUMAN, conversation } from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import { connectedService, settle, type Harness } from '../../../test/fixtures/element-harness.js';
import type { OngoingConversationsTable } from '../ongoing-conversations-table/ongoing-conversations-table.js';
import type { TransferDialog } from '../transfer-dialog/transfer-dialog.js';

const inner = <T extends Element = HTMLElement>(el: SupervisorConsole, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const table = (el: SupervisorConsole) =>
  inner<OngoingConversationsTable>(el, 'ongoing-conversations-table');

/** Sue's customer has waited 2 min 10 s on Hana, who is away; Omar is free. */
async function setup(transfer = true): Promise<{ h: Harness; el: SupervisorConsole }> {
  const at = Date.now() - 130_000;
  const h = await connectedService(
    smallSnapshot({
      settings: { ...ALL_ON, transfer },
      representatives: [{ ...HUMAN, presence: 'away' }, OTHER_HUMAN],
      conversations: [
        conversation({
          id: 'stuck',
          customerName: 'Sue Stuck',
          enteredQueueAt: at - 60_000,
          acceptedAt: at - 30_000,
          lastCustomerMessageAt: at,
        }),
      ],
    }),
  );
  h.adapter.emit({ type: 'status', status: 'live' });
  const el = await fixture<SupervisorConsole>(
    html`<supervisor-console
      .service=${h.service}
      alert-thresholds="astuck:120;acap:1"
    ></supervisor-console>`,
  );
  await settle(50);
  await waitUntil(() => table(el).shadowRoot!.textContent!.includes('Sue Stuck'), 'rows');
  await table(el).updateComplete;
  return { h, el };
}

const reassignButton = (el: SupervisorConsole) =>
  table(el).shadowRoot!.querySelector<HTMLButtonElement>('button[part="reassign"]');

describe('<supervisor-console> stuck conversations', () => {
  it('passes its alert-thresholds to the table', async () => {
    const { el } = await setup();
    expect(el.thresholds).to.deep.equal({
      stuckAfterMs: 120_000,
      representativeOverCapacity: true,
    });
    expect(table(el).thresholds).to.equal(el.thresholds);
  });

  it('"Reassign to NAME" sends the transfer to that person directly, logs and announces it', async () => {
    const { el, h } = await setup();
    const button = reassignButton(el)!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Reassign to Omar Other');
    await expect(el).to.be.accessible();
    button.click();
    await settle();
    // No dialog: the one step is the transfer itself, through the service and its rules.
    expect(inner<TransferDialog>(el, 'transfer-dialog').open).to.equal(false);
    const sent = h.adapter.last();
    expect(sent.name).to.equal('transfer');
    expect(sent.command.conversationId).to.equal('stuck');
    expect(sent.command.target).to.deep.equal({ type: 'representative', id: OTHER_HUMAN.id });
    const log = () => inner(el, '[part="log"]').textContent!;
    expect(log()).to.include('Transfer to Omar Other: in progress…');
    sent.answer({ ok: true });
    await settle();
    expect(log()).to.include('Transfer to Omar Other: sent, waiting for an answer.');
    expect(el.shadowRoot!.textContent).to.include(
      'Transfer of Sue Stuck to Omar Other sent; waiting for an answer.',
    );
    await h.change({
      type: 'transfer-resolved',
      conversationId: 'stuck',
      outcome: 'accepted',
      toRepresentativeId: OTHER_HUMAN.id,
      at: 1,
    });
    expect(log()).to.include('Omar Other accepted the transfer.');
    await expect(el).to.be.accessible();
  });

  it('a refused one-step transfer is logged and announced with the reason', async () => {
    const { el, h } = await setup();
    reassignButton(el)!.click();
    await settle();
    h.adapter.last().answer({
      ok: false,
      error: { kind: 'invalid', message: 'The target cannot take it.' },
    });
    await settle();
    expect(inner(el, '[part="log"]').textContent).to.match(
      /Transfer to Omar Other: (refused|failed)\./,
    );
    expect(el.shadowRoot!.textContent).to.include(
      'Transfer of Sue Stuck to Omar Other not sent. The target cannot take it.',
    );
  });

  it('offers and sends nothing while the transfer switch is off', async () => {
    const { el, h } = await setup(false);
    expect(reassignButton(el)).to.equal(null);
    expect(h.adapter.received).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
