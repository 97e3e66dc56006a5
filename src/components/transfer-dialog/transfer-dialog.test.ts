import '../../../test/setup.js';
import './transfer-dialog.define.js';
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TransferDialog } from './transfer-dialog.js';
import { commandError } from '../../domain/index.js';
import { AI_AGENT, HUMAN, OTHER_HUMAN, representative } from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import {
  connectedService,
  openDialog,
  settle,
  type Harness,
} from '../../../test/fixtures/element-harness.js';
import { conversation } from '../../../test/fixtures/domain.js';

const OFFLINE = representative({ id: 'rep-off', name: 'Olly Offline', presence: 'offline' });

function snapshot() {
  const base = smallSnapshot();
  return smallSnapshot({
    representatives: [HUMAN, OTHER_HUMAN, OFFLINE, AI_AGENT],
    conversations: [
      ...base.conversations,
      conversation({
        id: 'waiting-sms',
        customerName: 'Wes Waiting',
        channel: 'sms',
        status: 'waiting',
      }),
      conversation({ id: 'escalated', customerName: 'Eve Escalated', mode: 'video' }),
      conversation({ id: 'ai-chat', customerName: 'Ian AI', representativeId: AI_AGENT.id }),
    ],
  });
}

interface Setup {
  h: Harness;
  el: TransferDialog;
  opener: HTMLButtonElement;
}

async function setup(id = 'active-chat'): Promise<Setup> {
  const h = await connectedService(snapshot());
  const { el, opener } = await openDialog<TransferDialog>(h, 'transfer-dialog', id, 'Transfer…');
  return { h, el, opener };
}

const $ = <T extends Element = HTMLElement>(el: TransferDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: TransferDialog) => el.shadowRoot!.querySelector('dialog')!.innerText;
const primary = (el: TransferDialog) => $<HTMLButtonElement>(el, '.footer button.primary')!;
const names = (el: TransferDialog) =>
  [...el.shadowRoot!.querySelectorAll('.option .name')].map((n) => n.textContent);

async function choose(el: TransferDialog, id: string): Promise<void> {
  $<HTMLInputElement>(el, `.option[data-id="${id}"] input`)!.click();
  await el.updateComplete;
}

async function transferTo(h: Harness, el: TransferDialog, id: string) {
  await choose(el, id);
  primary(el).click();
  await el.updateComplete;
  const sent = h.adapter.last();
  sent.answer({ ok: true });
  await settle();
  return sent;
}

describe('<transfer-dialog>', () => {
  it('offers humans only, never the current representative nor an AI agent', async () => {
    const { el } = await setup();
    expect(names(el)).to.deep.equal(['Omar Other', 'Olly Offline']);
    expect(text(el)).to.include('Hana Human stays on the conversation as a consultant');
    expect(text(el)).to.include('Offline: may not answer');
    await expect(el).to.be.accessible();
  });

  it('is labelled by its title; Escape cancels and focus returns to the opener', async () => {
    const { el, opener } = await setup();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect($(el, '#' + dialog.getAttribute('aria-labelledby'))!.textContent).to.equal(
      'Transfer conversation',
    );
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  for (const [id, why] of [
    ['open-chat', 'Only Active or Waiting conversations can be transferred.'],
    ['voice-call', 'Only messaging conversations'],
    ['escalated', 'escalated to video'],
    ['ai-chat', 'is an AI agent'],
  ] as const) {
    it(`explains why ${id} cannot be transferred`, async () => {
      const { el } = await setup(id);
      expect(text(el)).to.include(why);
      expect($(el, '.option')).to.equal(null);
      expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  }

  it('transfers a Waiting SMS conversation too', async () => {
    const { el } = await setup('waiting-sms');
    expect(names(el)).to.deep.equal(['Omar Other', 'Olly Offline']);
  });

  it('pending → waiting for NAME with elapsed time → accepted, without a refresh', async () => {
    const { el, h } = await setup();
    const request = oneEvent(el, 'sc-transfer-request');
    await choose(el, 'rep-other');
    primary(el).click();
    expect((await request).detail.target).to.deep.equal({
      type: 'representative',
      id: 'rep-other',
    });
    await el.updateComplete;
    expect(text(el)).to.include('Sending the transfer to Omar Other…');
    await expect(el).to.be.accessible();
    const transferred = oneEvent(el, 'sc-transferred');
    h.adapter.last().answer({ ok: true });
    await transferred;
    await settle();
    expect(text(el)).to.include('Waiting for Omar Other to accept or reject the transfer…');
    expect($(el, '.elapsed')!.textContent).to.match(/^0:0\d$/);
    await expect(el).to.be.accessible();

    const resolved = oneEvent(el, 'sc-transfer-resolved');
    await h.change({
      type: 'transfer-resolved',
      conversationId: 'active-chat',
      outcome: 'accepted',
      toRepresentativeId: 'rep-other',
      at: 1,
    });
    expect((await resolved).detail.outcome).to.equal('accepted');
    await el.updateComplete;
    expect(text(el)).to.include('Omar Other accepted the transfer.');
    expect(text(el)).to.include('Hana Human stays on as a consultant');
    expect(primary(el).textContent!.trim()).to.equal('Done');
    await expect(el).to.be.accessible();
  });

  it('pending → rejected: the current representative remains primary', async () => {
    const { el, h } = await setup();
    await transferTo(h, el, 'rep-off');
    await h.change({
      type: 'transfer-resolved',
      conversationId: 'active-chat',
      outcome: 'rejected',
      toRepresentativeId: 'rep-off',
      at: 1,
    });
    await el.updateComplete;
    expect(text(el)).to.include('Olly Offline rejected the transfer.');
    expect(text(el)).to.include('Hana Human remains the primary representative.');
    await expect(el).to.be.accessible();
  });

  it('still reports the answer after the dialog was closed', async () => {
    const { el, h } = await setup();
    await transferTo(h, el, 'rep-other');
    el.close();
    await settle();
    const resolved = oneEvent(el, 'sc-transfer-resolved');
    await h.change({
      type: 'transfer-resolved',
      conversationId: 'active-chat',
      outcome: 'rejected',
      toRepresentativeId: 'rep-other',
      at: 1,
    });
    expect((await resolved).detail.outcome).to.equal('rejected');
  });

  it('explains a failure and lets the supervisor try again', async () => {
    const { el, h } = await setup();
    await choose(el, 'rep-other');
    primary(el).click();
    await el.updateComplete;
    const failed = oneEvent(el, 'sc-command-failed');
    h.adapter.last().answer({ ok: false, error: commandError('unavailable') });
    await failed;
    await el.updateComplete;
    expect(text(el)).to.include('The transfer to Omar Other failed.');
    expect(text(el)).to.include('could not be reached');
    await expect(el).to.be.accessible();
    // The backend may have applied it: Try again resends the same command, same key.
    const first = h.adapter.last();
    primary(el).click();
    await settle();
    expect(h.adapter.received).to.have.length(2);
    expect(h.adapter.last().command.idempotencyKey).to.equal(first.command.idempotencyKey);
    // A refusal that is not about reaching the backend goes back to the choice instead.
    h.adapter.last().answer({ ok: false, error: commandError('invalid', 'Not now.') });
    await settle();
    primary(el).click();
    await el.updateComplete;
    expect(names(el)).to.include('Omar Other');
    expect(h.adapter.received).to.have.length(2);
  });

  it('rechecks live: a conversation escalated to voice while open cannot be transferred', async () => {
    const { el, h } = await setup();
    await choose(el, 'rep-other');
    await h.updateConversation('active-chat', { mode: 'voice' });
    await el.updateComplete;
    expect(text(el)).to.include('escalated to voice');
    primary(el).click();
    await el.updateComplete;
    expect(h.adapter.received).to.have.length(0);
  });

  it('does nothing when the host vetoes the request', async () => {
    const { el, h } = await setup();
    el.addEventListener('sc-transfer-request', (e) => e.preventDefault(), { once: true });
    await choose(el, 'rep-other');
    primary(el).click();
    await el.updateComplete;
    expect(h.adapter.received).to.have.length(0);
    expect(text(el)).to.include('The page stopped this transfer');
  });
});
