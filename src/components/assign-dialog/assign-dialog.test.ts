import '../../../test/setup.js';
import './assign-dialog.define.js';
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AssignDialog } from './assign-dialog.js';
import { commandError } from '../../domain/index.js';
import {
  AI_AGENT,
  ALL_ON,
  HUMAN,
  OTHER_HUMAN,
  representative,
} from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import {
  connectedService,
  openDialog,
  settle,
  type Harness,
} from '../../../test/fixtures/element-harness.js';

const AWAY = representative({ id: 'rep-away', name: 'Ada Away', presence: 'away' });
const FULL = representative({
  id: 'rep-full',
  name: 'Fay Full',
  capacity: { total: 4, used: 3 },
  queueIds: [],
});

function snapshot() {
  return smallSnapshot({ representatives: [HUMAN, OTHER_HUMAN, AWAY, FULL, AI_AGENT] });
}

interface Setup {
  h: Harness;
  el: AssignDialog;
  opener: HTMLButtonElement;
}

async function setup(): Promise<Setup> {
  const h = await connectedService(snapshot());
  const { el, opener } = await openDialog<AssignDialog>(h, 'assign-dialog', 'open-chat', 'Assign…');
  return { h, el, opener };
}

const $ = <T extends Element = HTMLElement>(el: AssignDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: AssignDialog, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const text = (el: AssignDialog) => el.shadowRoot!.querySelector('dialog')!.innerText;
const primary = (el: AssignDialog) => $<HTMLButtonElement>(el, '.footer button.primary')!;

async function choose(el: AssignDialog, id: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `.option[data-id="${id}"] input`)!;
  input.click();
  await el.updateComplete;
}

async function tick(el: AssignDialog, name: string): Promise<void> {
  $<HTMLInputElement>(el, `input[name="${name}"]`)!.click();
  await el.updateComplete;
}

describe('<assign-dialog>', () => {
  it('opens as a modal labelled by its title, and is accessible', async () => {
    const { el } = await setup();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect($(el, '#' + dialog.getAttribute('aria-labelledby'))!.textContent).to.equal(
      'Assign conversation',
    );
    expect(text(el)).to.include('Olga Open');
    await expect(el).to.be.accessible();
  });

  it('Escape cancels and focus returns to the opener', async () => {
    const { el, opener, h } = await setup();
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(el.open).to.equal(false);
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    expect(h.adapter.received).to.have.length(0);
  });

  it('ranks eligible representatives first as suggestions and says why the others need overrides', async () => {
    const { el } = await setup();
    const names = $$(el, '.option .name').map((n) => n.textContent);
    expect(names).to.deep.equal(['Hana Human', 'Omar Other', 'Fay Full', 'Ada Away']);
    const options = $$(el, '.option');
    expect(options[0]!.querySelector('.badge')?.textContent).to.equal('Suggested');
    expect(options[0]!.innerText).to.include('Available');
    expect(options[0]!.innerText).to.include('0/10 units used, this conversation +2');
    expect(options[0]!.querySelector('svg.presence'), 'presence icon').to.exist;
    expect(options[2]!.innerText).to.include('Would exceed capacity by 1 unit');
    expect(options[3]!.innerText).to.include('Not available (Away): needs a presence override');
    expect(text(el)).not.to.include('Botty');
    expect(text(el)).to.include('AI agents are not offered');
  });

  it('offers no override for an eligible representative', async () => {
    const { el } = await setup();
    expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
    await choose(el, 'rep-human');
    expect($(el, '[part="overrides"]')).to.equal(null);
    expect(primary(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('asks for a presence override only for a representative who is not available', async () => {
    const { el } = await setup();
    await choose(el, 'rep-away');
    expect($(el, 'input[name="override-presence"]')).to.exist;
    expect($(el, 'input[name="override-capacity"]')).to.equal(null);
    expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '#hint')!.textContent).to.include('override presence');
    await expect(el).to.be.accessible();
    await tick(el, 'override-presence');
    expect(primary(el).getAttribute('aria-disabled')).to.equal('false');
  });

  it('asks for a capacity override and shows the excess live', async () => {
    const { el, h } = await setup();
    await choose(el, 'rep-full');
    expect($(el, 'input[name="override-presence"]')).to.equal(null);
    await tick(el, 'override-capacity');
    expect($(el, '.excess')!.textContent).to.match(/Exceeds capacity by 1 unit\b/);
    await expect(el).to.be.accessible();
    // Fay takes another conversation meanwhile: the excess follows.
    await h.updateRepresentative('rep-full', { capacity: { total: 4, used: 4 } });
    await el.updateComplete;
    expect($(el, '.excess')!.textContent).to.match(/Exceeds capacity by 2 units/);
    // Fay frees up: no override is needed any more.
    await h.updateRepresentative('rep-full', { capacity: { total: 4, used: 0 } });
    await el.updateComplete;
    expect($(el, '[part="overrides"]')).to.equal(null);
    expect(primary(el).getAttribute('aria-disabled')).to.equal('false');
  });

  it('confirms: request event, pending state, then the outcome and sc-assigned', async () => {
    const { el, h } = await setup();
    await choose(el, 'rep-full');
    await tick(el, 'override-capacity');
    const request = oneEvent(el, 'sc-assign-request');
    primary(el).click();
    const req = await request;
    expect(req.detail.target).to.deep.equal({ type: 'representative', id: 'rep-full' });
    expect(req.detail.overrides).to.deep.equal({ capacity: true });
    await el.updateComplete;
    expect(text(el)).to.include('Assigning to Fay Full…');
    expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    const sent = h.adapter.last();
    expect(sent.name).to.equal('assign');
    expect(sent.command.overrideCapacity).to.equal(true);
    expect(sent.command.overridePresence).to.equal(false);
    const assigned = oneEvent(el, 'sc-assigned');
    sent.answer({ ok: true });
    expect((await assigned).detail.outcome.status).to.equal('succeeded');
    await el.updateComplete;
    expect(text(el)).to.include('Assigned to Fay Full.');
    expect(text(el)).to.include('capacity is now exceeded by 1 unit');
    await expect(el).to.be.accessible();
    primary(el).click(); // Done
    await settle();
    expect(el.open).to.equal(false);
  });

  it('assigns to another queue, never offering the current one', async () => {
    const { el, h } = await setup();
    $<HTMLInputElement>(el, 'input[name="target-type"][value="queue"]')!.click();
    await el.updateComplete;
    const queues = $$(el, '.option .name').map((n) => n.textContent);
    expect(queues).to.deep.equal(['Billing']);
    expect(text(el)).to.include('The current queue (General) is not offered');
    await expect(el).to.be.accessible();
    await choose(el, 'q-billing');
    primary(el).click();
    await el.updateComplete;
    expect(h.adapter.last().command.target).to.deep.equal({ type: 'queue', id: 'q-billing' });
  });

  it('does nothing when the host vetoes the request', async () => {
    const { el, h } = await setup();
    el.addEventListener('sc-assign-request', (e) => e.preventDefault(), { once: true });
    await choose(el, 'rep-human');
    primary(el).click();
    await el.updateComplete;
    expect(h.adapter.received).to.have.length(0);
    expect(text(el)).to.include('The page stopped this assignment');
  });

  it('explains a role error with the Omnichannel API access guidance', async () => {
    const { el, h } = await setup();
    await choose(el, 'rep-human');
    primary(el).click();
    await el.updateComplete;
    const failed = oneEvent(el, 'sc-command-failed');
    h.adapter.last().answer({ ok: false, error: commandError('forbidden') });
    const event = await failed;
    expect(event.detail.message).to.include('Omnichannel API access');
    await el.updateComplete;
    expect(text(el)).to.include('The assignment to Hana Human failed.');
    expect(text(el)).to.include('"Omnichannel API access" role is not assigned to you');
    expect($(el, '[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
    // Try again goes back to the choice, keeping it.
    primary(el).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '.option[data-id="rep-human"] input')!.checked).to.equal(true);
  });

  it('after an unreachable backend, Try again resends the same command with the same key', async () => {
    const { el, h } = await setup();
    await choose(el, 'rep-human');
    primary(el).click();
    await el.updateComplete;
    const first = h.adapter.last();
    first.answer({ ok: false, error: commandError('unavailable') });
    await settle();
    expect(text(el)).to.include('could not be reached');
    let requests = 0;
    el.addEventListener('sc-assign-request', () => (requests += 1));
    const assigned = oneEvent(el, 'sc-assigned');
    primary(el).click(); // Try again
    await settle();
    expect(h.adapter.received).to.have.length(2);
    const second = h.adapter.last();
    expect(second.command.idempotencyKey).to.equal(first.command.idempotencyKey);
    expect(second.command.expectedVersion).to.equal(first.command.expectedVersion);
    expect(requests, 'the host already allowed this command').to.equal(0);
    second.answer({ ok: true });
    await assigned;
    await el.updateComplete;
    expect(text(el)).to.include('Hana Human');
    await expect(el).to.be.accessible();
  });

  it('explains a conflict: what changed since the supervisor looked', async () => {
    const { el, h } = await setup();
    await choose(el, 'rep-human');
    primary(el).click();
    await el.updateComplete;
    await h.updateConversation('open-chat', {
      status: 'active',
      representativeId: 'rep-other',
      acceptedAt: 5,
    });
    h.adapter.last().answer({ ok: false, error: commandError('conflict') });
    await settle();
    // The backend did not say who: the report compares with the newest version the service holds.
    expect(text(el)).to.include('This conversation changed since you looked.');
    expect(text(el)).to.include('Assigned to Omar Other.');
    expect(primary(el).textContent!.trim()).to.equal('Review the current conversation');
    await expect(el).to.be.accessible();
  });

  it('rechecks live: someone else assigning it while the dialog is open disables Assign', async () => {
    const { el, h } = await setup();
    await choose(el, 'rep-human');
    await h.updateConversation('open-chat', {
      status: 'active',
      representativeId: 'rep-other',
      acceptedAt: 5,
    });
    await el.updateComplete;
    expect(text(el)).to.include('Someone else assigned this conversation meanwhile');
    expect(text(el)).to.include('Omar Other');
    expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
    primary(el).click();
    await el.updateComplete;
    expect(h.adapter.received).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('explains why an Active conversation or a switched-off action cannot be assigned', async () => {
    const { el, h } = await setup();
    el.show('active-chat');
    await settle();
    expect(text(el)).to.include('Only Open conversations can be assigned.');
    expect($(el, '.option')).to.equal(null);
    await expect(el).to.be.accessible();
    await h.change({ type: 'settings', settings: { ...ALL_ON, assign: false } });
    el.show('open-chat');
    await settle();
    expect(text(el)).to.include('Your administrator has turned off "Supervisor Assign".');
    expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('filters representatives by name', async () => {
    const { el } = await setup();
    const input = $<HTMLInputElement>(el, '#search')!;
    input.focus();
    await sendKeys({ type: 'fay' });
    await el.updateComplete;
    expect($$(el, '.option .name').map((n) => n.textContent)).to.deep.equal(['Fay Full']);
  });
});
