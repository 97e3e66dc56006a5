import '../../../test/setup.js';
import './monitor-panel.define.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { asyncScheduler } from 'rxjs';
import type { MonitorPanel } from './monitor-panel.js';
import { describeSentiment } from './monitor-panel.js';
import { SimulatedCentre } from '../../adapters/index.js';
import { canMonitor, isMessagingChannel, type TranscriptMessage } from '../../domain/index.js';
import { SupervisorService } from '../../service/supervisor-service.js';
import { SUPERVISOR_ID, conversation } from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import {
  answerMonitor,
  connectedService,
  settle,
  type Harness,
} from '../../../test/fixtures/element-harness.js';

function message(n: number, overrides: Partial<TranscriptMessage> = {}): TranscriptMessage {
  return {
    id: `m-${n}`,
    conversationId: 'active-chat',
    at: 1_700_000_000_000 + n * 1000,
    author: n % 2 ? 'customer' : 'representative',
    authorName: n % 2 ? 'Alice Active' : 'Hana Human',
    text: `Message number ${n}`,
    ...overrides,
  };
}

interface Setup {
  h: Harness;
  el: MonitorPanel;
}

async function setup(id = 'active-chat'): Promise<Setup> {
  const h = await connectedService(
    smallSnapshot({
      conversations: [
        ...smallSnapshot().conversations,
        conversation({ id: 'mine', customerName: 'Mo Mine', representativeId: SUPERVISOR_ID }),
      ],
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
const text = (el: MonitorPanel) => el.shadowRoot!.querySelector('.panel')!.textContent!;

describe('<monitor-panel>', () => {
  it('shows an empty state without a conversation', async () => {
    const el = await fixture<MonitorPanel>(html`<monitor-panel></monitor-panel>`);
    expect(el.shadowRoot!.textContent).to.include('Choose Monitor on a conversation');
    await expect(el).to.be.accessible();
  });

  it('starts silent monitoring and shows the header and the transcript', async () => {
    const { el, h } = await setup();
    expect(h.adapter.last().name).to.equal('monitor');
    expect(h.adapter.transcripts.has('active-chat'), 'transcript stream open').to.equal(true);
    await answerMonitor(h);
    h.adapter.transcripts.get('active-chat')!.next({
      type: 'snapshot',
      messages: [message(1), message(2), message(3, { author: 'bot', authorName: 'Helper bot' })],
    });
    await settle();
    expect($(el, '#customer')!.textContent).to.equal('Alice Active');
    const facts = $(el, '.facts')!.textContent!;
    for (const fact of ['Live chat', 'Hana Human', 'General', 'Active']) {
      expect(facts).to.include(fact);
    }
    expect($(el, '.mode')!.textContent).to.include('Monitoring silently');
    const items = el.shadowRoot!.querySelectorAll('.message');
    expect(items).to.have.length(3);
    expect(items[2]!.classList.contains('bot')).to.equal(true);
    expect($(el, '[role="log"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('renders hostile text as text, never as markup', async () => {
    const { el, h } = await setup();
    await answerMonitor(h);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    h.adapter.transcripts.get('active-chat')!.next({
      type: 'message',
      message: message(1, { text: hostile, authorName: '<b>Mallory</b>' }),
    });
    await settle();
    expect($(el, '.message img')).to.equal(null);
    expect($(el, '.message b')).to.equal(null);
    expect($(el, '.message .text')!.textContent).to.equal(hostile);
    expect($(el, '.message .author')!.textContent).to.equal('<b>Mallory</b>');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('follows new messages, and offers "N new messages" after the supervisor scrolled up', async () => {
    const { el, h } = await setup();
    await answerMonitor(h);
    const stream = h.adapter.transcripts.get('active-chat')!;
    stream.next({ type: 'snapshot', messages: Array.from({ length: 30 }, (_, i) => message(i)) });
    await settle();
    const scroller = $(el, '.scroller')!;
    const atEnd = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 33;
    expect(atEnd(), 'starts at the end').to.equal(true);
    stream.next({ type: 'message', message: message(30) });
    await settle();
    expect(atEnd(), 'follows a new message').to.equal(true);
    expect($(el, '.new-messages')).to.equal(null);

    scroller.scrollTop = 0;
    await oneEvent(scroller, 'scroll');
    await el.updateComplete;
    stream.next({ type: 'message', message: message(31) });
    stream.next({ type: 'message', message: message(32) });
    await settle();
    expect(scroller.scrollTop, 'stays where the supervisor is').to.equal(0);
    expect($(el, '.new-messages')!.textContent).to.include('2 new messages');
    await expect(el).to.be.accessible();
    $(el, '.new-messages')!.click();
    await settle();
    expect(atEnd()).to.equal(true);
    expect($(el, '.new-messages')).to.equal(null);
  });

  it('draws the customer sentiment over time with a text alternative', async () => {
    const { el, h } = await setup();
    await answerMonitor(h);
    h.adapter.transcripts.get('active-chat')!.next({
      type: 'snapshot',
      messages: [
        message(1, { sentiment: 'neutral' }),
        message(2),
        message(3, { sentiment: 'slightly-negative' }),
        message(5, { sentiment: 'negative' }),
      ],
    });
    await settle();
    expect($(el, 'figcaption')!.textContent).to.include(
      'Sentiment went from Neutral to Negative over 3 customer messages.',
    );
    expect(el.shadowRoot!.querySelectorAll('.chart circle')).to.have.length(3);
    expect($(el, '.chart polyline')).to.exist;
    expect(describeSentiment([])).to.equal('No customer sentiment yet.');
    expect(describeSentiment(['positive', 'positive'])).to.include('stayed Positive');
  });

  it('joins (a visible participant) and leaves, with request and past-tense events', async () => {
    const { el, h } = await setup();
    await answerMonitor(h);
    const join = $<HTMLButtonElement>(el, 'button.join')!;
    expect(join.getAttribute('aria-disabled')).to.equal('false');
    const request = oneEvent(el, 'sc-join-request');
    join.click();
    await request;
    await el.updateComplete;
    expect($(el, 'button.join')!.textContent).to.include('Joining…');
    const joined = oneEvent(el, 'sc-joined');
    const c = h.service.state.conversations.get('active-chat')!;
    h.adapter.last().answer({
      ok: true,
      conversation: { ...c, version: c.version + 1, joinedBy: [SUPERVISOR_ID] },
    });
    await joined;
    h.adapter.transcripts.get('active-chat')!.next({
      type: 'message',
      message: message(9, {
        author: 'system',
        authorName: '',
        text: 'Sam Supervisor joined the conversation.',
      }),
    });
    await settle();
    expect($(el, '.mode')!.textContent).to.include('You joined');
    expect($(el, '.message.system')!.textContent).to.include('joined the conversation');
    await expect(el).to.be.accessible();

    const left = oneEvent(el, 'sc-left');
    $<HTMLButtonElement>(el, 'button.leave')!.click();
    await el.updateComplete;
    expect(h.adapter.last().name).to.equal('leave');
    const c2 = h.service.state.conversations.get('active-chat')!;
    h.adapter
      .last()
      .answer({ ok: true, conversation: { ...c2, version: c2.version + 1, joinedBy: [] } });
    await left;
    await settle();
    expect($(el, '.mode')!.textContent).to.include('Monitoring silently');
  });

  it('closing unmonitors and closes the transcript stream', async () => {
    const { el, h } = await setup();
    await answerMonitor(h);
    const closing = oneEvent(el, 'sc-monitor-close');
    $<HTMLButtonElement>(el, 'button.close')!.click();
    expect((await closing).detail.conversationId).to.equal('active-chat');
    await settle();
    expect(el.conversationId).to.equal(null);
    expect(h.adapter.last().name).to.equal('unmonitor');
    expect(h.adapter.transcripts.has('active-chat'), 'stream closed').to.equal(false);
    expect(el.streaming).to.equal(false);
  });

  it('a vetoed close keeps monitoring', async () => {
    const { el, h } = await setup();
    await answerMonitor(h);
    el.addEventListener('sc-monitor-close', (e) => e.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, 'button.close')!.click();
    await settle();
    expect(el.conversationId).to.equal('active-chat');
    expect(h.adapter.transcripts.has('active-chat')).to.equal(true);
  });

  it('removing the panel from the page stops monitoring', async () => {
    const { el, h } = await setup();
    await answerMonitor(h);
    el.remove();
    await settle();
    expect(h.adapter.last().name).to.equal('unmonitor');
    expect(h.adapter.transcripts.has('active-chat')).to.equal(false);
  });

  it('refuses a conversation assigned to the supervisor, with the reason', async () => {
    const { el, h } = await setup('mine');
    expect(text(el)).to.include('You cannot monitor a conversation assigned to you.');
    expect(h.adapter.received).to.have.length(0);
    expect(h.adapter.transcripts.size).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows the responsible-use notice from the property or the slot', async () => {
    const { el } = await setup();
    el.notice = 'Customers are told at the start of each chat that it may be monitored.';
    await el.updateComplete;
    expect($(el, '.notice')!.textContent).to.include('Customers are told');
    const slotted = document.createElement('span');
    slotted.slot = 'notice';
    slotted.textContent = 'Our monitoring policy applies.';
    el.append(slotted);
    await settle();
    const slot = $<HTMLSlotElement>(el, 'slot[name="notice"]')!;
    expect(slot.assignedNodes()).to.deep.equal([slotted]);
    el.notice = '';
    await el.updateComplete;
    expect($(el, '.notice')!.hidden).to.equal(false);
    slotted.remove();
    await settle();
    expect($(el, '.notice')!.hidden).to.equal(true);
  });
});

describe('<monitor-panel> on the simulated centre', () => {
  it('streams the transcript, joins with a system message, and stops the stream on close', async () => {
    const centre = new SimulatedCentre({
      seed: 3,
      conversations: 12,
      changesPerSecond: 0,
      commandLatencyMs: 5,
      transcriptIntervalMs: 40,
    });
    const service = new SupervisorService(centre, { frameScheduler: asyncScheduler });
    service.connect();
    await waitUntil(() => service.state.conversations.size > 0, 'snapshot');
    const ctx = service.ruleContext;
    const target = [...service.state.conversations.values()].find(
      (c) => canMonitor(ctx, c).allowed && c.status === 'active' && isMessagingChannel(c.channel),
    )!;
    const el = await fixture<MonitorPanel>(
      html`<monitor-panel .service=${service} conversation-id=${target.id}></monitor-panel>`,
    );
    await waitUntil(() => centre.transcriptSubscribers(target.id) === 1, 'stream opened');
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('.message').length > 0,
      'transcript shown',
    );
    const before = el.shadowRoot!.querySelectorAll('.message').length;
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('.message').length > before,
      'a live message appended',
    );
    await waitUntil(
      () => $(el, 'button.join')?.getAttribute('aria-disabled') === 'false',
      'join offered once monitoring',
    );
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button.join')!.click();
    await waitUntil(
      () =>
        [...el.shadowRoot!.querySelectorAll('.message.system')].some((m) =>
          m.textContent!.includes('Sam Supervisor joined the conversation.'),
        ),
      'system message about the join',
    );
    $<HTMLButtonElement>(el, 'button.close')!.click();
    await settle();
    expect(centre.transcriptSubscribers(target.id), 'the simulator stops producing').to.equal(0);
    const count = centre.transcriptMessages(target.id).length;
    await settle(200);
    expect(centre.transcriptMessages(target.id).length, 'no new messages produced').to.equal(count);
    await waitUntil(
      () => !centre.getConversation(target.id)?.monitoredBy.includes(ctx.supervisorId),
      'no longer monitored by the backend',
    );
    service.dispose();
    centre.dispose();
  });
});
