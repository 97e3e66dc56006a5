import { expect } from '@open-wc/testing';
import {
  attentionScore,
  handleTime,
  queryConversations,
  requeryConversations,
  waitTime,
  type Conversation,
  type QueryContext,
} from './index.js';
import { conversation, representative } from '../../test/fixtures/domain.js';

const NOW = 1_000_000;
const reps = new Map([
  ['rep-human', representative({ id: 'rep-human', name: 'Hana Human' })],
  [
    'rep-full',
    representative({ id: 'rep-full', name: 'Fay Full', capacity: { used: 12, total: 10 } }),
  ],
]);
const queues = new Map([
  ['q-general', { id: 'q-general', name: 'General' }],
  ['q-billing', { id: 'q-billing', name: 'Billing' }],
]);
const ctx: QueryContext = { now: NOW, representatives: reps, queues };

const rows: Conversation[] = [
  conversation({
    id: 'a',
    customerName: 'Zoe',
    status: 'open',
    representativeId: null,
    acceptedAt: null,
    enteredQueueAt: NOW - 120_000,
  }),
  conversation({
    id: 'b',
    customerName: 'Adam',
    lastCustomerMessageAt: NOW - 30_000,
    sentiment: 'very-negative',
  }),
  conversation({
    id: 'c',
    customerName: 'Mia',
    channel: 'voice',
    mode: 'voice',
    lastCustomerMessageAt: null,
    queueId: 'q-billing',
  }),
  conversation({
    id: 'd',
    customerName: 'Bo',
    representativeId: 'rep-full',
    lastCustomerMessageAt: NOW - 10_000,
    subject: 'Refund late',
  }),
];

describe('domain query', () => {
  it('measures wait from the queue while unassigned, from the last customer message after', () => {
    expect(waitTime(rows[0]!, NOW)).to.equal(120_000);
    expect(waitTime(rows[1]!, NOW)).to.equal(30_000);
    expect(waitTime(rows[2]!, NOW), 'a call with no customer message: nobody waits').to.equal(null);
    expect(handleTime(rows[0]!, NOW)).to.equal(null);
    expect(handleTime(rows[1]!, NOW)).to.equal(NOW - 1000);
  });

  it('sorts by any column, ties by id, both directions', () => {
    const ids = (key: Parameters<typeof queryConversations>[1]['sort']) =>
      queryConversations(rows, { sort: key }, ctx).map((c) => c.id);
    expect(ids({ key: 'customer', direction: 'asc' })).to.deep.equal(['b', 'd', 'c', 'a']);
    expect(ids({ key: 'customer', direction: 'desc' })).to.deep.equal(['a', 'c', 'd', 'b']);
    expect(ids({ key: 'wait', direction: 'desc' }), 'nobody waiting goes last').to.deep.equal([
      'a',
      'b',
      'd',
      'c',
    ]);
    expect(ids({ key: 'status', direction: 'asc' })).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(ids({ key: 'queue', direction: 'asc' })).to.deep.equal(['c', 'a', 'b', 'd']);
    expect(ids({ key: 'representative', direction: 'asc' })[0]).to.equal('a'); // unassigned: empty name
  });

  /** The name sort, both directions, against one plain comparison sort by collation, then id. */
  const expectPlainNameOrder = (list: readonly Conversation[]) => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    for (const direction of ['asc', 'desc'] as const) {
      const sign = direction === 'asc' ? 1 : -1;
      const expected = [...list]
        .sort(
          (a, b) =>
            sign * collator.compare(a.customerName, b.customerName) ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        )
        .map((c) => c.id);
      const actual = queryConversations(list, { sort: { key: 'customer', direction } }, ctx);
      expect(
        actual.map((c) => c.id),
        `${direction}, ${list.length} rows`,
      ).to.deep.equal(expected);
    }
  };

  it('sorts names in collation order: accents and case are equal, numbers numeric, ties by id', () => {
    const named = (id: string, customerName: string) => conversation({ id, customerName });
    const people = [
      named('p1', 'émile'),
      named('p2', 'Zoë'),
      named('p3', 'Emile'),
      named('p4', 'Agent 10'),
      named('p5', 'Agent 9'),
      named('p6', 'zoe'),
      named('p0', 'Émile'),
    ];
    const order = (direction: 'asc' | 'desc') =>
      queryConversations(people, { sort: { key: 'customer', direction } }, ctx).map((c) => c.id);
    expect(order('asc')).to.deep.equal(['p5', 'p4', 'p0', 'p1', 'p3', 'p2', 'p6']);
    expect(order('desc')).to.deep.equal(['p2', 'p6', 'p0', 'p1', 'p3', 'p4', 'p5']);
  });

  it('orders repeated names exactly as one comparison sort by collation, then id, would', () => {
    // The name sort counts rows into collation ranks and compares only ties: check it against the
    // plain comparator over many repeats, both directions, including names that collate equal.
    const names = ['Émile', 'emile', 'Zoë', 'Agent 9', 'Agent 10', '', 'Ådne', 'adne', 'Bo'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const many = Array.from({ length: 2000 }, () =>
      conversation({
        id: `c-${next() % 5000}-${next()}`,
        customerName: names[next() % names.length],
      }),
    );
    expectPlainNameOrder(many);
  });

  it('orders names the same when an earlier sort ranked them (a part of them, or fewer)', () => {
    // Ranks of the names the last sort collated are reused for a sort whose names were all among
    // them: check every such order against the plain comparator, both directions, and a sort that
    // brings a new name after one that ranked fewer.
    let seed = 5;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const named = (names: readonly string[], count: number) =>
      Array.from({ length: count }, () =>
        conversation({
          id: `r-${next() % 900}-${next()}`,
          customerName: names[next() % names.length],
        }),
      );
    const all = ['Zed', 'Ann', 'ann', 'Émile', 'Bo', 'Agent 10', 'Agent 9', 'Cy'];
    expectPlainNameOrder(named(all, 600));
    // Only some of those names, e.g. a filter's matches: ranked by the earlier sort, with gaps.
    expectPlainNameOrder(named(['Zed', 'Agent 10', 'ann'], 200));
    expectPlainNameOrder(named(['Cy'], 20));
    // A name the last sort did not rank, then the wider set again.
    expectPlainNameOrder(named(['Bea', 'Zed', 'Agent 9'], 200));
    expectPlainNameOrder(named(all, 300));
  });

  it('orders number keys exactly as one comparison sort by key, then id, would', () => {
    // Whole-number keys are sorted natively (packed with each row's index into one float), other
    // keys by a comparator: check both against the plain comparator, with many ties, nobody waiting
    // or handling (infinite keys), fractions (attention) and a time range too wide to pack.
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const statuses = ['open', 'active', 'waiting', 'wrap-up'] as const;
    const make = (spread: number) =>
      Array.from({ length: 1500 }, () =>
        conversation({
          id: `c-${next() % 4000}-${next()}`,
          status: statuses[next() % statuses.length],
          representativeId: next() % 5 === 0 ? null : 'rep-human',
          enteredQueueAt: NOW - (next() % 40) * spread,
          lastCustomerMessageAt: next() % 4 === 0 ? null : NOW - (next() % 25) * spread,
          acceptedAt: next() % 3 === 0 ? null : NOW - (next() % 30) * spread,
          monitoredBy: next() % 2 === 0 ? [] : ['sup-1'],
        }),
      );
    const never = Number.POSITIVE_INFINITY;
    const keys = {
      wait: (c: Conversation) =>
        -(c.status === 'open' || c.representativeId === null
          ? c.enteredQueueAt
          : (c.lastCustomerMessageAt ?? never)),
      handle: (c: Conversation) => (c.acceptedAt === null ? -never : -c.acceptedAt),
      status: (c: Conversation) => statuses.indexOf(c.status as (typeof statuses)[number]),
      monitoring: (c: Conversation) => c.monitoredBy.length,
      attention: (c: Conversation) => attentionScore(c, NOW, reps),
    };
    // 1 second apart, and 10^13 ms apart: too wide to pack 1,500 rows into exact floats.
    for (const spread of [1000, 1e13]) {
      const many = make(spread);
      for (const [key, keyOf] of Object.entries(keys)) {
        for (const direction of ['asc', 'desc'] as const) {
          const sign = direction === 'asc' ? 1 : -1;
          const expected = [...many]
            .sort((a, b) => {
              const d = keyOf(a) - keyOf(b);
              if (d !== 0 && !Number.isNaN(d)) return d * sign;
              return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
            })
            .map((c) => c.id);
          const sort = { key: key as keyof typeof keys, direction };
          const actual = queryConversations(many, { sort }, ctx).map((c) => c.id);
          expect(actual, `${key} ${direction}, spread ${spread}`).to.deep.equal(expected);
        }
      }
    }
  });

  it('never matches a search across two fields', () => {
    const split = [conversation({ id: 's', customerName: 'Ann', subject: 'Bell' })];
    const hits = (text: string) =>
      queryConversations(split, { filter: { text } }, ctx).map((c) => c.id);
    expect(hits('ann')).to.deep.equal(['s']);
    expect(hits('annbell')).to.deep.equal([]);
    expect(hits('nn')).to.deep.equal(['s']);
  });

  it('ranks attention: long waits, bad sentiment and over-capacity representatives first', () => {
    expect(attentionScore(rows[3]!, NOW, reps), 'over capacity').to.be.greaterThan(10);
    expect(attentionScore(rows[1]!, NOW, reps), 'very negative').to.be.closeTo(15.5, 0.01);
    const order = queryConversations(rows, { sort: { key: 'attention', direction: 'desc' } }, ctx);
    expect(order.map((c) => c.id)).to.deep.equal(['b', 'd', 'a', 'c']);
  });

  it('filters by every field; an empty list means any', () => {
    const ids = (filter: Parameters<typeof queryConversations>[1]['filter']) =>
      queryConversations(rows, { filter, sort: { key: 'customer', direction: 'asc' } }, ctx).map(
        (c) => c.id,
      );
    expect(ids({ statuses: ['open'] })).to.deep.equal(['a']);
    expect(ids({ statuses: [] })).to.have.length(4);
    expect(ids({ channels: ['voice'] })).to.deep.equal(['c']);
    expect(ids({ queueIds: ['q-billing'] })).to.deep.equal(['c']);
    expect(ids({ representativeIds: ['rep-full'] })).to.deep.equal(['d']);
    expect(ids({ minWaitMs: 30_000 })).to.deep.equal(['b', 'a']);
    expect(ids({ minHandleMs: 1 })).to.deep.equal(['b', 'd', 'c']);
    expect(ids({ text: 'REFUND' }), 'subject, any case').to.deep.equal(['d']);
    expect(ids({ text: 'fay' }), 'representative name').to.deep.equal(['d']);
    expect(ids({ text: 'billing' }), 'queue name').to.deep.equal(['c']);
    expect(ids({ text: 'HANA' }), 'representative name, any case').to.deep.equal(['b', 'c']);
  });
});

describe('requeryConversations', () => {
  /** A small deterministic generator (the test must be repeatable). */
  function random(seed: number): () => number {
    let x = seed;
    return () => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      return x / 2_147_483_648;
    };
  }
  const NAMES = ['Émile', 'emile', 'Zoë', 'Ann', 'Bo', 'Agent 9', 'Agent 10'];
  const SUBJECTS = ['Refund', 'Billing question', 'Late order'];
  const STATUSES = ['open', 'active', 'waiting', 'wrap-up'] as const;

  function make(rnd: () => number, id: string, version: number): Conversation {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const assigned = rnd() < 0.6;
    return conversation({
      id,
      version,
      customerName: pick(NAMES),
      subject: pick(SUBJECTS),
      status: assigned ? pick(STATUSES.slice(1)) : 'open',
      representativeId: assigned ? pick(['rep-human', 'rep-full']) : null,
      queueId: pick(['q-general', 'q-billing']),
      enteredQueueAt: NOW - Math.floor(rnd() * 5) * 1000,
      lastCustomerMessageAt: rnd() < 0.3 ? null : NOW - Math.floor(rnd() * 5) * 1000,
      sentiment: pick(['very-negative', 'neutral', 'positive'] as const),
    });
  }

  const QUERIES: Parameters<typeof queryConversations>[1][] = [
    { sort: { key: 'wait', direction: 'desc' } },
    { sort: { key: 'customer', direction: 'asc' } },
    { sort: { key: 'customer', direction: 'desc' }, filter: { text: 'emile' } },
    { sort: { key: 'status', direction: 'asc' }, filter: { statuses: ['open', 'waiting'] } },
    { sort: { key: 'representative', direction: 'asc' }, filter: { text: 'fay' } },
    { sort: { key: 'sentiment', direction: 'desc' }, filter: { queueIds: ['q-billing'] } },
  ];

  it('gives exactly what a full query gives, change after change, for every sort and filter', () => {
    for (const [q, query] of QUERIES.entries()) {
      const rnd = random(q + 1);
      const all = new Map<string, Conversation>();
      for (let i = 0; i < 60; i += 1) all.set(`c${i}`, make(rnd, `c${i}`, 1));
      let rows = queryConversations(all.values(), query, ctx);
      for (let step = 0; step < 40; step += 1) {
        const removed: Conversation[] = [];
        const added: Conversation[] = [];
        const batch = new Set<string>();
        while (batch.size < 3) batch.add(`c${Math.floor(rnd() * 70)}`);
        for (const id of batch) {
          const old = all.get(id);
          if (old) removed.push(old);
          if (old && rnd() < 0.15) {
            all.delete(id);
            continue;
          }
          const next = make(rnd, id, (old?.version ?? 0) + 1);
          all.set(id, next);
          added.push(next);
        }
        const updated = requeryConversations(rows, removed, added, query, ctx);
        const full = queryConversations(all.values(), query, ctx);
        expect(
          updated?.map((c) => c.id),
          `query ${q}, step ${step}`,
        ).to.deep.equal(full.map((c) => c.id));
        rows = updated!;
      }
    }
  });

  it('declines a query that depends on the clock, and a result that does not hold the old row', () => {
    const one = [conversation({ id: 'x' })];
    const attention = { sort: { key: 'attention', direction: 'desc' } } as const;
    expect(requeryConversations(one, [], [], attention, ctx)).to.equal(null);
    expect(requeryConversations(one, [], [], { filter: { minWaitMs: 1 } }, ctx)).to.equal(null);
    const stranger = conversation({ id: 'x', version: 9 });
    expect(requeryConversations(one, [stranger], [], {}, ctx)).to.equal(null);
  });
});
