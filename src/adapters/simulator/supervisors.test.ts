/**
 * Issue #11 on the simulated centre: the other supervisors (who else is here), `lastChange` on every
 * change, conflicts carrying the conversation as it is now, whisper, and "silent means silent".
 */
import { expect } from '@open-wc/testing';
import { canWhisper } from '../../domain/index.js';
import type { Conversation, TranscriptMessage } from '../../domain/index.js';
import type { AdapterEvent, CommandResult, TranscriptEvent } from '../backend-adapter.js';
import {
  base,
  changesOf,
  collect,
  find,
  simulator,
  type VirtualClock,
} from '../../../test/fixtures/simulator.js';
import type { SimulatedCentre } from './simulated-centre.js';
import type { SimulatorOptions } from './options.js';

function setup(options: SimulatorOptions = {}) {
  const { sim, clock } = simulator({ seed: 5, conversations: 80, ...options });
  const stream = collect(sim.connect());
  clock.advance(200);
  return { sim, clock, stream };
}

async function settle(clock: VirtualClock, answer: Promise<CommandResult>): Promise<CommandResult> {
  clock.advance(1000);
  return answer;
}

function expectOk(result: CommandResult): void {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
}

const ctxOf = (sim: SimulatedCentre) => ({
  settings: sim.settings,
  supervisorId: sim.supervisor.id,
  representatives: new Map(sim.representatives().map((r) => [r.id, r])),
});

/** A conversation the supervisor may monitor and then whisper on. */
function whisperable(sim: SimulatedCentre): Conversation {
  const ctx = ctxOf(sim);
  return find(
    sim,
    (c) =>
      c.status === 'active' &&
      c.representativeId !== sim.supervisor.id &&
      canWhisper(ctx, { ...c, monitoredBy: [sim.supervisor.id] }).allowed,
    'whisperable conversation',
  );
}

/** Watches a transcript: every message it brings after the snapshot. */
function watchTranscript(sim: SimulatedCentre, id: string) {
  const { events, subscription } = collect<TranscriptEvent>(sim.transcript(id));
  const live = (): TranscriptMessage[] =>
    events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  return { live, subscription };
}

/**
 * What participants (representative or customer) could notice from a stretch of the centre: every
 * transcript message not restricted to representatives, and every change to a conversation field
 * other than the supervisor-side `monitoredBy` (and the version).
 */
function participantVisible(
  before: Conversation,
  after: Conversation,
  messages: readonly TranscriptMessage[],
): string[] {
  const seen: string[] = messages
    .filter((m) => m.visibility !== 'representatives')
    .map((m) => `message: ${m.text}`);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Conversation>;
  for (const key of keys) {
    if (key === 'monitoredBy' || key === 'version') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) seen.push(`field: ${key}`);
  }
  return seen;
}

/** A conversation without the supervisor-side `monitoredBy`, its version and its `lastChange`. */
function visibleFields(c: Conversation): Record<string, unknown> {
  const skip = new Set(['monitoredBy', 'version', 'lastChange']);
  return Object.fromEntries(Object.entries(c).filter(([key]) => !skip.has(key)));
}

describe('simulator: supervisors, lastChange, whisper, silence (#11)', () => {
  it('the snapshot names the centre’s supervisors, the signed-in one first', () => {
    const { sim, stream } = setup();
    const snap = stream.events.find((e) => e.type === 'snapshot');
    const supervisors = snap?.type === 'snapshot' ? snap.snapshot.supervisors : undefined;
    expect(supervisors?.[0]).to.deep.equal(sim.supervisor);
    expect(supervisors?.length).to.equal(4);
    expect(new Set(supervisors?.map((s) => s.id)).size, 'distinct ids').to.equal(4);
    sim.dispose();
    expect(setup({ otherSupervisors: 0 }).sim.supervisors).to.have.length(1);
  });

  it('other supervisors monitor, join, leave and act now and then, deterministically, on virtual time', () => {
    const run = Object.assign(
      () => {
        const { sim, clock, stream } = setup({
          changesPerSecond: 5,
          supervisorActionsPerSecond: 2,
        });
        const first = stream.events.find((e) => e.type === 'snapshot');
        run.snapshot = first?.type === 'snapshot' ? [...first.snapshot.conversations] : [];
        clock.advance(120_000);
        const changes = changesOf(stream.events as AdapterEvent[]);
        stream.subscription.unsubscribe();
        const work = sim.activeWork;
        sim.dispose();
        return { changes, work };
      },
      { snapshot: [] as Conversation[] },
    );
    const { changes, work } = run();
    const others = new Set(['sup-sim-1', 'sup-sim-2', 'sup-sim-3']);
    const conversations = changes.flatMap((c) =>
      c.type === 'conversation' ? [c.conversation] : [],
    );
    expect(
      conversations.some((c) => c.monitoredBy.some((id) => others.has(id))),
      'monitoring',
    ).to.be.true;
    expect(
      conversations.some((c) => c.joinedBy.some((id) => others.has(id))),
      'joined',
    ).to.be.true;
    const actions = new Set(
      conversations
        .filter(
          (c) => c.lastChange?.by.type === 'supervisor' && others.has(c.lastChange.by.id ?? ''),
        )
        .map((c) => c.lastChange?.action),
    );
    expect([...actions].sort()).to.include.members(['assign', 'join', 'leave']);
    // Every change the centre makes says who made it; only silent monitoring changes without one.
    const snap = run.snapshot;
    const held = new Map(snap.map((c) => [c.id, c]));
    const unstamped: string[] = [];
    for (const c of conversations) {
      const prev = held.get(c.id);
      held.set(c.id, c);
      if (!prev) continue;
      const changed = JSON.stringify(visibleFields(prev)) !== JSON.stringify(visibleFields(c));
      const stamped = JSON.stringify(prev.lastChange) !== JSON.stringify(c.lastChange);
      if (changed && !stamped) unstamped.push(c.id);
    }
    expect(unstamped, 'changes without a new lastChange').to.deep.equal([]);
    // The same seed gives the same run.
    expect(JSON.stringify(run().changes)).to.equal(JSON.stringify(changes));
    expect(work, 'no work left once nobody is connected').to.equal(0);
  });

  it('rests with the lifecycle: at rate 0 nobody else acts', () => {
    const { sim, clock, stream } = setup({ supervisorActionsPerSecond: 5 });
    clock.advance(60_000);
    expect(changesOf(stream.events as AdapterEvent[])).to.deep.equal([]);
    sim.dispose();
  });

  it('stamps lastChange on routing, representative and customer changes', () => {
    const { sim, clock, stream } = setup({ changesPerSecond: 20, otherSupervisors: 0 });
    clock.advance(30_000);
    const byAction = new Map<string, string>();
    for (const c of changesOf(stream.events as AdapterEvent[])) {
      if (c.type === 'conversation' && c.conversation.lastChange) {
        byAction.set(String(c.conversation.lastChange.action), c.conversation.lastChange.by.type);
      }
    }
    expect(byAction.get('route')).to.equal('system');
    expect(byAction.get('message')).to.equal('customer');
    expect(byAction.get('pause')).to.equal('representative');
    sim.dispose();
  });

  it('a command by the supervisor is stamped with them; a stale one is refused with the conversation now', async () => {
    const { sim, clock } = setup();
    const c = find(sim, (x) => x.status === 'open', 'open conversation');
    const other = sim.queues().find((q) => q.id !== c.queueId)!;
    const target = { type: 'queue', id: other.id } as const;
    const flags = { overridePresence: false, overrideCapacity: false };
    expectOk(await settle(clock, sim.assign({ ...base(c), target, ...flags })));
    const now = sim.getConversation(c.id)!;
    expect(now.lastChange).to.deep.include({
      by: { type: 'supervisor', id: sim.supervisor.id },
      action: 'assign',
    });
    const back = { type: 'queue', id: c.queueId! } as const;
    const stale = await settle(clock, sim.assign({ ...base(c), target: back, ...flags }));
    expect(stale.ok).to.equal(false);
    if (stale.ok) return;
    expect(stale.error.kind).to.equal('conflict');
    expect(stale.error.currentVersion).to.equal(now.version);
    expect(stale.error.current).to.deep.equal(now);
    sim.dispose();
  });

  describe('whisper', () => {
    it('lands as a supervisor message only representatives see; the conversation does not change', async () => {
      const { sim, clock } = setup();
      const c = whisperable(sim);
      expectOk(await settle(clock, sim.monitor(base(c))));
      const watched = watchTranscript(sim, c.id);
      const before = sim.getConversation(c.id)!;
      const result = await settle(
        clock,
        sim.whisper({ ...base(before), text: '  Offer the refund.  ' }),
      );
      expectOk(result);
      const whispers = watched.live().filter((m) => m.author === 'supervisor');
      expect(whispers.map((m) => [m.text, m.visibility, m.authorName])).to.deep.equal([
        ['Offer the refund.', 'representatives', sim.supervisor.name],
      ]);
      expect(sim.getConversation(c.id)).to.deep.equal(before);
      watched.subscription.unsubscribe();
      sim.dispose();
    });

    it('is idempotent: the same key twice whispers once', async () => {
      const { sim, clock } = setup();
      const c = whisperable(sim);
      expectOk(await settle(clock, sim.monitor(base(c))));
      const command = { ...base(sim.getConversation(c.id)!), text: 'Once' };
      expectOk(await settle(clock, sim.whisper(command)));
      expectOk(await settle(clock, sim.whisper(command)));
      const once = sim.transcriptMessages(c.id).filter((m) => m.text === 'Once');
      expect(once).to.have.length(1);
      sim.dispose();
    });

    it('is refused without monitoring, with the monitor switch off, and when blank', async () => {
      const { sim, clock } = setup();
      const c = whisperable(sim);
      const refused = async (text: string, reason: string) => {
        const r = await settle(clock, sim.whisper({ ...base(sim.getConversation(c.id)!), text }));
        expect(r.ok, reason).to.equal(false);
        if (!r.ok) expect([r.error.kind, r.error.reason]).to.deep.equal(['invalid', reason]);
      };
      await refused('Hello', 'not-monitoring');
      expectOk(await settle(clock, sim.monitor(base(c))));
      await refused('   ', 'empty-message');
      sim.setSettings({ monitor: false });
      await refused('Hello', 'switch-off');
      expect(sim.transcriptMessages(c.id).filter((m) => m.author === 'supervisor')).to.deep.equal(
        [],
      );
      sim.dispose();
    });
  });

  describe('silent means silent', () => {
    it('monitoring alone shows participants nothing; joining does (the same check catches it)', async () => {
      const { sim, clock } = setup();
      const c = whisperable(sim);
      const watched = watchTranscript(sim, c.id);
      const before = sim.getConversation(c.id)!;

      expectOk(await settle(clock, sim.monitor(base(before))));
      const monitored = sim.getConversation(c.id)!;
      expect(monitored.monitoredBy).to.include(sim.supervisor.id);
      expect(participantVisible(before, monitored, watched.live()), 'monitor').to.deep.equal([]);

      // The check is not vacuous: joining is visible, as a message everyone sees and a field.
      const seenSoFar = watched.live().length;
      expectOk(await settle(clock, sim.join(base(monitored))));
      const joined = sim.getConversation(c.id)!;
      const visible = participantVisible(monitored, joined, watched.live().slice(seenSoFar));
      expect(visible).to.include(`message: ${sim.supervisor.name} joined the conversation.`);
      expect(visible).to.include('field: joinedBy');
      watched.subscription.unsubscribe();
      sim.dispose();
    });

    it('stopping a silent watch is silent too', async () => {
      const { sim, clock } = setup();
      const c = whisperable(sim);
      expectOk(await settle(clock, sim.monitor(base(c))));
      const watched = watchTranscript(sim, c.id);
      const monitored = sim.getConversation(c.id)!;
      expectOk(await settle(clock, sim.unmonitor(base(monitored))));
      const after = sim.getConversation(c.id)!;
      expect(after.monitoredBy).not.to.include(sim.supervisor.id);
      expect(participantVisible(monitored, after, watched.live())).to.deep.equal([]);
      watched.subscription.unsubscribe();
      sim.dispose();
    });
  });
});
