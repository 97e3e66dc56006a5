import { expect } from '@open-wc/testing';
import { CHANNELS } from '../../domain/index.js';
import { START, capacityMismatches, simulator } from '../../../test/fixtures/simulator.js';
import { SimulatedCentre } from './simulated-centre.js';

describe('simulator: the starting world', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const a = simulator({ seed: 7 }).sim.snapshot();
    const b = simulator({ seed: 7 }).sim.snapshot();
    const c = simulator({ seed: 8 }).sim.snapshot();
    expect(b).to.deep.equal(a);
    expect(c.conversations).not.to.deep.equal(a.conversations);
  });

  it('has about 60 conversations by default, every status, channel and both kinds of people', () => {
    const { sim } = simulator();
    const snapshot = sim.snapshot();
    expect(snapshot.conversations).to.have.length(60);
    const statuses = new Set(snapshot.conversations.map((c) => c.status));
    expect([...statuses].sort()).to.deep.equal(['active', 'open', 'waiting', 'wrap-up']);
    const channels = new Set(snapshot.conversations.map((c) => c.channel));
    for (const channel of CHANNELS) expect(channels, channel).to.include(channel);
    expect(snapshot.representatives.some((r) => r.kind === 'ai')).to.equal(true);
    expect(snapshot.representatives.some((r) => r.kind === 'human')).to.equal(true);
    expect(snapshot.conversations.some((c) => c.mode !== 'text')).to.equal(true);
    expect(snapshot.supervisor).to.deep.equal({ id: 'sup-1', name: 'Sam Supervisor' });
    expect(snapshot.settings).to.deep.equal({
      monitor: true,
      assign: true,
      transfer: true,
      forceClose: true,
    });
  });

  it('honours the sizes asked for: 5 and 10,000 conversations', () => {
    const small = simulator({ conversations: 5, representatives: 3, aiAgents: 1, queues: 2 }).sim;
    expect(small.conversations()).to.have.length(5);
    expect(small.representatives().filter((r) => r.kind === 'ai')).to.have.length(1);
    // Three people plus the supervisor's own representative record.
    expect(small.representatives().filter((r) => r.kind === 'human')).to.have.length(4);
    expect(small.queues()).to.have.length(2);

    const big = simulator({ conversations: 10_000 }).sim;
    expect(big.conversations()).to.have.length(10_000);
    expect(new Set(big.conversations().map((c) => c.id)).size).to.equal(10_000);
  });

  it('keeps capacity.used equal to the cost of the conversations each representative holds', () => {
    const { sim } = simulator({ conversations: 2000 });
    expect(capacityMismatches(sim.conversations(), sim.representatives())).to.deep.equal([]);
    for (const r of sim.representatives()) {
      if (r.kind === 'human' && r.id !== 'sup-1') {
        expect(r.capacity.used, r.id).to.be.at.most(r.capacity.total);
      }
    }
  });

  it('dates conversations consistently relative to the scheduler clock', () => {
    const { sim } = simulator();
    for (const c of sim.conversations()) {
      expect(c.enteredQueueAt, c.id).to.be.at.most(START);
      if (c.status === 'open') {
        expect(c.representativeId, c.id).to.equal(null);
        expect(c.acceptedAt, c.id).to.equal(null);
      } else {
        expect(c.representativeId, c.id).to.be.a('string');
        expect(c.acceptedAt, c.id).to.be.within(c.enteredQueueAt, START);
      }
      if (c.lastCustomerMessageAt !== null) expect(c.lastCustomerMessageAt).to.be.at.most(START);
    }
  });

  it('gives the supervisor one conversation of their own, unless told not to', () => {
    const own = simulator()
      .sim.conversations()
      .filter((c) => c.representativeId === 'sup-1');
    expect(own).to.have.length(1);
    expect(own[0]?.status).to.equal('active');
    const none = simulator({ supervisorTakesConversations: false }).sim;
    expect(none.conversations().some((c) => c.representativeId === 'sup-1')).to.equal(false);
    expect(none.getRepresentative('sup-1')).to.equal(undefined);
  });

  it('uses the given supervisor and settings', () => {
    const sim = new SimulatedCentre({
      supervisor: { id: 'boss', name: 'Bo Boss' },
      settings: { transfer: false },
      changesPerSecond: 0,
    });
    expect(sim.supervisor).to.deep.equal({ id: 'boss', name: 'Bo Boss' });
    expect(sim.settings.transfer).to.equal(false);
    expect(sim.settings.assign).to.equal(true);
    expect(sim.getRepresentative('boss')?.name).to.equal('Bo Boss');
  });
});
