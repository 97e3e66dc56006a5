import { expect } from '@open-wc/testing';
import {
  SENTIMENT_SCALE,
  attentionReasons,
  isStuck,
  type Conversation,
  type Presence,
  type Representative,
} from '../../domain/index.js';
import { conversation, context, representative } from '../../../test/fixtures/domain.js';
import {
  AttentionTracker,
  decodeTableThresholds,
  encodeTableThresholds,
  normalizeTableThresholds,
  rowAlert,
  type TableThresholds,
} from './attention.js';
import { decodeView, encodeView } from './saved-views.js';

const NOW = 50_000_000;
const MIN = 60_000;

const queued = (id: string, waitedMs: number, overrides: Partial<Conversation> = {}) =>
  conversation({
    id,
    customerName: `Customer ${id}`,
    status: 'open',
    representativeId: null,
    acceptedAt: null,
    enteredQueueAt: NOW - waitedMs,
    ...overrides,
  });

describe('table thresholds (URL and storage forms)', () => {
  it('round-trips through the URL text, joined with a view', () => {
    const t: TableThresholds = {
      maxWaitMs: 5 * MIN,
      sentimentAtOrBelow: 'negative',
      representativeOverCapacity: true,
      stuckAfterMs: 90_000,
    };
    expect(encodeTableThresholds(t)).to.equal('await:300;asent:negative;acap:1;astuck:90');
    expect(decodeTableThresholds(encodeTableThresholds(t))).to.deep.equal(t);
    const text = encodeView({
      filter: { statuses: ['open'] },
      sort: { key: 'customer', direction: 'asc' },
      thresholds: t,
    });
    expect(text).to.equal(
      'sort:customer.asc;status:open;await:300;asent:negative;acap:1;astuck:90',
    );
    expect(decodeView(text)).to.deep.equal({
      filter: { statuses: ['open'] },
      sort: { key: 'customer', direction: 'asc' },
      thresholds: t,
    });
  });

  it('a text without threshold keys says nothing about them (undefined, not "off")', () => {
    expect(decodeTableThresholds('sort:wait.asc;status:open')).to.equal(undefined);
    expect(decodeView('sort:wait.asc').thresholds).to.equal(undefined);
    expect(
      encodeView({ filter: {}, sort: { key: 'wait', direction: 'desc' }, thresholds: {} }),
    ).to.equal('');
  });

  it('drops hostile or absurd values without throwing', () => {
    for (const text of [
      'await:-5;asent:<script>;acap:true;astuck:1e9',
      'await:99999999999;astuck:99999999999',
      'astuck:0;await:0',
      'asent:__proto__;asent:constructor',
    ]) {
      expect(decodeTableThresholds(text), text).to.deep.equal({});
    }
    expect(decodeTableThresholds(';;;::::%%%')).to.equal(undefined);
    expect(decodeTableThresholds(42)).to.equal(undefined);
    expect(decodeTableThresholds('await:' + '9'.repeat(100_000))).to.deep.equal({});
    for (const raw of [
      null,
      'x',
      [],
      { stuckAfterMs: '60000' },
      { stuckAfterMs: Infinity },
      { stuckAfterMs: -1 },
    ]) {
      expect(normalizeTableThresholds(raw)).to.deep.equal({});
    }
    expect(normalizeTableThresholds({ stuckAfterMs: 60_000.4, evil: 1 })).to.deep.equal({
      stuckAfterMs: 60_000,
    });
  });
});

describe('rowAlert', () => {
  const ctx = context({
    representatives: new Map(
      [
        representative({ id: 'away', name: 'Aki Away', presence: 'away' }),
        representative({ id: 'free', name: 'Fran Free', presence: 'available' }),
      ].map((r) => [r.id, r]),
    ),
  });

  it('is null without thresholds, and for closed conversations', () => {
    expect(rowAlert(queued('a', 60 * MIN), ctx, {}, NOW)).to.equal(null);
    expect(
      rowAlert(queued('a', 60 * MIN, { status: 'closed' }), ctx, { maxWaitMs: MIN }, NOW),
    ).to.equal(null);
  });

  it('describes attention reasons and the stuck state, with the suggestion', () => {
    const c = conversation({
      id: 's',
      representativeId: 'away',
      lastCustomerMessageAt: NOW - 3 * MIN,
      sentiment: 'very-negative',
    });
    const alert = rowAlert(c, ctx, { stuckAfterMs: 2 * MIN, sentimentAtOrBelow: 'negative' }, NOW)!;
    expect(alert.reasons.map((r) => r.kind)).to.deep.equal(['sentiment']);
    expect(alert.stuck!.representative.id).to.equal('away');
    expect(alert.stuck!.suggestion.candidate!.representative.id).to.equal('free');
    expect(alert.description).to.equal(
      'Stuck: Aki Away is Away; the customer has waited 3 min. Needs attention: Sentiment is Very negative (alert at Negative or below).',
    );
    // The suggestion is cached for the same conversation and rule context.
    expect(rowAlert(c, ctx, { stuckAfterMs: 2 * MIN }, NOW)!.stuck!.suggestion).to.equal(
      alert.stuck!.suggestion,
    );
  });
});

describe('AttentionTracker', () => {
  const reps = new Map<string, Representative>();

  it('starts silently, then announces only new crossings, rate-limited and collapsed', () => {
    const tracker = new AttentionTracker();
    const t: TableThresholds = { maxWaitMs: 5 * MIN };
    const base = {};
    const window = 30_000;
    const rows = [
      queued('a', 6 * MIN),
      queued('b', 5 * MIN - 10_000), // crosses 10 s from now
      queued('c', 5 * MIN - 20_000), // 20 s
      queued('d', 5 * MIN - 25_000), // 25 s
    ];
    // First evaluation (a new baseline): what already alerts is not news.
    expect(tracker.evaluate(rows, reps, t, NOW, base, window)).to.equal(null);
    expect(tracker.attention).to.equal(1);
    expect(tracker.alerts('a')).to.equal(true);
    expect(tracker.alerts('b')).to.equal(false);
    // b crosses: announced at once (nothing said yet).
    expect(tracker.evaluate(rows, reps, t, NOW + 10_001, base, window)).to.equal(
      'Customer b needs attention: Waiting 5 min (limit 5 min).',
    );
    // c and d cross inside the window: held back…
    expect(tracker.evaluate(rows, reps, t, NOW + 20_001, base, window)).to.equal(null);
    expect(tracker.evaluate(rows, reps, t, NOW + 26_000, base, window)).to.equal(null);
    expect(tracker.evaluate(rows, reps, t, NOW + 40_000, base, window)).to.equal(null);
    // …and said together on the first tick after the window ends.
    expect(tracker.evaluate(rows, reps, t, NOW + 40_001, base, window)).to.equal(
      '2 conversations need attention.',
    );
    expect(tracker.evaluate(rows, reps, t, NOW + 90_000, base, window)).to.equal(null);
    expect(tracker.attention).to.equal(4);
  });

  it('collapses several crossings in one evaluation into a count', () => {
    const tracker = new AttentionTracker();
    const t: TableThresholds = { sentimentAtOrBelow: 'negative' };
    const base = {};
    const calm = ['a', 'b', 'c'].map((id) => queued(id, 0));
    tracker.evaluate(calm, reps, t, NOW, base, 10_000);
    const upset = calm.map((c) => ({ ...c, sentiment: 'negative' as const }));
    expect(tracker.evaluate(upset, reps, t, NOW + 1000, base, 10_000)).to.equal(
      '3 conversations need attention.',
    );
    // Still alerting for the same reason: not news again.
    expect(tracker.evaluate(upset, reps, t, NOW + 60_000, base, 10_000)).to.equal(null);
  });

  it('a new baseline (thresholds, filter) is silent and drops what was held', () => {
    const tracker = new AttentionTracker();
    const rows = [queued('a', 6 * MIN), queued('b', 6 * MIN)];
    tracker.evaluate([], reps, { maxWaitMs: 5 * MIN }, NOW, 1, 10_000);
    expect(
      tracker.evaluate(rows.slice(0, 1), reps, { maxWaitMs: 5 * MIN }, NOW + 1, 1, 10_000),
    ).to.match(/Customer a/);
    expect(tracker.evaluate(rows, reps, { maxWaitMs: 5 * MIN }, NOW + 2, 1, 10_000)).to.equal(null); // held
    expect(tracker.evaluate(rows, reps, { maxWaitMs: 4 * MIN }, NOW + 20_000, 2, 10_000)).to.equal(
      null,
    );
    expect(tracker.evaluate(rows, reps, { maxWaitMs: 4 * MIN }, NOW + 40_000, 2, 10_000)).to.equal(
      null,
    );
  });

  it('decides exactly as the domain does (attentionReasons, isStuck), row by row', () => {
    const presences: Presence[] = [
      'available',
      'busy',
      'away',
      'offline',
      'Be right back',
      'In a meeting',
    ];
    const repList = presences.map((presence, i) =>
      representative({
        id: `r${i}`,
        name: `Rep ${i}`,
        presence,
        capacity: { total: 4, used: i % 3 === 0 ? 5 : 2 },
      }),
    );
    const repMap = new Map(repList.map((r) => [r.id, r]));
    const statuses = ['open', 'active', 'waiting', 'wrap-up', 'closed'] as const;
    const rows: Conversation[] = [];
    for (let i = 0; i < 600; i++) {
      const status = statuses[i % statuses.length]!;
      const rep = status === 'open' ? null : repList[i % repList.length]!.id;
      rows.push(
        conversation({
          id: `c${i}`,
          status,
          representativeId: rep,
          acceptedAt: rep ? NOW - 20 * MIN : null,
          enteredQueueAt: NOW - ((i * 7919) % (12 * MIN)),
          lastCustomerMessageAt: rep && i % 4 !== 0 ? NOW - ((i * 104_729) % (10 * MIN)) : null,
          sentiment: SENTIMENT_SCALE[i % SENTIMENT_SCALE.length]!,
        }),
      );
    }
    const t: TableThresholds = {
      maxWaitMs: 5 * MIN,
      sentimentAtOrBelow: 'slightly-negative',
      representativeOverCapacity: true,
      stuckAfterMs: 3 * MIN,
    };
    const tracker = new AttentionTracker();
    tracker.evaluate(rows, repMap, t, NOW, {}, 10_000);
    let attention = 0;
    let stuck = 0;
    for (const c of rows) {
      const rep = c.representativeId ? repMap.get(c.representativeId) : undefined;
      const a = attentionReasons(c, rep, t, NOW).length > 0;
      const s = isStuck(c, rep, NOW, t.stuckAfterMs!);
      if (a) attention++;
      if (s) stuck++;
      expect(tracker.alerts(c.id), c.id).to.equal(a || s);
    }
    expect(tracker.attention).to.equal(attention);
    expect(tracker.stuck).to.equal(stuck);
    expect(attention).to.be.greaterThan(50);
    expect(stuck).to.be.greaterThan(5);
  });

  it('evaluates 10,000 rows tick after tick to the same counts as a fresh evaluation', () => {
    // Its cost per tick is part of what `npm run bench` measures; here, that ticking keeps the counts
    // a fresh tracker would give at the same moment.
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      queued(`c${i}`, (i % 600) * 1000, { sentiment: SENTIMENT_SCALE[i % 7]! }),
    );
    const tracker = new AttentionTracker();
    const t: TableThresholds = { maxWaitMs: 5 * MIN, sentimentAtOrBelow: 'negative' };
    tracker.evaluate(rows, reps, t, NOW, {}, 10_000);
    for (let i = 1; i <= 10; i++) tracker.evaluate(rows, reps, t, NOW + i * 1000, tracker, 10_000);
    const fresh = new AttentionTracker();
    fresh.evaluate(rows, reps, t, NOW + 10_000, {}, 10_000);
    expect(tracker.attention).to.be.greaterThan(0);
    expect(tracker.attention).to.equal(fresh.attention);
    expect(tracker.stuck).to.equal(fresh.stuck);
  });
});
