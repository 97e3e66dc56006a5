import { expect } from '@open-wc/testing';
import { SENTIMENT_SCALE, isMessagingChannel, sentimentScore } from '../../domain/index.js';
import type { Conversation, TranscriptMessage } from '../../domain/index.js';
import type { TranscriptEvent } from '../backend-adapter.js';
import {
  START,
  base,
  changesOf,
  collect,
  find,
  simulator,
} from '../../../test/fixtures/simulator.js';
import type { SimulatedCentre } from './simulated-centre.js';

const messagesOf = (events: readonly TranscriptEvent[]): TranscriptMessage[] =>
  events.flatMap((e) =>
    e.type === 'snapshot' ? [...e.messages] : e.type === 'message' ? [e.message] : [],
  );

function activeChat(sim: SimulatedCentre): Conversation {
  return find(
    sim,
    (c) =>
      c.status === 'active' &&
      isMessagingChannel(c.channel) &&
      c.representativeId !== 'sup-1' &&
      sim.getRepresentative(c.representativeId ?? '')?.kind === 'human',
    'active chat with a person',
  );
}

describe('simulator: transcripts', () => {
  it('an unknown conversation: offline, then complete', () => {
    const { sim } = simulator();
    let completed = false;
    const events: TranscriptEvent[] = [];
    sim
      .transcript('nope')
      .subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
    expect(events).to.have.length(1);
    expect(events[0]).to.include({ type: 'status', status: 'offline' });
    expect(completed).to.equal(true);
    expect(sim.activeWork).to.equal(0);
  });

  it('starts with a plausible history consistent with the conversation', () => {
    const { sim } = simulator();
    for (const c of sim.conversations().slice(0, 30)) {
      const { events, subscription } = collect(sim.transcript(c.id));
      subscription.unsubscribe();
      expect(events[0]?.type).to.equal('snapshot');
      const messages = messagesOf(events);
      expect(messages.length, c.id).to.be.greaterThan(2);
      expect(messages[0]?.author).to.equal('system');
      expect(new Set(messages.map((m) => m.id)).size).to.equal(messages.length);
      for (let i = 1; i < messages.length; i++) {
        expect(messages[i]!.at, `${c.id} in time order`).to.be.at.least(messages[i - 1]!.at);
      }
      for (const m of messages) {
        expect(m.at).to.be.at.most(START);
        expect(m.conversationId).to.equal(c.id);
        if (m.author === 'customer') expect(SENTIMENT_SCALE).to.include(m.sentiment);
        else expect(m.sentiment).to.equal(undefined);
      }
      const customer = messages.filter((m) => m.author === 'customer');
      expect(customer.at(-1)?.sentiment, `${c.id} ends on the conversation's sentiment`).to.equal(
        c.sentiment,
      );
      if (c.representativeId) {
        const rep = sim.getRepresentative(c.representativeId)!;
        expect(messages.some((m) => m.authorName === rep.name)).to.equal(true);
      }
    }
  });

  it('is the same for the same seed, whatever else was asked first', () => {
    const a = simulator({ seed: 4 }).sim;
    const b = simulator({ seed: 4 }).sim;
    const [first, second] = a.conversations();
    collect(b.transcript(second!.id)).subscription.unsubscribe();
    const fromA = collect(a.transcript(first!.id));
    const fromB = collect(b.transcript(first!.id));
    expect(fromB.events).to.deep.equal(fromA.events);
  });

  it('goes on live while watched: messages every few seconds, sentiment drifting step by step', () => {
    const { sim, clock } = simulator({ transcriptIntervalMs: 1000 });
    const stream = collect(sim.connect());
    clock.advance(100);
    const c = activeChat(sim);
    const watched = collect(sim.transcript(c.id));
    expect(sim.transcriptSubscribers(c.id)).to.equal(1);
    clock.advance(20_000);
    const live = watched.events.filter((e) => e.type === 'message');
    expect(live.length).to.be.within(18, 20);
    const customer = messagesOf(live).filter((m) => m.author === 'customer');
    const replies = messagesOf(live).filter((m) => m.author === 'representative');
    expect(customer.length).to.be.greaterThan(3);
    expect(replies.length).to.be.greaterThan(3);
    let previous = c.sentiment;
    for (const m of customer) {
      expect(Math.abs(sentimentScore(m.sentiment!) - sentimentScore(previous))).to.be.at.most(1);
      previous = m.sentiment!;
    }
    const now = sim.getConversation(c.id)!;
    expect(now.sentiment).to.equal(previous);
    expect(now.lastCustomerMessageAt).to.equal(customer.at(-1)?.at);
    // Each customer message is also a conversation change (sentiment, last customer message).
    const updates = changesOf(stream.events).filter(
      (x) => x.type === 'conversation' && x.conversation.id === c.id,
    );
    expect(updates.length).to.equal(customer.length);
  });

  it('stops producing when the last watcher leaves; two watchers share one producer', () => {
    const { sim, clock } = simulator({ transcriptIntervalMs: 1000 });
    const c = activeChat(sim);
    const a = collect(sim.transcript(c.id));
    const b = collect(sim.transcript(c.id));
    expect(sim.transcriptSubscribers(c.id)).to.equal(2);
    expect(sim.activeWork).to.equal(1);
    clock.advance(5000);
    expect(messagesOf(b.events).slice(-5)).to.deep.equal(messagesOf(a.events).slice(-5));
    a.subscription.unsubscribe();
    expect(sim.activeWork).to.equal(1);
    b.subscription.unsubscribe();
    expect(sim.transcriptSubscribers(c.id)).to.equal(0);
    expect(sim.activeWork).to.equal(0);
    const count = sim.transcriptMessages(c.id).length;
    clock.advance(10_000);
    expect(sim.transcriptMessages(c.id)).to.have.length(count);
  });

  it('shows a force close in a watched transcript, then stops producing', async () => {
    const { sim, clock } = simulator({ transcriptIntervalMs: 1e9 });
    const c = activeChat(sim);
    const watched = collect(sim.transcript(c.id));
    const answer = sim.forceClose(base(c));
    clock.advance(200);
    expect((await answer).ok).to.equal(true);
    const last = messagesOf(watched.events).at(-1);
    expect(last).to.include({ author: 'system', text: 'Sam Supervisor ended the conversation.' });
    // Its producer is done; a new watcher of the closed conversation still gets its history.
    clock.advance(1e9);
    expect(sim.activeWork).to.equal(0);
    const late = collect(sim.transcript(c.id));
    expect(messagesOf(late.events).at(-1)).to.deep.equal(last);
    watched.subscription.unsubscribe();
    late.subscription.unsubscribe();
  });

  it('shows the lifecycle’s events (assignment, closing) as system lines', () => {
    const { sim, clock } = simulator({ changesPerSecond: 50, transcriptIntervalMs: 1e9 });
    const watched = sim
      .conversations()
      .filter((c) => c.status === 'open' || c.status === 'wrap-up')
      .map((c) => collect(sim.transcript(c.id)));
    collect(sim.connect());
    clock.advance(60_000);
    const lines = watched.flatMap((w) =>
      messagesOf(w.events.filter((e) => e.type === 'message')).filter((m) => m.author === 'system'),
    );
    const texts = new Set(lines.map((m) => m.text.replace(/^.* joined/, '… joined')));
    expect(texts).to.include('… joined the conversation.');
    expect(texts).to.include('The conversation was closed.');
  });
});
