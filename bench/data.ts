/**
 * The benchmark's data: the same seeded 10,000 conversations and the same seeded stream of changes for
 * every contender, plus the plain cell texts the baseline tables render.
 */
import {
  CHANNELS,
  SENTIMENT_SCALE,
  channelLabel,
  sentimentLabel,
  shiftSentiment,
  statusLabel,
  type Conversation,
  type ConversationStatus,
  type Queue,
  type Representative,
} from '../src/domain/index.js';
import { handleTime, waitStart, waitTime } from '../src/domain/query.js';
import { formatDuration } from '../src/internal/format.js';

/** mulberry32: small, fast and good enough to make the same data on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ada',
  'Ben',
  'Chloé',
  'Dmitri',
  'Emeka',
  'Fatima',
  'Göran',
  'Hana',
  'Ivan',
  'Jun',
  'Kofi',
  'Lena',
  'Mateo',
  'Noor',
  'Olga',
  'Priya',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Tanaka',
  'García',
  'Novak',
  'Haddad',
  'Müller',
  'Singh',
  'Rossi',
  'Kim',
  'Dubois',
  'Silva',
];
const SUBJECTS = [
  'Order not delivered',
  'Refund request',
  'Password reset',
  'Billing question',
  'Upgrade plan',
  'Damaged item',
  'Change address',
  'Cancel subscription',
];

export interface BenchWorld {
  readonly conversations: Conversation[];
  readonly representatives: Representative[];
  readonly queues: Queue[];
  readonly now: number;
}

/** 10,000 (or `count`) ongoing conversations, 200 representatives, 8 queues, all from `seed`. */
export function makeWorld(count = 10_000, seed = 42, now = Date.now()): BenchWorld {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const queues: Queue[] = Array.from({ length: 8 }, (_, i) => ({
    id: `q${i}`,
    name: `Queue ${i + 1}`,
  }));
  const representatives: Representative[] = Array.from({ length: 200 }, (_, i) => ({
    id: `r${i}`,
    version: 1,
    name: `${pick(FIRST)} ${pick(LAST)}`,
    kind: i % 20 === 0 ? 'ai' : 'human',
    presence: pick(['available', 'busy', 'away', 'busy-dnd', 'offline'] as const),
    capacity: { total: 10, used: Math.floor(rnd() * 12) },
    queueIds: [pick(queues).id],
  }));
  const statuses: ConversationStatus[] = [
    'open',
    'active',
    'active',
    'active',
    'waiting',
    'wrap-up',
  ];
  const conversations: Conversation[] = Array.from({ length: count }, (_, i) => {
    const status = pick(statuses);
    const channel = pick(CHANNELS);
    const entered = now - Math.floor(rnd() * 3_600_000);
    const assigned = status !== 'open';
    return {
      id: `c${i}`,
      version: 1,
      customerName: `${pick(FIRST)} ${pick(LAST)}`,
      subject: pick(SUBJECTS),
      channel,
      mode: channel === 'voice' ? 'voice' : 'text',
      status,
      queueId: pick(queues).id,
      representativeId: assigned ? pick(representatives).id : null,
      consultantIds: [],
      sentiment: pick(SENTIMENT_SCALE),
      enteredQueueAt: entered,
      lastCustomerMessageAt: assigned ? entered + Math.floor(rnd() * 600_000) : null,
      acceptedAt: assigned ? entered + Math.floor(rnd() * 120_000) : null,
      monitoredBy: rnd() < 0.05 ? ['sup-1'] : [],
      joinedBy: [],
      pendingTransfer: null,
    };
  });
  return { conversations, representatives, queues, now };
}

/**
 * A seeded change stream: each call returns the next `n` changed conversations (new objects, version
 * + 1). `targets` limits which ids change (e.g. the visible rows); by default any row.
 */
export function changeStream(
  world: BenchWorld,
  seed = 7,
): (n: number, targets?: readonly string[]) => Conversation[] {
  const rnd = seeded(seed);
  const current = new Map(world.conversations.map((c) => [c.id, c]));
  const ids = world.conversations.map((c) => c.id);
  return (n, targets = ids) => {
    const out: Conversation[] = [];
    for (let i = 0; i < n; i += 1) {
      const id = targets[Math.floor(rnd() * targets.length)]!;
      const c = current.get(id)!;
      const roll = rnd();
      let next: Conversation;
      if (roll < 0.5) next = { ...c, sentiment: shiftSentiment(c.sentiment, rnd() < 0.5 ? -1 : 1) };
      else if (roll < 0.75 && (c.status === 'active' || c.status === 'waiting')) {
        next = { ...c, status: c.status === 'active' ? 'waiting' : 'active' };
      } else next = { ...c, monitoredBy: c.monitoredBy.length ? [] : ['sup-1'] };
      next = { ...next, version: c.version + 1 };
      current.set(id, next);
      out.push(next);
    }
    return out;
  };
}

/** The nine cell texts of a row, as the baseline tables show them. */
export function cellTexts(c: Conversation, lookups: Lookups, now: number): string[] {
  return [
    `${c.customerName} — ${c.subject}`,
    statusLabel(c.status),
    channelLabel(c.channel),
    c.representativeId ? (lookups.reps.get(c.representativeId)?.name ?? '') : 'Unassigned',
    c.queueId ? (lookups.queues.get(c.queueId)?.name ?? '') : '',
    formatDuration(waitTime(c, now)),
    formatDuration(handleTime(c, now)),
    sentimentLabel(c.sentiment),
    c.monitoredBy.length ? `${c.monitoredBy.length} monitoring` : '',
  ];
}

export interface Lookups {
  readonly reps: ReadonlyMap<string, Representative>;
  readonly queues: ReadonlyMap<string, Queue>;
}

export function lookupsOf(world: BenchWorld): Lookups {
  return {
    reps: new Map(world.representatives.map((r) => [r.id, r])),
    queues: new Map(world.queues.map((q) => [q.id, q])),
  };
}

/** The baselines' default order: longest wait first (the same order as the service's default). */
export function byWait(a: Conversation, b: Conversation): number {
  const inf = Number.POSITIVE_INFINITY;
  return (waitStart(a) ?? inf) - (waitStart(b) ?? inf) || (a.id < b.id ? -1 : 1);
}

/** The sort scenario's order: customer name A→Z. */
export function byCustomer(a: Conversation, b: Conversation): number {
  return a.customerName < b.customerName
    ? -1
    : a.customerName > b.customerName
      ? 1
      : a.id < b.id
        ? -1
        : 1;
}

/** The filter scenario: a text search. */
export const FILTER_TEXT = 'refund';

export function matchesFilter(c: Conversation, text: string): boolean {
  if (!text) return true;
  const t = text.toLowerCase();
  return c.customerName.toLowerCase().includes(t) || c.subject.toLowerCase().includes(t);
}

export const COLUMN_TITLES = [
  'Customer',
  'Status',
  'Channel',
  'Representative',
  'Queue',
  'Wait',
  'Handle',
  'Sentiment',
  'Monitoring',
];
