import '../../../test/setup.js';
import './force-close-dialog.define.js';
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ForceCloseDialog } from './force-close-dialog.js';
import { commandError } from '../../domain/index.js';
import { ALL_ON } from '../../../test/fixtures/domain.js';
import {
  connectedService,
  openDialog,
  settle,
  type Harness,
} from '../../../test/fixtures/element-harness.js';

interface Setup {
  h: Harness;
  el: ForceCloseDialog;
  opener: HTMLButtonElement;
}

async function setup(id = 'active-chat'): Promise<Setup> {
  const h = await connectedService();
  const { el, opener } = await openDialog<ForceCloseDialog>(
    h,
    'force-close-dialog',
    id,
    'Force close…',
  );
  return { h, el, opener };
}

const $ = <T extends Element = HTMLElement>(el: ForceCloseDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: ForceCloseDialog) => el.shadowRoot!.querySelector('dialog')!.innerText;
const confirmButton = (el: ForceCloseDialog) => $<HTMLButtonElement>(el, 'button.danger');

describe('<force-close-dialog>', () => {
  it('names the conversation, says it cannot be undone and that participants are told', async () => {
    const { el } = await setup();
    expect(text(el)).to.include(
      'End the live chat conversation with Alice Active handled by Hana Human?',
    );
    expect(text(el)).to.include('This cannot be undone.');
    expect(text(el)).to.include('the representative are told');
    // Cancel has the initial focus: a stray Enter does not close a conversation.
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Cancel');
    await expect(el).to.be.accessible();
  });

  it('is a labelled modal; Escape cancels and focus returns to the opener', async () => {
    const { el, opener, h } = await setup();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect($(el, '#' + dialog.getAttribute('aria-labelledby'))!.textContent).to.equal(
      'Force close conversation',
    );
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    expect(h.adapter.received).to.have.length(0);
  });

  it('closes a voice call after confirmation: request, pending, closed', async () => {
    const { el, h } = await setup('voice-call');
    const request = oneEvent(el, 'sc-force-close-request');
    confirmButton(el)!.click();
    expect((await request).detail.conversationId).to.equal('voice-call');
    await el.updateComplete;
    expect(text(el)).to.include('Closing the conversation with Victor Voice…');
    expect(el.shadowRoot!.activeElement, 'focus stays in the dialog').to.exist;
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'sc-force-closed');
    h.adapter.last().answer({ ok: true });
    await closed;
    await el.updateComplete;
    expect(text(el)).to.include('The conversation with Victor Voice was closed.');
    await expect(el).to.be.accessible();
  });

  it('refuses records, with the reason', async () => {
    const { el } = await setup('record');
    expect(text(el)).to.include('Only voice and messaging conversations can be force-closed.');
    expect(confirmButton(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers force close for an Open messaging conversation too (any status but Closed)', async () => {
    const { el } = await setup('open-chat');
    expect(text(el)).to.include('End the live chat conversation with Olga Open?');
    expect(text(el)).to.include('The customer is told');
    expect(confirmButton(el)).to.exist;
  });

  it('is not offered when the Force Close switch is off', async () => {
    const { el, h } = await setup();
    await h.change({ type: 'settings', settings: { ...ALL_ON, forceClose: false } });
    await el.updateComplete;
    expect(text(el)).to.include('Your administrator has turned off "Force Close".');
    expect(confirmButton(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('explains a failure', async () => {
    const { el, h } = await setup();
    confirmButton(el)!.click();
    await el.updateComplete;
    const failed = oneEvent(el, 'sc-command-failed');
    h.adapter.last().answer({ ok: false, error: commandError('forbidden') });
    await failed;
    await el.updateComplete;
    expect(text(el)).to.include('could not be closed');
    expect(text(el)).to.include('Omnichannel API access');
    await expect(el).to.be.accessible();
  });

  it('keeps the conversation open when the host vetoes', async () => {
    const { el, h } = await setup();
    el.addEventListener('sc-force-close-request', (e) => e.preventDefault(), { once: true });
    confirmButton(el)!.click();
    await el.updateComplete;
    expect(h.adapter.received).to.have.length(0);
    expect(text(el)).to.include('the conversation stays open');
  });
});
