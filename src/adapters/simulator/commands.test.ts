import { expect } from '@open-wc/testing';
import { costOf, isMessagingChannel } from '../../domain/index.js';
import type { Conversation, Representative } from '../../domain/index.js';
import type { CommandResult, TransferCommand } from '../backend-adapter.js';
import {
  base,
  capacityMismatches,
  changesOf,
  collect,
  find,
  simulator,
  type VirtualClock,
} from '../../../test/fixtures/simulator.js';
import type { SimulatedCentre } from './simulated-centre.js';
import type { SimulatorOptions } from './options.js';

/**
 * A world where some available people have room and some are full, on virtual time; the lifecycle
 * is off (rate 0) unless a test turns it on, so only commands change it.
 */
function setup(options: SimulatorOptions = {}) {
  const { sim, clock } = simulator({
    seed: 3,
    conversations: 100,
    representatives: 18,
    transferAnswerDelayMs: 3000,
    transferAcceptProbability: 1,
    ...options,
  });
  const stream = collect(sim.connect());
  clock.advance(200); // snapshot and live
  return { sim, clock, stream };
}

async function settle(clock: VirtualClock, answer: Promise<CommandResult>): Promise<CommandResult> {
  clock.advance(1000);
  return answer;
}

function expectOk(result: CommandResult): Conversation {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  expect(result.conversation).to.be.an('object');
  return result.conversation as Conversation;
}

function expectRefused(result: CommandResult, kind: string, reason?: string): void {
  expect(result.ok, JSON.stringify(result)).to.equal(false);
  if (result.ok) return;
  expect(result.error.kind).to.equal(kind);
  if (reason) expect(result.error.reason).to.equal(reason);
  expect(result.error.message).to.be.a('string').and.not.equal('');
}

const isHuman = (sim: SimulatedCentre, id: string | null): boolean =>
  id !== null && id !== 'sup-1' && sim.getRepresentative(id)?.kind === 'human';

function transferable(sim: SimulatedCentre): Conversation {
  return find(
    sim,
    (c) =>
      (c.status === 'active' || c.status === 'waiting') &&
      isMessagingChannel(c.channel) &&
      c.mode === 'text' &&
      isHuman(sim, c.representativeId),
    'transferable conversation',
  );
}

function availableHuman(sim: SimulatedCentre, c: Conversation): Representative {
  const rep = sim
    .representatives()
    .find(
      (r) =>
        r.kind === 'human' &&
        r.id !== 'sup-1' &&
        r.id !== c.representativeId &&
        r.presence === 'available' &&
        r.capacity.used + costOf(c) <= r.capacity.total,
    );
  if (!rep) throw new Error('no available human with room');
  return rep;
}

function aiAgent(sim: SimulatedCentre): Representative {
  const rep = sim.representatives().find((r) => r.kind === 'ai');
  if (!rep) throw new Error('no AI agent');
  return rep;
}

function transferTo(
  c: Conversation,
  id: string,
  type: 'representative' | 'queue' = 'representative',
): TransferCommand {
  return { ...base(c), target: { type, id } };
}

describe('simulator: commands', () => {
  describe('assign', () => {
    it('to a person: primary, Active, acceptedAt now, capacity charged, changes emitted', async () => {
      const { sim, clock, stream } = setup();
      const c = find(sim, (x) => x.status === 'open', 'open conversation');
      const rep = availableHuman(sim, c);
      const answer = sim.assign({
        ...base(c),
        target: { type: 'representative', id: rep.id },
        overridePresence: false,
        overrideCapacity: false,
      });
      clock.advance(99);
      expect(sim.getConversation(c.id)?.status, 'not before the latency').to.equal('open');
      const after = expectOk(await settle(clock, answer));
      expect(after.status).to.equal('active');
      expect(after.representativeId).to.equal(rep.id);
      expect(after.acceptedAt).to.equal(clock.now - 1000 + 1);
      expect(after.version).to.equal(c.version + 1);
      expect(sim.getRepresentative(rep.id)?.capacity.used).to.equal(rep.capacity.used + costOf(c));
      const changes = changesOf(stream.events);
      expect(changes.map((x) => x.type)).to.deep.equal(['conversation', 'representative']);
      expect(capacityMismatches(sim.conversations(), sim.representatives())).to.deep.equal([]);
    });

    it('to another queue: the queue changes and it stays Open', async () => {
      const { sim, clock } = setup();
      const c = find(sim, (x) => x.status === 'open', 'open conversation');
      const queue = sim.queues().find((q) => q.id !== c.queueId)!;
      const after = expectOk(
        await settle(
          clock,
          sim.assign({
            ...base(c),
            target: { type: 'queue', id: queue.id },
            overridePresence: false,
            overrideCapacity: false,
          }),
        ),
      );
      expect(after.queueId).to.equal(queue.id);
      expect(after.status).to.equal('open');
      expect(after.representativeId).to.equal(null);
    });

    it('is refused for an Active conversation, an AI agent, the current queue, unknown targets', async () => {
      const { sim, clock } = setup();
      const active = find(sim, (x) => x.status === 'active', 'active conversation');
      const open = find(sim, (x) => x.status === 'open', 'open conversation');
      const rep = availableHuman(sim, open);
      const assign = (c: Conversation, type: 'representative' | 'queue', id: string) =>
        settle(
          clock,
          sim.assign({
            ...base(c),
            target: { type, id },
            overridePresence: false,
            overrideCapacity: false,
          }),
        );
      expectRefused(await assign(active, 'representative', rep.id), 'invalid', 'status');
      expectRefused(await assign(open, 'representative', aiAgent(sim).id), 'invalid', 'ai-agent');
      expectRefused(await assign(open, 'queue', open.queueId!), 'invalid', 'current-queue');
      expectRefused(await assign(open, 'representative', 'nobody'), 'not-found');
      expectRefused(await assign(open, 'queue', 'no-queue'), 'not-found');
      expectRefused(
        await settle(
          clock,
          sim.assign({
            ...base(open),
            conversationId: 'c-missing',
            target: { type: 'queue', id: 'q-1' },
            overridePresence: false,
            overrideCapacity: false,
          }),
        ),
        'not-found',
      );
      expect(sim.getConversation(open.id)).to.deep.equal(open);
    });

    it('needs the presence and capacity overrides, and then exceeds capacity', async () => {
      const { sim, clock } = setup();
      const open = find(sim, (x) => x.status === 'open', 'open conversation');
      const away = sim
        .representatives()
        .find((r) => r.kind === 'human' && r.id !== 'sup-1' && r.presence !== 'available');
      const full = sim
        .representatives()
        .find(
          (r) =>
            r.kind === 'human' &&
            r.id !== 'sup-1' &&
            r.presence === 'available' &&
            r.capacity.used + costOf(open) > r.capacity.total,
        );
      if (!away || !full) throw new Error('the seeded world lacks an unavailable or a full person');
      const assign = (id: string, overridePresence: boolean, overrideCapacity: boolean) =>
        settle(
          clock,
          sim.assign({
            ...base(open),
            target: { type: 'representative', id },
            overridePresence,
            overrideCapacity,
          }),
        );
      expectRefused(await assign(away.id, false, true), 'invalid', 'presence');
      expectRefused(await assign(full.id, true, false), 'invalid', 'capacity');
      const after = expectOk(await assign(full.id, false, true));
      expect(after.representativeId).to.equal(full.id);
      const rep = sim.getRepresentative(full.id)!;
      expect(rep.capacity.used).to.be.greaterThan(rep.capacity.total);
      expect(capacityMismatches(sim.conversations(), sim.representatives())).to.deep.equal([]);
    });
  });

  describe('transfer', () => {
    it('to a person: pending, then accepted: target primary, old representative consultant', async () => {
      const { sim, clock, stream } = setup();
      const c = transferable(sim);
      const from = sim.getRepresentative(c.representativeId!)!;
      const to = availableHuman(sim, c);
      const pending = expectOk(await settle(clock, sim.transfer(transferTo(c, to.id))));
      expect(pending.pendingTransfer).to.include({
        fromRepresentativeId: from.id,
        toRepresentativeId: to.id,
        toQueueId: null,
        supervisorId: 'sup-1',
      });
      expect(pending.representativeId).to.equal(from.id);
      expect(pending.status).to.equal(c.status);
      expect(sim.getRepresentative(to.id)?.capacity.used).to.equal(to.capacity.used);
      const mark = stream.events.length;
      clock.advance(3000);
      const after = sim.getConversation(c.id)!;
      expect(after.representativeId).to.equal(to.id);
      expect(after.consultantIds).to.include(from.id);
      expect(after.pendingTransfer).to.equal(null);
      expect(after.status).to.equal('active');
      expect(sim.getRepresentative(from.id)?.capacity.used).to.equal(
        from.capacity.used - costOf(c),
      );
      expect(sim.getRepresentative(to.id)?.capacity.used).to.equal(to.capacity.used + costOf(c));
      const changes = changesOf(stream.events.slice(mark));
      expect(changes.map((x) => x.type)).to.deep.equal([
        'conversation',
        'representative',
        'representative',
        'transfer-resolved',
      ]);
      expect(changes[3]).to.deep.equal({
        type: 'transfer-resolved',
        conversationId: c.id,
        outcome: 'accepted',
        toRepresentativeId: to.id,
        at: pending.pendingTransfer!.requestedAt + 3000,
      });
      expect(capacityMismatches(sim.conversations(), sim.representatives())).to.deep.equal([]);
      expect(sim.activeWork).to.equal(1); // only the tick is left
    });

    it('to a person: rejected leaves the old representative primary', async () => {
      const { sim, clock, stream } = setup({ transferAcceptProbability: 0 });
      const c = transferable(sim);
      const to = availableHuman(sim, c);
      const pending = expectOk(await settle(clock, sim.transfer(transferTo(c, to.id))));
      clock.advance(3000);
      const after = sim.getConversation(c.id)!;
      expect(after.representativeId).to.equal(c.representativeId);
      expect(after.pendingTransfer).to.equal(null);
      expect(after.consultantIds).to.deep.equal(c.consultantIds);
      const resolved = changesOf(stream.events).filter((x) => x.type === 'transfer-resolved');
      expect(resolved).to.deep.equal([
        {
          type: 'transfer-resolved',
          conversationId: c.id,
          outcome: 'rejected',
          toRepresentativeId: to.id,
          at: pending.pendingTransfer!.requestedAt + 3000,
        },
      ]);
    });

    it('to a queue: Open in that queue, old representative released, resolved at once', async () => {
      const { sim, clock, stream } = setup();
      const c = transferable(sim);
      const from = sim.getRepresentative(c.representativeId!)!;
      const queue = sim.queues().find((q) => q.id !== c.queueId)!;
      const after = expectOk(await settle(clock, sim.transfer(transferTo(c, queue.id, 'queue'))));
      expect(after).to.include({
        status: 'open',
        queueId: queue.id,
        representativeId: null,
        acceptedAt: null,
        pendingTransfer: null,
      });
      expect(after.consultantIds).to.deep.equal([]);
      expect(sim.getRepresentative(from.id)?.capacity.used).to.equal(
        from.capacity.used - costOf(c),
      );
      const resolved = changesOf(stream.events).filter((x) => x.type === 'transfer-resolved');
      expect(resolved).to.have.length(1);
      expect(resolved[0]).to.include({ outcome: 'accepted', toRepresentativeId: null });
    });

    it('is refused for voice, escalated, AI-handled, to an AI agent, to the same person, while pending', async () => {
      const { sim, clock } = setup();
      const transfer = (c: Conversation, id: string) =>
        settle(clock, sim.transfer(transferTo(c, id)));
      const voice = find(
        sim,
        (x) => x.channel === 'voice' && x.status === 'active',
        'active voice call',
      );
      const escalated = find(
        sim,
        (x) => x.mode !== 'text' && (x.status === 'active' || x.status === 'waiting'),
        'escalated conversation',
      );
      const byAgent = find(
        sim,
        (x) =>
          x.status === 'active' && sim.getRepresentative(x.representativeId ?? '')?.kind === 'ai',
        'AI-handled conversation',
      );
      const wrapUp = find(sim, (x) => x.status === 'wrap-up', 'wrap-up conversation');
      const c = transferable(sim);
      const to = availableHuman(sim, c);
      expectRefused(await transfer(voice, to.id), 'invalid', 'channel');
      expectRefused(await transfer(escalated, to.id), 'invalid', 'escalated');
      expectRefused(await transfer(byAgent, to.id), 'invalid', 'ai-agent');
      expectRefused(await transfer(wrapUp, to.id), 'invalid', 'status');
      expectRefused(await transfer(c, aiAgent(sim).id), 'invalid', 'ai-agent');
      expectRefused(await transfer(c, c.representativeId!), 'invalid', 'same-representative');
      expectOk(await transfer(c, to.id));
      const now = sim.getConversation(c.id)!;
      expectRefused(await transfer(now, to.id), 'invalid', 'transfer-pending');
    });

    it('holds the lifecycle off a conversation while its transfer is pending', async () => {
      const { sim, clock } = setup({
        transferAnswerDelayMs: 60_000,
        conversations: 30,
      });
      const c = transferable(sim);
      const to = availableHuman(sim, c);
      const pending = expectOk(await settle(clock, sim.transfer(transferTo(c, to.id))));
      sim.setRate(2000);
      clock.advance(50_000);
      const during = sim.getConversation(c.id)!;
      expect(during).to.include({
        status: pending.status,
        representativeId: pending.representativeId,
        queueId: pending.queueId,
        mode: pending.mode,
      });
      expect(during.pendingTransfer).to.deep.equal(pending.pendingTransfer);
      clock.advance(10_000);
      expect(sim.getConversation(c.id)?.pendingTransfer).to.equal(null);
      expect(capacityMismatches(sim.conversations(), sim.representatives())).to.deep.equal([]);
    });
  });

  describe('force close', () => {
    it('closes, releases capacity, writes a system line, and leaves the ongoing list', async () => {
      const { sim, clock, stream } = setup();
      const c = find(
        sim,
        (x) => x.status === 'active' && x.channel === 'voice' && isHuman(sim, x.representativeId),
        'active voice call',
      );
      const rep = sim.getRepresentative(c.representativeId!)!;
      const after = expectOk(await settle(clock, sim.forceClose(base(c))));
      expect(after.status).to.equal('closed');
      expect(sim.conversations().some((x) => x.id === c.id)).to.equal(false);
      expect(sim.getConversation(c.id)?.status).to.equal('closed');
      expect(sim.getRepresentative(rep.id)?.capacity.used).to.equal(rep.capacity.used - costOf(c));
      const closed = changesOf(stream.events).find((x) => x.type === 'conversation');
      expect(closed?.type === 'conversation' && closed.conversation.status).to.equal('closed');
      const last = sim.transcriptMessages(c.id).at(-1);
      expect(last).to.include({ author: 'system', text: 'Sam Supervisor ended the conversation.' });
    });

    it('cancels a pending transfer’s answer', async () => {
      const { sim, clock, stream } = setup();
      const c = transferable(sim);
      const pending = expectOk(
        await settle(clock, sim.transfer(transferTo(c, availableHuman(sim, c).id))),
      );
      expectOk(await settle(clock, sim.forceClose(base(pending))));
      expect(sim.activeWork).to.equal(1); // the tick only: no transfer answer left
      clock.advance(5000);
      expect(changesOf(stream.events).filter((x) => x.type === 'transfer-resolved')).to.deep.equal(
        [],
      );
    });

    it('is refused for records and for closed conversations', async () => {
      const { sim, clock } = setup();
      const record = find(sim, (x) => x.channel === 'record', 'record');
      expectRefused(await settle(clock, sim.forceClose(base(record))), 'invalid', 'channel');
      const c = find(sim, (x) => x.channel === 'sms', 'SMS conversation');
      const closed = expectOk(await settle(clock, sim.forceClose(base(c))));
      expectRefused(await settle(clock, sim.forceClose(base(closed))), 'invalid', 'status');
    });
  });

  describe('monitor, join, leave, unmonitor', () => {
    function watchable(sim: SimulatedCentre): Conversation {
      return find(
        sim,
        (x) =>
          x.status === 'active' &&
          isHuman(sim, x.representativeId) &&
          isMessagingChannel(x.channel),
        'active chat',
      );
    }

    it('monitor is silent; join and leave are visible to everyone; unmonitor also leaves', async () => {
      const { sim, clock, stream } = setup({ transcriptIntervalMs: 1e9 });
      const c = watchable(sim);
      const transcript = collect(sim.transcript(c.id));
      const messages = () => transcript.events.filter((e) => e.type === 'message');

      let now = expectOk(await settle(clock, sim.monitor(base(c))));
      expect(now.monitoredBy).to.deep.equal(['sup-1']);
      expect(now.joinedBy).to.deep.equal([]);
      expect(messages(), 'monitoring writes nothing').to.deep.equal([]);
      const monitorChanges = changesOf(stream.events);
      expect(monitorChanges.map((x) => x.type)).to.deep.equal(['conversation']);

      now = expectOk(await settle(clock, sim.join(base(now))));
      expect(now.joinedBy).to.deep.equal(['sup-1']);
      expect(messages()).to.have.length(1);
      expect(messages()[0]).to.deep.include({ type: 'message' });
      const joined = messages()[0]!.type === 'message' ? messages()[0] : undefined;
      expect(joined && joined.type === 'message' && joined.message).to.include({
        author: 'system',
        text: 'Sam Supervisor joined the conversation.',
        visibility: 'all',
      });

      now = expectOk(await settle(clock, sim.leave(base(now))));
      expect(now.joinedBy).to.deep.equal([]);
      expect(now.monitoredBy).to.deep.equal(['sup-1']);
      expect(messages()).to.have.length(2);

      now = expectOk(await settle(clock, sim.join(base(now))));
      now = expectOk(await settle(clock, sim.unmonitor(base(now))));
      expect(now.monitoredBy).to.deep.equal([]);
      expect(now.joinedBy).to.deep.equal([]);
      const texts = messages().map((e) => (e.type === 'message' ? e.message.text : ''));
      expect(texts).to.deep.equal([
        'Sam Supervisor joined the conversation.',
        'Sam Supervisor left the conversation.',
        'Sam Supervisor joined the conversation.',
        'Sam Supervisor left the conversation.',
      ]);
      transcript.subscription.unsubscribe();
    });

    it('refuses to monitor one’s own conversation, an Open one; join before monitoring; leave before joining', async () => {
      const { sim, clock } = setup();
      const own = find(sim, (x) => x.representativeId === 'sup-1', 'supervisor’s conversation');
      expectRefused(await settle(clock, sim.monitor(base(own))), 'invalid', 'own-conversation');
      const open = find(sim, (x) => x.status === 'open', 'open conversation');
      expectRefused(await settle(clock, sim.monitor(base(open))), 'invalid', 'status');
      const c = watchable(sim);
      expectRefused(await settle(clock, sim.join(base(c))), 'invalid', 'not-monitoring');
      expectRefused(await settle(clock, sim.leave(base(c))), 'invalid', 'not-joined');
      // Monitoring records is fine; stopping without monitoring is a harmless success.
      const record = find(
        sim,
        (x) => x.channel === 'record' && x.status === 'active',
        'active record',
      );
      expectOk(await settle(clock, sim.monitor(base(record))));
      expectOk(await settle(clock, sim.unmonitor(base(c))));
    });
  });

  describe('admin switches', () => {
    it('refuses all six actions with their switch off, even called directly', async () => {
      const { sim, clock, stream } = setup({
        settings: { monitor: false, assign: false, transfer: false, forceClose: false },
      });
      const open = find(sim, (x) => x.status === 'open', 'open conversation');
      const c = transferable(sim);
      const to = availableHuman(sim, c);
      const results = [
        await settle(
          clock,
          sim.assign({
            ...base(open),
            target: { type: 'representative', id: to.id },
            overridePresence: true,
            overrideCapacity: true,
          }),
        ),
        await settle(clock, sim.transfer(transferTo(c, to.id))),
        await settle(clock, sim.forceClose(base(c))),
        await settle(clock, sim.monitor(base(c))),
        await settle(clock, sim.join(base(c))),
        await settle(clock, sim.leave(base(c))),
      ];
      for (const result of results) expectRefused(result, 'invalid', 'switch-off');
      expect(changesOf(stream.events)).to.deep.equal([]);
      expect(sim.getConversation(c.id)).to.deep.equal(c);
      // Stopping monitoring is never blocked by the switch.
      expectOk(await settle(clock, sim.unmonitor(base(c))));
    });

    it('setSettings switches at runtime and emits a settings change', async () => {
      const { sim, clock, stream } = setup();
      sim.setSettings({ forceClose: false });
      expect(changesOf(stream.events)).to.deep.equal([
        {
          type: 'settings',
          settings: { monitor: true, assign: true, transfer: true, forceClose: false },
        },
      ]);
      const c = transferable(sim);
      expectRefused(await settle(clock, sim.forceClose(base(c))), 'invalid', 'switch-off');
      sim.setSettings({ forceClose: true });
      expectOk(await settle(clock, sim.forceClose(base(c))));
    });
  });

  describe('stale versions and idempotency', () => {
    it('answers conflict when a field the command depends on changed since expectedVersion', async () => {
      const { sim, clock } = setup();
      const open = find(sim, (x) => x.status === 'open', 'open conversation');
      const [q1, q2] = sim.queues().filter((q) => q.id !== open.queueId);
      const toQueue = (id: string) => ({
        ...base(open),
        target: { type: 'queue' as const, id },
        overridePresence: false,
        overrideCapacity: false,
      });
      const moved = expectOk(await settle(clock, sim.assign(toQueue(q1!.id))));
      const stale = await settle(clock, sim.assign(toQueue(q2!.id)));
      expectRefused(stale, 'conflict');
      expect(!stale.ok && stale.error.currentVersion).to.equal(moved.version);
      expect(sim.getConversation(open.id)?.queueId).to.equal(q1!.id);
    });

    it('does not call a change that does not matter a conflict (monitoring, sentiment)', async () => {
      const { sim, clock } = setup();
      const c = transferable(sim);
      const monitored = expectOk(await settle(clock, sim.monitor(base(c))));
      expect(monitored.version).to.equal(c.version + 1);
      const to = availableHuman(sim, c);
      expectOk(await settle(clock, sim.transfer(transferTo(c, to.id)))); // made against the old version
    });

    it('applies a command once per idempotency key and answers a retry with the same result', async () => {
      const { sim, clock, stream } = setup();
      const open = find(sim, (x) => x.status === 'open', 'open conversation');
      const queue = sim.queues().find((q) => q.id !== open.queueId)!;
      const command = {
        ...base(open),
        target: { type: 'queue' as const, id: queue.id },
        overridePresence: false,
        overrideCapacity: false,
      };
      const first = await settle(clock, sim.assign(command));
      const again = await settle(clock, sim.assign(command));
      expect(again).to.equal(first);
      expect(sim.getConversation(open.id)?.version).to.equal(open.version + 1);
      expect(changesOf(stream.events)).to.have.length(1);
    });

    it('refuses a malformed command instead of throwing', async () => {
      const { sim, clock } = setup();
      const result = await settle(clock, sim.monitor({} as never));
      expectRefused(result, 'invalid');
    });
  });

  it('keeps no work scheduled once every answer is in and nobody is connected', async () => {
    const { sim, clock, stream } = setup();
    const c = transferable(sim);
    const answer = sim.transfer(transferTo(c, availableHuman(sim, c).id));
    stream.subscription.unsubscribe();
    expect(sim.activeWork).to.equal(1); // the command's answer
    expectOk(await settle(clock, answer));
    expect(sim.activeWork).to.equal(1); // the transfer target's answer
    clock.advance(3000);
    expect(sim.activeWork).to.equal(0);
    expect(sim.getConversation(c.id)?.pendingTransfer).to.equal(null);
  });

  it('answers unanswered commands unavailable when disposed', async () => {
    const { sim } = setup();
    const c = transferable(sim);
    const answer = sim.monitor(base(c));
    sim.dispose();
    expectRefused(await answer, 'unavailable');
    expect(sim.activeWork).to.equal(0);
  });
});
