import '../../../test/setup.js';
import './supervisor-console.define.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SupervisorConsole } from './supervisor-console.js';
import { commandError } from '../../domain/index.js';
import { BulkRequestEvent } from '../../events/bulk-request.js';
import type { BulkActionDialog } from '../bulk-action-dialog/bulk-action-dialog.js';
import type { OngoingConversationsTable } from '../ongoing-conversations-table/ongoing-conversations-table.js';
import { ALL_ON } from '../../../test/fixtures/domain.js';
import { connectedService, settle, type Harness } from '../../../test/fixtures/element-harness.js';

const inner = <T extends Element>(el: SupervisorConsole, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const table = (el: SupervisorConsole) =>
  inner<OngoingConversationsTable>(el, 'ongoing-conversations-table');
const dialog = (el: SupervisorConsole) => inner<BulkActionDialog>(el, 'bulk-action-dialog');

async function setup(): Promise<{ h: Harness; el: SupervisorConsole }> {
  const h = await connectedService();
  h.adapter.emit({ type: 'status', status: 'live' });
  const el = await fixture<SupervisorConsole>(
    html`<supervisor-console .service=${h.service}></supervisor-console>`,
  );
  await settle(50);
  await waitUntil(() => table(el).shadowRoot!.textContent!.includes('Alice Active'), 'rows');
  return { h, el };
}

/** Clicks a bulk action in the table's selection bar. */
async function clickBulk(el: SupervisorConsole, action: string): Promise<void> {
  const t = table(el);
  await t.updateComplete;
  t.shadowRoot!.querySelector<HTMLButtonElement>(`[data-bulk="${action}"]`)!.click();
  await settle();
}

describe('<supervisor-console> bulk interventions', () => {
  it('shows selection in its table and opens the bulk dialog on the selection bar', async () => {
    const { el } = await setup();
    const t = table(el);
    expect(t.selectable).to.equal(true);
    expect(
      t.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-multiselectable'),
    ).to.equal('true');
    t.selectedIds = ['active-chat', 'record'];
    await settle();
    await expect(el).to.be.accessible();
    await clickBulk(el, 'force-close');
    const d = dialog(el);
    expect(d.open).to.equal(true);
    expect(d.step).to.equal('preview');
    expect(d.conversationIds).to.deep.equal(['active-chat', 'record']);
  });

  it('opens nothing when the host vetoes sc-bulk-request', async () => {
    const { el } = await setup();
    el.addEventListener(BulkRequestEvent.eventName, (e) => e.preventDefault());
    table(el).selectedIds = ['active-chat'];
    await settle();
    await clickBulk(el, 'force-close');
    expect(dialog(el).open).to.equal(false);
  });

  it('logs the result and clears only the rows that succeeded from the selection', async () => {
    const { el, h } = await setup();
    const t = table(el);
    t.selectedIds = ['active-chat', 'voice-call', 'record'];
    await settle();
    await clickBulk(el, 'force-close');
    const d = dialog(el);
    void d.confirm();
    await waitUntil(() => h.adapter.received.length === 2, 'two commands sent');
    const byId = (id: string) => h.adapter.received.find((r) => r.command.conversationId === id)!;
    byId('active-chat').answer({ ok: true });
    byId('voice-call').answer({ ok: false, error: commandError('unavailable') });
    await waitUntil(() => d.step === 'results', 'results');
    await settle();
    expect(t.selectedIds).to.deep.equal(['voice-call', 'record']);
    const log = inner(el, '[part="log"]').textContent!.replace(/\s+/g, ' ');
    expect(log).to.contain('1 of 3 conversations were closed; 1 failed; 1 was refused.');
    expect(log).to.contain('3 conversations');
  });

  it('does not offer a bulk action whose switch is off', async () => {
    const { el, h } = await setup();
    await h.change({ type: 'settings', settings: { ...ALL_ON, forceClose: false } });
    table(el).selectedIds = ['open-chat'];
    await settle();
    const t = table(el);
    await t.updateComplete;
    expect(t.shadowRoot!.querySelector('[data-bulk="force-close"]')).to.equal(null);
    expect(t.shadowRoot!.querySelector('[data-bulk="assign-queue"]')).to.not.equal(null);
    // A stale request for a switched-off action opens nothing.
    t.dispatchEvent(
      new BulkRequestEvent({ action: 'force-close', conversationIds: ['open-chat'] }),
    );
    await settle();
    expect(dialog(el).open).to.equal(false);
  });
});
