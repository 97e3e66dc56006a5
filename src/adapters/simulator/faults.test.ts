import { expect } from '@open-wc/testing';
import { ROLE_GUIDANCE, isMessagingChannel } from '../../domain/index.js';
import type { Conversation } from '../../domain/index.js';
import type { CentreChange, CommandResult } from '../backend-adapter.js';
import { base, changesOf, collect, find, simulator } from '../../../test/fixtures/simulator.js';
import type { SimulatorOptions } from './options.js';

function setup(options: SimulatorOptions = {}) {
  const { sim, clock } = simulator({ seed: 5, ...options });
  const stream = collect(sim.connect());
  clock.advance(100);
  const active = find(
    sim,
    (c) => c.status === 'active' && c.representativeId !== 'sup-1' && isMessagingChannel(c.channel),
    'active chat',
  );
  const open = find(sim, (c) => c.status === 'open', 'open conversation');
  const queueFor = (c: Conversation) => sim.queues().find((q) => q.id !== c.queueId)!.id;
  const toQueue = (c: Conversation) => ({
    ...base(c),
    target: { type: 'queue' as const, id: queueFor(c) },
    overridePresence: false,
    overrideCapacity: false,
  });
  const settle = async (answer: Promise<CommandResult>) => {
    clock.advance(5000);
    return answer;
  };
  return { sim, clock, stream, active, open, toQueue, settle };
}

/** Just enough of a change's shape to tell a malformed one (the service validates fully). */
function wellFormed(change: unknown): boolean {
  if (typeof change !== 'object' || change === null) return false;
  const c = change as Partial<CentreChange> & Record<string, unknown>;
  switch (c.type) {
    case 'conversation': {
      const conv = c.conversation as Partial<Conversation> | null;
      return (
        !!conv &&
        typeof conv.status === 'string' &&
        ['open', 'active', 'waiting', 'wrap-up', 'closed'].includes(conv.status) &&
        typeof conv.customerName === 'string'
      );
    }
    case 'representative':
      return typeof c.representative === 'object' && c.representative !== null;
    case 'transfer-resolved':
    case 'settings':
      return true;
    default:
      return false;
  }
}

describe('simulator: faults', () => {
  it('starts with every fault off, and takes faults from the options', () => {
    expect(simulator().sim.faults).to.deep.equal({
      latencyMs: 0,
      commandError: null,
      failAfterApply: null,
      duplicateEvents: 0,
      reorderEvents: 0,
      malformedEvents: 0,
    });
    expect(simulator({ faults: { latencyMs: 300 } }).sim.faults.latencyMs).to.equal(300);
  });

  it('latencyMs delays answers by that much more', async () => {
    const { sim, clock, active } = setup({ commandLatencyMs: 100 });
    sim.setFaults({ latencyMs: 500 });
    let answered = false;
    const answer = sim.monitor(base(active)).then((r) => {
      answered = true;
      return r;
    });
    clock.advance(599);
    await Promise.resolve();
    expect(answered).to.equal(false);
    clock.advance(1);
    expect((await answer).ok).to.equal(true);
  });

  it('commandError forbidden: the role guidance, nothing applied, only the named commands, counted', async () => {
    const { sim, active, open, toQueue, settle } = setup();
    sim.setFaults({ commandError: { kind: 'forbidden', commands: ['assign'], remaining: 1 } });
    const refused = await settle(sim.assign(toQueue(open)));
    expect(refused.ok).to.equal(false);
    if (!refused.ok) {
      expect(refused.error.kind).to.equal('forbidden');
      expect(refused.error.message).to.equal(ROLE_GUIDANCE);
    }
    expect(sim.getConversation(open.id)).to.deep.equal(open);
    expect((await settle(sim.monitor(base(active)))).ok, 'other commands pass').to.equal(true);
    expect(sim.faults.commandError, 'used up').to.equal(null);
    expect((await settle(sim.assign(toQueue(open)))).ok).to.equal(true);
  });

  it('commandError conflict, rate-limited, not-found, unavailable carry their details', async () => {
    const { sim, active, settle } = setup();
    const answer = async (fault: Parameters<typeof sim.setFaults>[0]) => {
      sim.setFaults(fault);
      const result = await settle(sim.monitor(base(active)));
      if (result.ok) throw new Error('expected a failure');
      return result.error;
    };
    expect(await answer({ commandError: { kind: 'conflict' } })).to.include({
      kind: 'conflict',
      currentVersion: active.version,
    });
    expect(await answer({ commandError: { kind: 'rate-limited', retryAfterMs: 2500 } })).to.include(
      { kind: 'rate-limited', retryAfterMs: 2500 },
    );
    expect((await answer({ commandError: { kind: 'not-found' } })).kind).to.equal('not-found');
    expect((await answer({ commandError: { kind: 'unavailable' } })).kind).to.equal('unavailable');
    expect(sim.getConversation(active.id)?.monitoredBy).to.deep.equal([]);
  });

  it('failAfterApply: applied, answered unavailable; the retry with the same key applies nothing more', async () => {
    const { sim, active, stream, settle } = setup();
    sim.setFaults({ failAfterApply: { commands: ['monitor'], remaining: 1 } });
    const command = base(active);
    const lost = await settle(sim.monitor(command));
    expect(lost.ok).to.equal(false);
    if (!lost.ok) expect(lost.error.kind).to.equal('unavailable');
    expect(sim.getConversation(active.id)?.monitoredBy).to.deep.equal(['sup-1']);
    expect(sim.faults.failAfterApply).to.equal(null);
    const retry = await settle(sim.monitor(command));
    expect(retry.ok).to.equal(true);
    expect(retry.ok && retry.conversation?.version).to.equal(active.version + 1);
    expect(sim.getConversation(active.id)?.version).to.equal(active.version + 1);
    expect(changesOf(stream.events)).to.have.length(1);
    sim.setFaults({ failAfterApply: true });
    expect(sim.faults.failAfterApply).to.deep.equal({});
    sim.setFaults({ failAfterApply: false });
    expect(sim.faults.failAfterApply).to.equal(null);
  });

  it('duplicateEvents delivers changes twice', () => {
    const { sim, clock, stream } = setup({ changesPerSecond: 50 });
    sim.setFaults({ duplicateEvents: 1 });
    clock.advance(2000);
    const changes = changesOf(stream.events);
    expect(changes.length).to.be.greaterThan(50);
    for (let i = 0; i < changes.length; i += 2) expect(changes[i + 1]).to.equal(changes[i]);
  });

  it('reorderEvents swaps neighbours within and across batches, losing nothing', () => {
    const plain = setup({ changesPerSecond: 50 });
    const shuffled = setup({ changesPerSecond: 50, faults: { reorderEvents: 0.5 } });
    plain.clock.advance(10_000);
    shuffled.clock.advance(10_000);
    const a = changesOf(plain.stream.events);
    const b = changesOf(shuffled.stream.events);
    expect(b).not.to.deep.equal(a);
    // The same changes (the world's random stream is untouched by faults), at most one held back.
    const key = (c: CentreChange) => JSON.stringify(c);
    expect(a.length - b.length).to.be.within(0, 1);
    expect(b.map(key).sort()).to.deep.equal(
      a
        .map(key)
        .filter((k) => b.map(key).includes(k))
        .sort(),
    );
    // Some entity's version is seen going backwards: out of order, as the service must tolerate.
    const seen = new Map<string, number>();
    let backwards = 0;
    for (const c of b) {
      if (c.type !== 'conversation') continue;
      const last = seen.get(c.conversation.id) ?? 0;
      if (c.conversation.version < last) backwards++;
      seen.set(c.conversation.id, Math.max(last, c.conversation.version));
    }
    expect(backwards).to.be.greaterThan(0);
  });

  it('malformedEvents slips in changes the service must reject', () => {
    const { sim, clock, stream } = setup({ changesPerSecond: 50 });
    sim.setFaults({ malformedEvents: 0.5 });
    clock.advance(4000);
    const changes = changesOf(stream.events) as unknown[];
    const bad = changes.filter((c) => !wellFormed(c));
    expect(bad.length).to.be.greaterThan(10);
    expect(changes.length - bad.length).to.be.greaterThan(bad.length);
  });

  it('dropStream: reconnecting, changes missed, then a fresh snapshot and live', () => {
    const { sim, clock, stream } = setup({ changesPerSecond: 50, reconnectDelayMs: 3000 });
    clock.advance(1000);
    const mark = stream.events.length;
    const before = sim.snapshot();
    sim.dropStream();
    expect(stream.events[mark]).to.deep.include({ type: 'status', status: 'reconnecting' });
    clock.advance(2999);
    expect(stream.events.length, 'nothing while reconnecting').to.equal(mark + 1);
    clock.advance(1);
    const [snapshot, live] = stream.events.slice(mark + 1);
    expect(snapshot?.type).to.equal('snapshot');
    expect(live).to.deep.equal({ type: 'status', status: 'live' });
    // The world went on meanwhile: the fresh snapshot is not the old one.
    if (snapshot?.type === 'snapshot') {
      expect(snapshot.snapshot.conversations).not.to.deep.equal(before.conversations);
    }
    clock.advance(1000);
    expect(changesOf(stream.events.slice(mark)).length).to.be.greaterThan(20);
    stream.subscription.unsubscribe();
    expect(sim.activeWork).to.equal(0);
  });

  it('dropStream while a subscriber leaves cancels its pending snapshot', () => {
    const { sim, stream } = setup({ changesPerSecond: 50 });
    sim.dropStream();
    stream.subscription.unsubscribe();
    expect(sim.activeWork).to.equal(0);
  });
});
