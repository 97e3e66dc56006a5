/**
 * <monitor-panel>: who else is here, and whisper (#11) — on the hand-driven fake adapter and on the
 * simulated centre.
 */
import '../../../test/setup.js';
import './monitor-panel.define.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { asyncScheduler } from 'rxjs';
import type { MonitorPanel } from './monitor-panel.js';
import { SimulatedCentre } from '../../adapters/index.js';
import {
  WHISPER_MAX_LENGTH,
  canMonitor,
  canWhisper,
  commandError,
  type Conversation,
} from '../../domain/index.js';
import { SupervisorService } from '../../service/supervisor-service.js';
import { ALL_ON, SUPERVISOR_ID } from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import {
  answerMonitor,
  connectedService,
  settle,
  type Harness,
} from '../../../test/fixtures/element-harness.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Mallory';
const SUPERVISORS = [
  { id: SUPERVISOR_ID, name: 'Sam Supervisor' },
  { id: 'sup-priya', name: 'Priya Lead' },
  { id: 'sup-evil', name: HOSTILE },
];

async function setup(
  id = 'active-chat',
  patch: Partial<Conversation> = {},
): Promise<{ h: Harness; el: MonitorPanel }> {
  const base = smallSnapshot();
  const h = await connectedService(
    smallSnapshot({
      supervisors: SUPERVISORS,
      conversations: base.conversations.map((c) => (c.id === id ? { ...c, ...patch } : c)),
    }),
  );
  const el = await fixture<MonitorPanel>(
    html`<monitor-panel .service=${h.service} conversation-id=${id}></monitor-panel>`,
  );
  await settle();
  return { h, el };
}

const $ = <T extends Element = HTMLElement>(el: MonitorPanel, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const presences = (el: MonitorPanel) =>
  [...el.shadowRoot!.querySelectorAll('.presence')].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );
const textarea = (el: MonitorPanel) => $<HTMLTextAreaElement>(el, '#whisper-text')!;
const sendButton = (el: MonitorPanel) => $<HTMLButtonElement>(el, 'button.send')!;

async function typeWhisper(el: MonitorPanel, text: string): Promise<void> {
  textarea(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<monitor-panel> who else is here', () => {
  it('names the other supervisors (joined first, never me), who acted last, hostile names as text', async () => {
    const { h, el } = await setup('active-chat', {
      joinedBy: ['sup-priya'],
      monitoredBy: ['sup-evil'],
      lastChange: {
        by: { type: 'supervisor', id: 'sup-priya' },
        action: 'assign',
        at: Date.now() - 125_000,
      },
    });
    await answerMonitor(h);
    expect($(el, '#who-else-title')!.textContent).to.equal('Who else is here');
    expect(presences(el)).to.deep.equal([
      'Priya Lead Joined Priya Lead assigned it 2 minutes ago.',
      `${HOSTILE} Monitoring`,
    ]);
    expect($(el, '.who-else img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, '.presence.joined .name')!.tagName).to.equal('BDI');
    await expect(el).to.be.accessible();
  });

  it('follows the change stream live: a new supervisor, one leaving, a rename', async () => {
    const { h, el } = await setup();
    await answerMonitor(h);
    expect($(el, '.who-else .nobody')!.textContent).to.include('No other supervisor');
    await h.change({ type: 'supervisor', supervisor: { id: 'sup-kim', name: 'Kim Kwon' } });
    await h.updateConversation('active-chat', {
      monitoredBy: [SUPERVISOR_ID, 'sup-kim'],
      joinedBy: ['sup-priya'],
    });
    await el.updateComplete;
    expect(presences(el)).to.deep.equal(['Priya Lead Joined', 'Kim Kwon Monitoring']);
    await h.change({ type: 'supervisor', supervisor: { id: 'sup-kim', name: 'Kim K. Kwon' } });
    await h.updateConversation('active-chat', { joinedBy: [] });
    await el.updateComplete;
    expect(presences(el)).to.deep.equal(['Kim K. Kwon Monitoring']);
    await expect(el).to.be.accessible();
  });
});

describe('<monitor-panel> whisper', () => {
  it('is offered only once monitoring, and not at all while the monitor switch is off', async () => {
    const { h, el } = await setup();
    expect($(el, '.whisper'), 'not before monitoring started').to.equal(null);
    await answerMonitor(h);
    expect(textarea(el)).to.exist;
    expect($(el, '.composer label')!.textContent).to.include('Hana Human');
    await expect(el).to.be.accessible();
    await h.change({ type: 'settings', settings: { ...ALL_ON, monitor: false } });
    await el.updateComplete;
    expect($(el, '.whisper'), 'switch off: no composer and no reason').to.equal(null);
  });

  it('says why instead of the composer: not monitoring, a voice call, an escalated chat', async () => {
    const { h, el } = await setup();
    await answerMonitor(h);
    await h.updateConversation('active-chat', { monitoredBy: [] });
    await el.updateComplete;
    expect($(el, '#whisper-text')).to.equal(null);
    expect($(el, '.whisper-refused')!.textContent).to.equal(
      'Monitor the conversation before whispering.',
    );
    await expect(el).to.be.accessible();

    await h.updateConversation('active-chat', { monitoredBy: [SUPERVISOR_ID], mode: 'voice' });
    await el.updateComplete;
    expect($(el, '.whisper-refused')!.textContent).to.include('escalated to voice');

    const voice = await setup('voice-call');
    await answerMonitor(voice.h);
    expect($(voice.el, '#whisper-text')).to.equal(null);
    expect($(voice.el, '.whisper-refused')!.textContent).to.include('messaging conversations');
    await expect(voice.el).to.be.accessible();
  });

  it('sends with Enter (Shift+Enter is a new line), shows the sending state, then clears', async () => {
    const { h, el } = await setup();
    await answerMonitor(h);
    await typeWhisper(el, 'Offer the');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'refund.  ' });
    await el.updateComplete;
    expect(textarea(el).value).to.equal('Offer the\nrefund.  ');
    expect(h.adapter.received).to.have.length(1);
    expect($(el, '#whisper-count')!.textContent).to.include('17 of 2,000 characters');

    const request = oneEvent(el, 'sc-whisper-request');
    await sendKeys({ press: 'Enter' });
    expect((await request).detail).to.deep.equal({
      conversationId: 'active-chat',
      text: 'Offer the\nrefund.',
    });
    await el.updateComplete;
    const cmd = h.adapter.last();
    expect(cmd.name).to.equal('whisper');
    expect(cmd.command.text).to.equal('Offer the\nrefund.');
    expect(cmd.command.conversationId).to.equal('active-chat');
    expect(sendButton(el).textContent).to.include('Sending…');
    expect(sendButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(textarea(el).readOnly).to.equal(true);
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'sc-whisper-sent');
    cmd.answer({ ok: true });
    expect((await sent).detail.text).to.equal('Offer the\nrefund.');
    await el.updateComplete;
    expect(textarea(el).value).to.equal('');
    expect(textarea(el).readOnly).to.equal(false);
    expect(sendButton(el).textContent).to.include('Send whisper');
  });

  it('shows a whisper in the transcript distinctly: labelled, and only for representatives', async () => {
    const { h, el } = await setup();
    await answerMonitor(h);
    h.adapter.transcripts.get('active-chat')!.next({
      type: 'snapshot',
      messages: [
        {
          id: 'm-1',
          conversationId: 'active-chat',
          at: 1_700_000_000_000,
          author: 'customer',
          authorName: 'Alice Active',
          text: 'Where is my order?',
        },
        {
          id: 'w-1',
          conversationId: 'active-chat',
          at: 1_700_000_001_000,
          author: 'supervisor',
          authorName: 'Sam Supervisor',
          text: '<b>Offer</b> the refund.',
          visibility: 'representatives',
        },
      ],
    });
    await settle();
    const items = el.shadowRoot!.querySelectorAll('.message');
    expect(items[0]!.classList.contains('whisper')).to.equal(false);
    const whisper = items[1]!;
    expect(whisper.classList.contains('whisper')).to.equal(true);
    expect(whisper.querySelector('.whisper-label')!.textContent).to.include(
      'Whisper — only the representative sees this',
    );
    expect(whisper.querySelector('.whisper-label svg'), 'an icon, not colour alone').to.exist;
    expect(whisper.querySelector('.text')!.textContent).to.equal('<b>Offer</b> the refund.');
    expect(whisper.querySelector('b')).to.equal(null);
    expect(getComputedStyle(whisper).borderTopStyle).to.equal('double');
    await expect(el).to.be.accessible();
  });

  it('keeps the text and shows the reason when sending fails', async () => {
    const { h, el } = await setup();
    await answerMonitor(h);
    await typeWhisper(el, 'Ask for the order number.');
    sendButton(el).click();
    await el.updateComplete;
    const failed = oneEvent(el, 'sc-command-failed');
    h.adapter.last().answer({
      ok: false,
      error: commandError('unavailable', 'The contact centre could not be reached.'),
    });
    expect((await failed).detail.outcome.command).to.equal('whisper');
    await el.updateComplete;
    expect($(el, '.whisper-error')!.getAttribute('role')).to.equal('alert');
    expect($(el, '.whisper-error')!.textContent).to.include('could not be reached');
    expect(textarea(el).value).to.equal('Ask for the order number.');
    expect(sendButton(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('enforces the length limit with a counter, and a veto sends nothing', async () => {
    const { h, el } = await setup();
    await answerMonitor(h);
    const area = textarea(el);
    area.value = 'x'.repeat(WHISPER_MAX_LENGTH + 3);
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#whisper-count')!.textContent).to.include('3 characters too many');
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(sendButton(el).getAttribute('aria-disabled')).to.equal('true');
    sendButton(el).click();
    await el.updateComplete;
    expect(h.adapter.received.map((c) => c.name)).to.deep.equal(['monitor']);
    expect($(el, '.whisper-error')!.textContent).to.include('at most 2000 characters');
    await expect(el).to.be.accessible();

    area.value = 'x'.repeat(WHISPER_MAX_LENGTH);
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(sendButton(el).getAttribute('aria-disabled')).to.equal('false');

    el.addEventListener('sc-whisper-request', (e) => e.preventDefault(), { once: true });
    sendButton(el).click();
    await el.updateComplete;
    expect(h.adapter.received.map((c) => c.name)).to.deep.equal(['monitor']);
    expect(area.value).to.have.length(WHISPER_MAX_LENGTH);
  });
});

describe('<monitor-panel> whisper on the simulated centre', () => {
  it('whispers: the representative-only message shows marked in the transcript', async () => {
    const centre = new SimulatedCentre({
      seed: 5,
      conversations: 16,
      changesPerSecond: 0,
      commandLatencyMs: 5,
      transcriptIntervalMs: 10_000,
    });
    const service = new SupervisorService(centre, { frameScheduler: asyncScheduler });
    service.connect();
    await waitUntil(() => service.state.conversations.size > 0, 'snapshot');
    const ctx = service.ruleContext;
    const target = [...service.state.conversations.values()].find(
      (c) =>
        canMonitor(ctx, c).allowed &&
        canWhisper(ctx, { ...c, monitoredBy: [ctx.supervisorId] }).allowed,
    )!;
    expect(target, 'a conversation one can whisper on').to.exist;
    const el = await fixture<MonitorPanel>(
      html`<monitor-panel .service=${service} conversation-id=${target.id}></monitor-panel>`,
    );
    await waitUntil(() => $(el, '#whisper-text') !== null, 'composer once monitoring').catch(() => {
      throw new Error(el.shadowRoot!.textContent!.replace(/\s+/g, ' '));
    });
    await typeWhisper(el, 'Offer the refund.');
    const sent = oneEvent(el, 'sc-whisper-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    const stored = centre.transcriptMessages(target.id).filter((m) => m.author === 'supervisor');
    expect(stored.map((m) => [m.text, m.visibility])).to.deep.equal([
      ['Offer the refund.', 'representatives'],
    ]);
    await waitUntil(() => $(el, '.message.whisper') !== null, 'the whisper in the transcript');
    expect($(el, '.message.whisper .text')!.textContent).to.equal('Offer the refund.');
    expect(textarea(el).value).to.equal('');
    await expect(el).to.be.accessible();
    el.remove();
    service.dispose();
    centre.dispose();
  });
});
