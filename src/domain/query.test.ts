import { expect } from '@open-wc/testing';
import {
  attentionScore,
  handleTime,
  queryConversations,
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
  });
});
