/**
 * A stale action in the three intervention dialogs (#11): the backend refuses the command as a
 * conflict and sends the conversation as it is now; the dialog says "NAME changed this conversation
 * since you looked" and exactly what changed, never sends again by itself, and after "Review the
 * current conversation" a new confirmation acts on the current version.
 */
import '../../../test/setup.js';
import '../assign-dialog/assign-dialog.define.js';
import '../transfer-dialog/transfer-dialog.define.js';
import '../force-close-dialog/force-close-dialog.define.js';
import { expect, oneEvent } from '@open-wc/testing';
import type { AssignDialog } from '../assign-dialog/assign-dialog.js';
import type { ForceCloseDialog } from '../force-close-dialog/force-close-dialog.js';
import type { TransferDialog } from '../transfer-dialog/transfer-dialog.js';
import { commandError, type Conversation } from '../../domain/index.js';
import { SUPERVISOR_ID } from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import {
  connectedService,
  openDialog,
  settle,
  type Harness,
} from '../../../test/fixtures/element-harness.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Mal';

async function harness(): Promise<Harness> {
  return connectedService(
    smallSnapshot({
      supervisors: [
        { id: SUPERVISOR_ID, name: 'Sam Supervisor' },
        { id: 'sup-priya', name: 'Priya Lead' },
        { id: 'sup-evil', name: HOSTILE },
      ],
    }),
  );
}

type AnyDialog = AssignDialog | TransferDialog | ForceCloseDialog;

const $ = <T extends Element = HTMLElement>(el: AnyDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: AnyDialog) => el.shadowRoot!.querySelector('dialog')!.innerText;
const changeLines = (el: AnyDialog) =>
  [...el.shadowRoot!.querySelectorAll('.conflict-changes li')].map((li) => li.textContent);
const primaryButton = (el: AnyDialog) =>
  $<HTMLButtonElement>(el, '.footer button.primary, .footer button.primary-action')!;

/**
 * Answers the pending command with a conflict carrying the conversation as `by` left it, and returns
 * that current version.
 */
async function answerConflict(
  h: Harness,
  id: string,
  by: string | null,
  patch: Partial<Conversation>,
): Promise<Conversation> {
  const c = h.service.state.conversations.get(id)!;
  const current: Conversation = {
    ...c,
    ...patch,
    version: c.version + 3,
    lastChange: by
      ? { by: { type: 'supervisor', id: by }, action: 'transfer', at: Date.now() - 1000 }
      : null,
  };
  h.adapter.last().answer({ ok: false, error: commandError('conflict', undefined, { current }) });
  await settle();
  return current;
}

/** Checks the explanation, then reviews; returns after the dialog is back on its choice. */
async function expectExplainedThenReview(
  el: AnyDialog,
  h: Harness,
  headline: string,
  lines: string[],
): Promise<void> {
  expect($(el, '.conflict-headline')!.textContent!.trim()).to.equal(headline);
  expect(changeLines(el)).to.deep.equal(lines);
  expect(text(el)).to.include('Your action was not applied.');
  expect($(el, '[role="alert"] .conflict'), 'announced').to.exist;
  const sent = h.adapter.received.length;
  await expect(el).to.be.accessible();
  const review = primaryButton(el);
  expect(review.textContent!.trim()).to.equal('Review the current conversation');
  review.click();
  await el.updateComplete;
  await settle();
  expect(h.adapter.received.length, 'reviewing sends nothing').to.equal(sent);
  expect($(el, '.conflict')).to.equal(null);
}

describe('stale action: "changed by NAME: here is what changed"', () => {
  it('assign-dialog: explains, reviews, then assigns on the current version', async () => {
    const h = await harness();
    const { el } = await openDialog<AssignDialog>(h, 'assign-dialog', 'open-chat', 'Assign…');
    $<HTMLInputElement>(el, '.option[data-id="rep-human"] input')!.click();
    await el.updateComplete;
    primaryButton(el).click();
    await el.updateComplete;
    const first = h.adapter.last();
    expect(first.name).to.equal('assign');
    const failed = oneEvent(el, 'sc-command-failed');
    const current = await answerConflict(h, 'open-chat', 'sup-priya', {
      queueId: 'q-billing',
      sentiment: 'negative',
    });
    expect((await failed).detail.message).to.equal(
      'Priya Lead changed this conversation since you looked. Moved to Billing. Sentiment worsened: Neutral → Negative.',
    );
    await el.updateComplete;
    await expectExplainedThenReview(
      el,
      h,
      'Priya Lead changed this conversation since you looked.',
      ['Moved to Billing.', 'Sentiment worsened: Neutral → Negative.'],
    );
    expect(text(el)).to.include('Billing');
    $<HTMLInputElement>(el, '.option[data-id="rep-human"] input')!.click();
    await el.updateComplete;
    primaryButton(el).click();
    await el.updateComplete;
    const again = h.adapter.last();
    expect(again).to.not.equal(first);
    expect(again.command.expectedVersion).to.equal(current.version);
    expect(again.command.idempotencyKey).to.not.equal(first.command.idempotencyKey);
  });

  it('transfer-dialog: explains a change by another supervisor (a hostile name stays text)', async () => {
    const h = await harness();
    const { el } = await openDialog<TransferDialog>(
      h,
      'transfer-dialog',
      'active-chat',
      'Transfer…',
    );
    $<HTMLInputElement>(el, '.option[data-id="rep-other"] input')!.click();
    await el.updateComplete;
    primaryButton(el).click();
    await el.updateComplete;
    expect(h.adapter.last().name).to.equal('transfer');
    const current = await answerConflict(h, 'active-chat', 'sup-evil', {
      joinedBy: ['sup-evil'],
      status: 'waiting',
    });
    await el.updateComplete;
    expect($(el, '.conflict-headline img')).to.equal(null);
    expect($(el, '.conflict-headline bdi')!.textContent).to.equal(HOSTILE);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expectExplainedThenReview(
      el,
      h,
      `${HOSTILE} changed this conversation since you looked.`,
      ['Status: Active → Waiting.', `${HOSTILE} joined the conversation.`],
    );
    $<HTMLInputElement>(el, '.option[data-id="rep-other"] input')!.click();
    await el.updateComplete;
    primaryButton(el).click();
    await el.updateComplete;
    expect(h.adapter.last().command.expectedVersion).to.equal(current.version);
  });

  it('force-close-dialog: explains without a name when the backend did not say who', async () => {
    const h = await harness();
    const { el } = await openDialog<ForceCloseDialog>(
      h,
      'force-close-dialog',
      'active-chat',
      'Force close…',
    );
    $<HTMLButtonElement>(el, 'button.danger')!.click();
    await el.updateComplete;
    expect(h.adapter.last().name).to.equal('forceClose');
    const current = await answerConflict(h, 'active-chat', null, {
      representativeId: 'rep-other',
    });
    await el.updateComplete;
    await expectExplainedThenReview(el, h, 'This conversation changed since you looked.', [
      'Representative: Hana Human → Omar Other.',
    ]);
    expect(text(el)).to.include('handled by Omar Other');
    $<HTMLButtonElement>(el, 'button.danger')!.click();
    await el.updateComplete;
    expect(h.adapter.last().command.expectedVersion).to.equal(current.version);
  });
});
