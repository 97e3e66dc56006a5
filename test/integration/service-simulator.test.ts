/**
 * SupervisorService on the simulated contact centre, on virtual time: the service always ends in the
 * backend's true state, enforces the same rules, and leaves no work behind.
 */
import { expect } from '@open-wc/testing';
import { SupervisorService } from '../../src/service/index.js';
import type { CommandOutcome, Outcome } from '../../src/service/index.js';
import type { SimulatorOptions } from '../../src/adapters/simulator/index.js';
import { SimulatedCentre } from '../../src/adapters/simulator/index.js';
import {
  canMonitor,
  canTransfer,
  capacityExcess,
  costOf,
  type Conversation,
} from '../../src/domain/index.js';
import { VirtualClock, base } from '../fixtures/simulator.js';

function setup(options: SimulatorOptions = {}) {
  const clock = new VirtualClock();
  const sim = new SimulatedCentre({
    changesPerSecond: 0,
    commandLatencyMs: 100,
    ...options,
    scheduler: clock.scheduler,
  });
  const service = new SupervisorService(sim, { frameScheduler: clock.scheduler, closingMs: 1000 });
  const outcomes: Outcome[] = [];
  service.outcomes$.subscribe((o) => outcomes.push(o));
  service.connect();
  clock.advance(100); // the snapshot arrives after the latency
  return { clock, sim, service, outcomes };
}

/** Runs a command to its end on virtual time. */
async function settle(
  clock: VirtualClock,
  command: Promise<CommandOutcome>,
): Promise<CommandOutcome> {
  for (let i = 0; i < 5; i += 1) {
    await Promise.resolve();
    clock.advance(100);
  }
  return command;
}

/** The service's view of every ongoing conversation equals the simulator's truth. */
function expectInSync(service: SupervisorService, sim: SimulatedCentre): void {
  const truth = sim.conversations().filter((c) => c.status !== 'closed');
  const held = [...service.state.conversations.values()].filter((c) => c.status !== 'closed');
  const truthIds = new Set(truth.map((c) => c.id));
  const extra = held
    .filter((c) => !truthIds.has(c.id))
    .map(
      (c) =>
        `${c.id} v${c.version} ${c.status}; sim: ${JSON.stringify(sim.getConversation(c.id)?.version)} ${sim.getConversation(c.id)?.status}`,
    );
  expect(extra, 'conversations the backend no longer has').to.deep.equal([]);
  expect(held.length, 'ongoing conversations').to.equal(truth.length);
  for (const c of truth) expect(service.state.conversations.get(c.id), c.id).to.deep.equal(c);
  for (const r of sim.representatives())
    expect(service.state.representatives.get(r.id), r.id).to.deep.equal(r);
}

function pick(
  service: SupervisorService,
  predicate: (c: Conversation) => boolean,
  what: string,
): Conversation {
  const c = [...service.state.conversations.values()].find(predicate);
  if (!c) throw new Error(`no ${what}`);
  return c;
}

describe('SupervisorService on the simulated centre', () => {
  it('follows a 10,000-conversation centre at 1,000 changes a second, in sync, one emission per frame', () => {
    const { clock, sim, service } = setup({
      conversations: 10_000,
      changesPerSecond: 1000,
      seed: 3,
    });
    let emissions = 0;
    const sub = service.state$.subscribe(() => (emissions += 1));
    expect(service.state.conversations.size).to.be.greaterThan(9000);
    clock.advance(10_000);
    sub.unsubscribe();
    expectInSync(service, sim);
    // 100 change batches (one per 100 ms tick) coalesce to about one emission each, not 10,000.
    expect(emissions).to.be.within(50, 260);
    service.dispose();
  });

  it('stays in the true state through duplicated, reordered and malformed events', () => {
    const { clock, sim, service } = setup({
      conversations: 300,
      changesPerSecond: 200,
      faults: { duplicateEvents: 0.3, reorderEvents: 0.3, malformedEvents: 0.05 },
    });
    clock.advance(5000);
    sim.setFaults({ duplicateEvents: 0, reorderEvents: 0, malformedEvents: 0 });
    clock.advance(1000); // flush any change held over by the reordering
    expectInSync(service, sim);
    expect(service.state.connection.problems.length, 'malformed events reported').to.be.greaterThan(
      0,
    );
    service.dispose();
  });

  it('resyncs after a dropped stream, reporting reconnecting then live', () => {
    const { clock, sim, service } = setup({ conversations: 200, changesPerSecond: 100 });
    sim.dropStream(2000);
    clock.advance(50);
    expect(service.state.connection.status).to.equal('reconnecting');
    clock.advance(3000);
    expect(service.state.connection.status).to.equal('live');
    expectInSync(service, sim);
    service.dispose();
  });

  const switches = [
    [
      'monitor',
      (s: SupervisorService, c: Conversation) => s.monitor(c.id),
      (c: Conversation) => c.status === 'active',
    ],
    [
      'assign',
      (s: SupervisorService, c: Conversation) => s.assign(c.id, { type: 'queue', id: 'none' }),
      (c: Conversation) => c.status === 'open',
    ],
    [
      'transfer',
      (s: SupervisorService, c: Conversation) => s.transfer(c.id, { type: 'queue', id: 'none' }),
      (c: Conversation) => c.status === 'active',
    ],
    [
      'forceClose',
      (s: SupervisorService, c: Conversation) => s.forceClose(c.id),
      (c: Conversation) => c.channel !== 'record',
    ],
  ] as const;
  for (const [key, call, fits] of switches) {
    it(`refuses ${key} with its switch off in the service, and the simulator refuses it when called directly`, async () => {
      const { clock, sim, service } = setup({ settings: { [key]: false } });
      const c = pick(service, fits, `conversation for ${key}`);
      const outcome = await call(service, c);
      expect(outcome.status).to.equal('refused');
      expect(outcome.error?.reason).to.equal('switch-off');
      const direct =
        key === 'assign'
          ? sim.assign({
              ...base(c),
              target: { type: 'queue', id: 'q-x' },
              overridePresence: false,
              overrideCapacity: false,
            })
          : key === 'transfer'
            ? sim.transfer({ ...base(c), target: { type: 'queue', id: 'q-x' } })
            : sim[key](base(c));
      clock.advance(200);
      const result = await direct;
      expect(result.ok).to.equal(false);
      expect(!result.ok && result.error.reason).to.equal('switch-off');
      service.dispose();
    });
  }

  it('monitors silently, then joins and leaves visibly', async () => {
    const { clock, service, sim } = setup();
    const c = pick(service, (x) => canMonitor(service.ruleContext, x).allowed, 'monitorable');
    const before = sim.transcriptMessages(c.id).length;
    expect((await settle(clock, service.monitor(c.id))).status).to.equal('succeeded');
    expect(service.getConversation(c.id)?.monitoredBy).to.include('sup-1');
    expect(sim.transcriptMessages(c.id).length, 'monitoring adds nothing visible').to.equal(before);
    expect((await settle(clock, service.join(c.id))).status).to.equal('succeeded');
    expect(sim.transcriptMessages(c.id).at(-1)?.text).to.contain('joined');
    expect((await settle(clock, service.leave(c.id))).status).to.equal('succeeded');
    expect((await settle(clock, service.unmonitor(c.id))).status).to.equal('succeeded');
    expectInSync(service, sim);
    service.dispose();
  });

  it('assigns over capacity only with the override, and the representative ends over by the units shown', async () => {
    const { clock, service, sim } = setup({ conversations: 80, seed: 5 });
    const opens = [...service.state.conversations.values()].filter(
      (c) => c.status === 'open' && c.representativeId === null,
    );
    const humans = [...service.state.representatives.values()].filter(
      (r) => r.kind === 'human' && r.id !== 'sup-1',
    );
    const pairs = opens.flatMap((c) =>
      humans.map((r) => ({ c, r, excess: capacityExcess(r, costOf(c)) })),
    );
    const pair = pairs.sort((a, b) => b.excess - a.excess)[0]!;
    expect(pair.excess, 'the seeded world has a representative without room').to.be.greaterThan(0);
    const target = { type: 'representative', id: pair.r.id } as const;
    const refused = await service.assign(pair.c.id, target, { presence: true });
    expect(refused.status).to.equal('refused');
    expect(refused.error?.reason).to.equal('capacity');
    expect(refused.error?.message).to.contain(`by ${pair.excess} unit`);
    const done = await settle(
      clock,
      service.assign(pair.c.id, target, { presence: true, capacity: true }),
    );
    expect(done.status).to.equal('succeeded');
    const after = sim.getRepresentative(pair.r.id)!;
    expect(after.capacity.used - after.capacity.total).to.equal(pair.excess);
    expect(sim.getConversation(pair.c.id)?.representativeId).to.equal(pair.r.id);
    expectInSync(service, sim);
    service.dispose();
  });

  for (const [probability, outcome] of [
    [1, 'accepted'],
    [0, 'rejected'],
  ] as const) {
    it(`transfers: pending, then ${outcome} without any refresh`, async () => {
      const { clock, service, sim, outcomes } = setup({
        transferAcceptProbability: probability,
        transferAnswerDelayMs: 3000,
      });
      const c = pick(service, (x) => canTransfer(service.ruleContext, x).allowed, 'transferable');
      const from = c.representativeId!;
      const to = [...service.state.representatives.values()].find(
        (r) => r.kind === 'human' && r.id !== from && r.id !== 'sup-1' && r.presence !== 'offline',
      )!;
      expect(
        (await settle(clock, service.transfer(c.id, { type: 'representative', id: to.id }))).status,
      ).to.equal('succeeded');
      expect(service.state.transfers.get(c.id)?.outcome).to.equal('pending');
      expect(service.getConversation(c.id)?.pendingTransfer?.toRepresentativeId).to.equal(to.id);
      clock.advance(3500);
      expect(service.state.transfers.get(c.id)?.outcome).to.equal(outcome);
      expect(outcomes.at(-1)).to.include({ command: 'transfer', status: outcome });
      const now = service.getConversation(c.id)!;
      expect(now.pendingTransfer).to.equal(null);
      if (outcome === 'accepted') {
        expect(now.representativeId).to.equal(to.id);
        expect(now.consultantIds).to.include(from);
      } else {
        expect(now.representativeId, 'the old representative stays primary').to.equal(from);
      }
      expectInSync(service, sim);
      service.dispose();
    });
  }

  it('reports a conflict when the conversation changed meanwhile, and rolls back', async () => {
    const { clock, service, sim } = setup();
    const c = pick(
      service,
      (x) => x.status === 'open' && x.representativeId === null,
      'open conversation',
    );
    // Someone else assigns it first, straight on the backend; our service has not heard yet.
    sim.setFaults({ latencyMs: 0 });
    const other = sim.assign({
      ...base(c),
      target: { type: 'queue', id: [...service.state.queues.keys()].find((q) => q !== c.queueId)! },
      overridePresence: false,
      overrideCapacity: false,
    });
    clock.advance(100);
    await other;
    sim.setFaults({ commandError: { kind: 'conflict', commands: ['forceClose'], remaining: 1 } });
    const outcome = await settle(clock, service.forceClose(c.id));
    expect(outcome.status).to.equal('failed');
    expect(outcome.error?.kind).to.equal('conflict');
    expect(service.getConversation(c.id)?.status).to.not.equal('closed');
    expectInSync(service, sim);
    service.dispose();
  });

  it('a command applied but whose answer was lost is retried with its key and applied once', async () => {
    const { clock, service, sim } = setup({ conversations: 40 });
    const open = pick(
      service,
      (c) => c.status === 'open' && c.representativeId === null,
      'open conversation',
    );
    const queue = [...service.state.queues.keys()].find((q) => q !== open.queueId)!;
    sim.setFaults({ failAfterApply: { commands: ['assign'], remaining: 1 } });
    const lost = await settle(clock, service.assign(open.id, { type: 'queue', id: queue }));
    expect(lost.status).to.equal('failed');
    expect(lost.error?.kind).to.equal('unavailable');
    expect(sim.getConversation(open.id)?.queueId, 'the backend did apply it').to.equal(queue);
    const versionAfterFirst = sim.getConversation(open.id)!.version;
    expect(service.canRetry(lost)).to.equal(true);
    const retried = await settle(clock, service.retry(lost));
    expect(retried.status).to.equal('succeeded');
    expect(sim.getConversation(open.id)!.version, 'not applied a second time').to.equal(
      versionAfterFirst,
    );
    expectInSync(service, sim);
    service.dispose();
  });

  it('leaves no simulator work behind once the service is disposed', () => {
    const { clock, service, sim } = setup({ conversations: 500, changesPerSecond: 1000 });
    clock.advance(1000);
    expect(sim.activeWork).to.be.greaterThan(0);
    service.dispose();
    clock.advance(10_000);
    expect(sim.activeWork).to.equal(0);
  });
});
