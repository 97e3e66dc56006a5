import { expect } from '@open-wc/testing';
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { AdapterEvent, CentreChange } from '../backend-adapter.js';
import {
  capacityMismatches,
  changesOf,
  collect,
  simulator,
} from '../../../test/fixtures/simulator.js';
import { SimulatedCentre, TICK_MS } from './simulated-centre.js';

/** Runs a connected simulator for `seconds` of virtual time and returns what it emitted. */
function run(seconds: number, options: Parameters<typeof simulator>[0] = {}) {
  const { sim, clock } = simulator({ changesPerSecond: 50, ...options });
  const { events, subscription } = collect(sim.connect());
  clock.advance(seconds * 1000);
  return { sim, clock, events, subscription, changes: changesOf(events) };
}

describe('simulator: connect()', () => {
  it('emits connecting, then a snapshot after the latency, then live, then changes', () => {
    const { sim, clock } = simulator({ changesPerSecond: 20, commandLatencyMs: 300 });
    const { events } = collect(sim.connect());
    expect(events.map((e) => e.type)).to.deep.equal(['status']);
    expect(events[0]).to.deep.equal({ type: 'status', status: 'connecting' });
    clock.advance(299);
    expect(events).to.have.length(1);
    clock.advance(1);
    expect(events.slice(1).map((e) => e.type)).to.deep.equal(['snapshot', 'status']);
    expect(events[2]).to.deep.equal({ type: 'status', status: 'live' });
    clock.advance(1000);
    expect(events.slice(3).every((e) => e.type === 'changes')).to.equal(true);
    expect(changesOf(events).length).to.be.greaterThan(0);
  });

  it('gives each subscriber its own snapshot and then the same changes', () => {
    const { sim, clock } = simulator({ changesPerSecond: 30 });
    const a = collect(sim.connect());
    clock.advance(2000);
    const b = collect(sim.connect());
    clock.advance(200);
    const firstOfB = b.events.findIndex((e) => e.type === 'changes');
    const changesB = changesOf(b.events);
    expect(b.events.filter((e) => e.type === 'snapshot')).to.have.length(1);
    expect(changesB.length).to.be.greaterThan(0);
    // B's changes are the tail of A's: the same batch objects, shared.
    const changesA = changesOf(a.events);
    expect(changesA.slice(changesA.length - changesB.length)).to.deep.equal(changesB);
    expect(firstOfB).to.be.greaterThan(0);
  });

  it('stops all scheduled work when the last subscriber leaves', () => {
    const { sim, clock } = simulator({ changesPerSecond: 100 });
    const a = collect(sim.connect());
    const b = collect(sim.connect());
    expect(sim.activeWork).to.equal(2); // two snapshot deliveries pending
    clock.advance(500);
    expect(sim.activeWork).to.equal(1); // the shared tick
    a.subscription.unsubscribe();
    expect(sim.activeWork).to.equal(1);
    b.subscription.unsubscribe();
    expect(sim.activeWork).to.equal(0);
    const count = b.events.length;
    clock.advance(5000);
    expect(b.events).to.have.length(count);
  });

  it('cancels a pending snapshot when unsubscribed while connecting', () => {
    const { sim, clock } = simulator({ changesPerSecond: 100 });
    const { events, subscription } = collect(sim.connect());
    subscription.unsubscribe();
    expect(sim.activeWork).to.equal(0);
    clock.advance(1000);
    expect(events).to.have.length(1);
  });

  it('sends the snapshot at once when the latency is 0', () => {
    const { sim } = simulator({ commandLatencyMs: 0 });
    const { events } = collect(sim.connect());
    expect(events.map((e) => (e.type === 'status' ? e.status : e.type))).to.deep.equal([
      'connecting',
      'snapshot',
      'live',
    ]);
  });

  it('runs on a TestScheduler too (marble test)', () => {
    const testScheduler = new TestScheduler((actual, expected) => {
      expect(actual).to.deep.equal(expected);
    });
    testScheduler.run(({ expectObservable }) => {
      const sim = new SimulatedCentre({ scheduler: testScheduler, changesPerSecond: 0 });
      const kinds = sim.connect().pipe(map((e) => (e.type === 'status' ? e.status : e.type)));
      expectObservable(kinds, '^ 400ms !').toBe('a 149ms (bc)', {
        a: 'connecting',
        b: 'snapshot',
        c: 'live',
      });
    });
  });

  it('does not change the world while nobody is connected', () => {
    const { sim, clock } = simulator({ changesPerSecond: 100 });
    const before = sim.snapshot();
    clock.advance(10_000);
    expect(sim.snapshot()).to.deep.equal(before);
  });
});

describe('simulator: lifecycle', () => {
  it('is reproducible: the same seed gives the same snapshot and the same first changes', () => {
    const a = run(20, { seed: 11 });
    const b = run(20, { seed: 11 });
    const c = run(20, { seed: 12 });
    expect(a.changes.length).to.be.greaterThan(500);
    expect(b.events).to.deep.equal(a.events);
    expect(c.changes.slice(0, 50)).not.to.deep.equal(a.changes.slice(0, 50));
  });

  it('produces about changesPerSecond changes per virtual second, batched per tick', () => {
    for (const rate of [5, 50, 1000]) {
      const { events, clock } = run(0, { changesPerSecond: rate });
      clock.advance(20_000);
      const batches = events.filter((e) => e.type === 'changes');
      const produced = changesOf(events).length;
      expect(produced / 20, `rate ${rate}`).to.be.within(rate * 0.95, rate * 1.05 + 0.5);
      expect(batches.length, `batches at ${rate}`).to.be.at.most(20_000 / TICK_MS);
    }
  });

  it('can change its rate while running', () => {
    const { sim, clock, events } = run(1, { changesPerSecond: 10 });
    sim.setRate(200);
    expect(sim.changesPerSecond).to.equal(200);
    const before = changesOf(events).length;
    clock.advance(10_000);
    expect((changesOf(events).length - before) / 10).to.be.within(190, 210);
  });

  it('reaches every status, escalates and changes presence', () => {
    const { changes } = run(120);
    const statuses = new Set<string>();
    let escalated = false;
    let presence = false;
    for (const change of changes) {
      if (change.type === 'conversation') {
        statuses.add(change.conversation.status);
        if (change.conversation.mode !== 'text') escalated = true;
      }
      if (change.type === 'representative') presence = true;
    }
    expect([...statuses].sort()).to.deep.equal(['active', 'closed', 'open', 'waiting', 'wrap-up']);
    expect(escalated, 'escalated').to.equal(true);
    expect(presence, 'representative changes').to.equal(true);
  });

  it('increases the version of every entity on every change', () => {
    const { events } = run(60, { changesPerSecond: 200 });
    const versions = new Map<string, number>();
    const snapshot = events.find((e) => e.type === 'snapshot');
    if (snapshot?.type !== 'snapshot') throw new Error('no snapshot');
    for (const c of snapshot.snapshot.conversations) versions.set(c.id, c.version);
    for (const r of snapshot.snapshot.representatives) versions.set(r.id, r.version);
    let checked = 0;
    const see = (id: string, version: number): void => {
      const last = versions.get(id);
      if (last !== undefined) expect(version, id).to.equal(last + 1);
      else expect(version, id).to.equal(1);
      versions.set(id, version);
      checked++;
    };
    for (const change of changesOf(events)) {
      if (change.type === 'conversation') see(change.conversation.id, change.conversation.version);
      if (change.type === 'representative') {
        see(change.representative.id, change.representative.version);
      }
    }
    expect(checked).to.be.greaterThan(10_000);
  });

  it('keeps the capacity invariant and the size through many steps', () => {
    const { sim } = run(120, { changesPerSecond: 500, conversations: 300 });
    expect(capacityMismatches(sim.conversations(), sim.representatives())).to.deep.equal([]);
    expect(sim.conversations().length).to.be.within(285, 300);
    const statuses = new Set(sim.conversations().map((c) => c.status));
    expect(statuses.size).to.equal(4);
  });

  it('keeps a tiny world alive', () => {
    const { sim, changes } = run(120, { conversations: 5, representatives: 2, aiAgents: 1 });
    expect(changes.length).to.be.greaterThan(1000);
    expect(sim.conversations().length).to.be.within(4, 5);
    expect(capacityMismatches(sim.conversations(), sim.representatives())).to.deep.equal([]);
  });

  it('leaves the supervisor’s own conversation to the supervisor', () => {
    const { sim, changes } = run(120, { changesPerSecond: 300 });
    const own = sim.conversations().filter((c) => c.representativeId === 'sup-1');
    expect(own).to.have.length(1);
    expect(own[0]?.status).to.equal('active');
    const assignedToSupervisor = changes.filter(
      (c: CentreChange) =>
        c.type === 'conversation' &&
        c.conversation.representativeId === 'sup-1' &&
        c.conversation.id !== own[0]?.id,
    );
    expect(assignedToSupervisor).to.deep.equal([]);
  });

  it('sustains 1,000 changes per second over 10,000 conversations', () => {
    const { sim, clock } = simulator({ conversations: 10_000, changesPerSecond: 1000 });
    let count = 0;
    const subscription = sim.connect().subscribe((e: AdapterEvent) => {
      if (e.type === 'changes') count += e.changes.length;
    });
    clock.advance(1000);
    // Its CPU cost is measured by `npm run bench` (the service alone under this load), not here.
    clock.advance(20_000);
    subscription.unsubscribe();
    expect(count).to.be.within(19_000, 22_000);
    expect(capacityMismatches(sim.conversations(), sim.representatives())).to.deep.equal([]);
  });
});
