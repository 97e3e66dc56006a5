/**
 * Bulk interventions on the simulated centre, on virtual time: the rows the backend refuses fail on
 * their own, the rest are applied, the service ends in the backend's true state, and the rows the
 * rules refuse never reach the backend.
 */
import { expect } from '@open-wc/testing';
import {
  SupervisorService,
  type BulkResult,
  type CommandOutcome,
} from '../../src/service/index.js';
import { SimulatedCentre, type SimulatorOptions } from '../../src/adapters/simulator/index.js';
import { canAssign, canForceClose, type Conversation } from '../../src/domain/index.js';
import { VirtualClock } from '../fixtures/simulator.js';

function setup(options: SimulatorOptions = {}) {
  const clock = new VirtualClock();
  const sim = new SimulatedCentre({
    changesPerSecond: 0,
    commandLatencyMs: 100,
    conversations: 80,
    seed: 11,
    ...options,
    scheduler: clock.scheduler,
  });
  const service = new SupervisorService(sim, { frameScheduler: clock.scheduler, closingMs: 1000 });
  const sent: string[] = [];
  let inFlight = 0;
  let peak = 0;
  service.outcomes$.subscribe((o) => {
    if (o.status === 'pending') {
      sent.push(o.conversationId);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
    } else if (o.status === 'succeeded' || o.status === 'failed') inFlight -= 1;
  });
  service.connect();
  clock.advance(100);
  return { clock, sim, service, sent, peak: () => peak };
}

/** Advances virtual time until the bulk run resolves. */
async function finish(clock: VirtualClock, running: Promise<BulkResult>): Promise<BulkResult> {
  let result: BulkResult | undefined;
  void running.then((r) => (result = r));
  for (let i = 0; i < 200 && !result; i += 1) {
    await Promise.resolve();
    await Promise.resolve();
    clock.advance(50);
  }
  if (!result) throw new Error('the bulk run did not finish');
  return result;
}

function ongoing(service: SupervisorService): Conversation[] {
  return [...service.state.conversations.values()].filter((c) => c.status !== 'closed');
}

describe('bulk interventions on the simulated centre', () => {
  it('force-closes a mixed selection: two rows conflict, records are refused unsent, nothing is lost', async () => {
    const { clock, sim, service, sent, peak } = setup();
    const ctx = service.ruleContext;
    const closable = ongoing(service)
      .filter((c) => canForceClose(ctx, c).allowed)
      .slice(0, 9);
    const records = ongoing(service)
      .filter((c) => c.channel === 'record')
      .slice(0, 2);
    expect(closable.length, 'closable conversations in the world').to.equal(9);
    expect(records.length, 'records in the world').to.equal(2);
    const ids = [records[0]!.id, ...closable.map((c) => c.id), records[1]!.id];

    sim.setFaults({ commandError: { kind: 'conflict', commands: ['forceClose'], remaining: 2 } });
    const result = await finish(clock, service.bulkForceClose(ids));

    expect(
      result.rows.map((r) => r.conversationId),
      'one result per row, in order',
    ).to.deep.equal(ids);
    expect(sent, 'records never sent').to.not.include.members(records.map((r) => r.id));
    expect(sent).to.have.length(9);
    expect(peak(), 'at most four at once').to.equal(4);
    expect([result.succeeded, result.failed, result.refused]).to.deep.equal([7, 2, 2]);
    expect(
      result.rows.filter((r) => r.status === 'failed').map((r) => r.error?.kind),
    ).to.deep.equal(['conflict', 'conflict']);
    for (const row of result.rows) {
      const truth = sim.getConversation(row.conversationId);
      if (row.status === 'succeeded')
        expect(truth?.status ?? 'closed', row.conversationId).to.equal('closed');
      else expect(truth?.status, row.conversationId).to.not.equal('closed');
    }
    clock.advance(2000); // closed rows leave the view
    const truth = sim.conversations().filter((c) => c.status !== 'closed');
    expect(
      ongoing(service)
        .map((c) => c.id)
        .sort(),
    ).to.deep.equal(truth.map((c) => c.id).sort());
  });

  it('assigns Open conversations to a queue; one unreachable answer fails its row only and can be retried', async () => {
    const { clock, sim, service } = setup();
    const ctx = service.ruleContext;
    const target = sim.queues()[1]!;
    const open = ongoing(service)
      .filter((c) => canAssign(ctx, c).allowed && c.queueId !== target.id)
      .slice(0, 5);
    expect(open.length, 'open conversations in the world').to.be.greaterThan(2);
    const active = ongoing(service).find((c) => c.status === 'active')!;
    const ids = [...open.map((c) => c.id), active.id];

    sim.setFaults({ commandError: { kind: 'unavailable', commands: ['assign'], remaining: 1 } });
    const result = await finish(clock, service.bulkAssignToQueue(ids, target.id));

    const failed = result.rows.filter((r) => r.status === 'failed');
    expect(failed).to.have.length(1);
    expect(failed[0]!.error?.kind).to.equal('unavailable');
    expect(result.rows.at(-1)).to.deep.include({ status: 'refused', sent: false });
    expect(result.succeeded).to.equal(open.length - 1);
    for (const row of result.rows.filter((r) => r.status === 'succeeded')) {
      expect(sim.getConversation(row.conversationId)?.queueId).to.equal(target.id);
    }
    const failedId = failed[0]!.conversationId;
    expect(sim.getConversation(failedId)?.queueId).to.not.equal(target.id);
    expect(service.getConversation(failedId)?.queueId, 'rolled back').to.not.equal(target.id);

    const retried = service.retry(failed[0]!.outcome!);
    for (let i = 0; i < 5; i += 1) {
      await Promise.resolve();
      clock.advance(100);
    }
    expect(((await retried) as CommandOutcome).status).to.equal('succeeded');
    expect(sim.getConversation(failedId)?.queueId).to.equal(target.id);
  });
});
