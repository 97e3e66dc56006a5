import '../../../test/setup.js';
import './bulk-action-dialog.define.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BulkActionDialog, BulkDialogRequest } from './bulk-action-dialog.js';
import { commandError } from '../../domain/index.js';
import { BulkCompletedEvent } from '../../events/bulk-completed.js';
import { BulkRunRequestEvent } from '../../events/bulk-run-request.js';
import { CommandFailedEvent } from '../../events/command-failed.js';
import { conversation } from '../../../test/fixtures/domain.js';
import { connectedService, settle, type Harness } from '../../../test/fixtures/element-harness.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';

async function setup(request: BulkDialogRequest, h?: Harness) {
  h ??= await connectedService();
  const wrapper = await fixture<HTMLDivElement>(
    html`<div><button id="opener">Force close…</button></div>`,
  );
  const el = document.createElement('bulk-action-dialog');
  el.service = h.service;
  wrapper.append(el);
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  el.show(request);
  await el.updateComplete;
  await settle();
  return { h, el, opener };
}

const $ = <T extends Element = HTMLElement>(el: BulkActionDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: BulkActionDialog, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
/** Each listed row as the supervisor reads it: name, badge, and the sentences under it. */
const rows = (el: BulkActionDialog) =>
  $$(el, '.rows .row').map((li) => ({
    name: li.querySelector('.who strong')!.textContent!.trim(),
    badge: li.querySelector('.badge')!.textContent!.trim(),
    what: li.querySelector('.what')!.textContent!.trim(),
    why: li.querySelector('.why')?.textContent?.trim() ?? '',
  }));
const button = (el: BulkActionDialog, label: string) => {
  const b = $$<HTMLButtonElement>(el, '.footer button').find(
    (x) => x.textContent!.trim() === label,
  );
  if (!b) throw new Error(`No button "${label}"`);
  return b;
};
const summary = (el: BulkActionDialog) => $(el, '.sentence')!.textContent!.trim();

const MIXED = ['active-chat', 'record', 'voice-call', 'gone'];

describe('<bulk-action-dialog>', () => {
  it('previews a mixed force close: each row, the refused ones with their exact reasons, totals', async () => {
    const { el } = await setup({ action: 'force-close', conversationIds: MIXED });
    expect(el.step).to.equal('preview');
    expect($(el, '#title')!.textContent).to.equal('Force close 4 conversations');
    expect(summary(el)).to.equal('2 of 4 conversations will be closed; 2 are refused.');
    expect(rows(el)).to.deep.equal([
      {
        name: 'Alice Active',
        badge: 'Will change',
        what: 'The chat with Alice Active will be closed.',
        why: '',
      },
      {
        name: 'Rita Record',
        badge: 'Refused',
        what: 'The record with Rita Record stays as it is.',
        why: 'Only voice and messaging conversations can be force-closed.',
      },
      {
        name: 'Victor Voice',
        badge: 'Will change',
        what: 'The call with Victor Voice will be closed.',
        why: '',
      },
      {
        name: 'gone',
        badge: 'Refused',
        what: 'Nothing happens to conversation gone: it no longer exists.',
        why: commandError('not-found').message,
      },
    ]);
    expect($(el, '.danger-zone')!.textContent).to.contain('This cannot be undone.');
    expect(button(el, 'Close 2 conversations').classList.contains('danger')).to.equal(true);
    // Cancel has the focus, so a stray Enter does no harm.
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Cancel');
    await expect(el).to.be.accessible();
  });

  it('runs the allowed rows, shows progress, and reports a partial failure row by row', async () => {
    const { el, h } = await setup({ action: 'force-close', conversationIds: MIXED });
    setTimeout(() => button(el, 'Close 2 conversations').click());
    const request = (await oneEvent(el, BulkRunRequestEvent.eventName)) as BulkRunRequestEvent;
    expect(request.cancelable).to.equal(true);
    expect(request.detail.plan.totals.allowed).to.equal(2);
    await waitUntil(() => h.adapter.received.length === 2, 'both commands sent');
    await el.updateComplete;
    expect(el.step).to.equal('running');
    // The refused rows end at once; the two sent wait for the backend.
    expect($(el, '.progress-label')!.textContent).to.contain('2 of 4 done');
    expect($<HTMLProgressElement>(el, 'progress')!.value).to.equal(2);
    expect(rows(el).map((r) => r.badge)).to.deep.equal([
      'Waiting…',
      'Refused',
      'Waiting…',
      'Refused',
    ]);
    await expect(el).to.be.accessible();

    const failures: CommandFailedEvent[] = [];
    el.addEventListener(CommandFailedEvent.eventName, (e) => failures.push(e));
    const completed = oneEvent(el, BulkCompletedEvent.eventName);
    const [first, second] = h.adapter.received;
    first!.answer({ ok: true });
    second!.answer({ ok: false, error: commandError('unavailable') });
    const done = (await completed) as BulkCompletedEvent;
    await el.updateComplete;
    expect(done.detail.retry).to.equal(false);
    expect(done.detail.result.rows.map((r) => r.status)).to.deep.equal([
      'succeeded',
      'refused',
      'failed',
      'refused',
    ]);
    expect(el.step).to.equal('results');
    // The failed row is also reported as the single dialogs report a failure.
    expect(failures.map((f) => [f.detail.conversationId, f.detail.message])).to.deep.equal([
      ['voice-call', commandError('unavailable').message],
    ]);
    expect(summary(el)).to.equal('1 of 4 conversations were closed; 1 failed; 2 were refused.');
    const listed = rows(el);
    expect(listed.map((r) => r.badge)).to.deep.equal(['Succeeded', 'Refused', 'Failed', 'Refused']);
    expect(listed[2]!.what).to.equal(commandError('unavailable').message);
    expect(listed[0]!.what).to.equal('Closed; its participants were told.');
    expect(listed[1]!.what).to.equal('Only voice and messaging conversations can be force-closed.');
    expect($(el, '.summary-block')!.getAttribute('role')).to.equal('alert');
    // The success is kept with its outcome, whatever happened to the other rows.
    expect(done.detail.result.rows[0]!.outcome?.status).to.equal('succeeded');
    await expect(el).to.be.accessible();

    // Try again resends only the failed row, with the same idempotency key.
    const key = second!.command.idempotencyKey;
    const retried = oneEvent(el, BulkCompletedEvent.eventName);
    button(el, 'Try again').click();
    await waitUntil(() => h.adapter.received.length === 3, 'the failed row resent');
    expect(h.adapter.last().command.conversationId).to.equal('voice-call');
    expect(h.adapter.last().command.idempotencyKey).to.equal(key);
    h.adapter.last().answer({ ok: true });
    const again = (await retried) as BulkCompletedEvent;
    await el.updateComplete;
    expect(again.detail.retry).to.equal(true);
    expect(again.detail.result.succeeded).to.equal(2);
    expect(summary(el)).to.equal('2 of 4 conversations were closed; 2 were refused.');
    expect(rows(el).map((r) => r.badge)).to.deep.equal([
      'Succeeded',
      'Refused',
      'Succeeded',
      'Refused',
    ]);
    expect(h.adapter.received).to.have.length(3);
    expect($$(el, '.footer button').map((b) => b.textContent!.trim())).to.deep.equal(['Done']);
  });

  it('plans a failure that cannot be resent again on Try again (a new command, rules rechecked)', async () => {
    const { el, h } = await setup({
      action: 'force-close',
      conversationIds: ['active-chat', 'voice-call'],
    });
    void el.confirm();
    await waitUntil(() => h.adapter.received.length === 2);
    h.adapter.received[0]!.answer({ ok: true });
    h.adapter.received[1]!.answer({ ok: false, error: commandError('conflict') });
    await waitUntil(() => el.step === 'results');
    await el.updateComplete;
    expect(rows(el).map((r) => r.badge)).to.deep.equal(['Succeeded', 'Failed']);
    const key = h.adapter.received[1]!.command.idempotencyKey;
    button(el, 'Try again').click();
    await waitUntil(() => h.adapter.received.length === 3, 'the failed row planned and sent again');
    expect(h.adapter.last().command.conversationId).to.equal('voice-call');
    expect(h.adapter.last().command.idempotencyKey).to.not.equal(key);
    h.adapter.last().answer({ ok: true });
    await waitUntil(() => el.step === 'results');
    await el.updateComplete;
    expect(rows(el).map((r) => r.badge)).to.deep.equal(['Succeeded', 'Succeeded']);
  });

  it('goes straight to the preview for force close even when the service comes later', async () => {
    const h = await connectedService();
    const el = await fixture<BulkActionDialog>(html`<bulk-action-dialog></bulk-action-dialog>`);
    el.show({ action: 'force-close', conversationIds: ['active-chat'] });
    await el.updateComplete;
    expect($(el, '.body')!.textContent).to.contain('No supervisor service is connected.');
    el.service = h.service;
    await el.updateComplete;
    await el.updateComplete;
    expect(el.step).to.equal('preview');
    expect($(el, '#title')!.textContent).to.equal('Force close 1 conversation');
    expect(button(el, 'Close 1 conversation')).to.exist;
  });

  it('sends nothing when the page vetoes sc-bulk-run-request', async () => {
    const { el, h } = await setup({ action: 'force-close', conversationIds: MIXED });
    el.addEventListener(BulkRunRequestEvent.eventName, (e) => e.preventDefault());
    expect(await el.confirm()).to.equal(undefined);
    await el.updateComplete;
    expect(h.adapter.received).to.have.length(0);
    expect(el.step).to.equal('preview');
    expect($(el, '.body')!.textContent).to.contain('The page stopped this; nothing was sent.');
  });

  it('assigns to a chosen queue: choose, preview with refusals, confirm', async () => {
    const { el, h } = await setup({
      action: 'assign-queue',
      conversationIds: ['open-chat', 'active-chat'],
    });
    expect(el.step).to.equal('choose');
    expect($(el, '#title')!.textContent).to.equal('Assign 2 conversations to a queue');
    expect(button(el, 'Preview').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    const billing = $$<HTMLInputElement>(el, 'input[name="queue"]').find(
      (i) => i.value === 'q-billing',
    )!;
    billing.click();
    await el.updateComplete;
    button(el, 'Preview').click();
    await el.updateComplete;
    expect(el.step).to.equal('preview');
    expect(summary(el)).to.equal(
      '1 of 2 conversations will be assigned to the queue; 1 is refused.',
    );
    expect(rows(el)[0]!.what).to.equal('The chat with Olga Open goes to the Billing queue.');
    expect(rows(el)[1]!.why).to.equal('Only Open conversations can be assigned.');
    // Assigning to a queue can be undone: no danger zone.
    expect($(el, '.danger-zone')).to.equal(null);
    await expect(el).to.be.accessible();
    button(el, 'Assign 1 conversation').click();
    await waitUntil(() => h.adapter.received.length === 1);
    expect(h.adapter.last().name).to.equal('assign');
    expect(h.adapter.last().command.target).to.deep.equal({ type: 'queue', id: 'q-billing' });
    h.adapter.last().answer({ ok: true });
    await waitUntil(() => el.step === 'results');
    await el.updateComplete;
    expect(summary(el)).to.equal('1 of 2 conversations were assigned to the queue; 1 was refused.');
    button(el, 'Done').click();
    await waitUntil(() => !el.open);
  });

  it('says when every row is refused and offers no confirm', async () => {
    const { el } = await setup({ action: 'force-close', conversationIds: ['record'] });
    expect($(el, '.body')!.textContent).to.contain(
      'Nothing to do: the rules refuse every selected conversation.',
    );
    expect($$(el, '.footer button').map((b) => b.textContent!.trim())).to.deep.equal(['Close']);
    await expect(el).to.be.accessible();
  });

  it('renders hostile customer names as text and gives focus back on close', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const h = await connectedService(
      smallSnapshot({ conversations: [conversation({ id: 'h', customerName: hostile })] }),
    );
    const { el, opener } = await setup({ action: 'force-close', conversationIds: ['h'] }, h);
    expect($(el, 'img')).to.equal(null);
    expect(rows(el)[0]!.name).to.equal(hostile);
    el.close();
    await waitUntil(() => document.activeElement === opener, 'focus back on the opener');
  });
});
