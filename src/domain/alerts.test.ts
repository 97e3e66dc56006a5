import { expect } from '@open-wc/testing';
import {
  INITIAL_ANNOUNCER,
  announceAttention,
  attentionAnnouncement,
  attentionReasons,
  decodeThresholds,
  encodeThresholds,
  evaluateAttention,
  newlyCrossed,
  normalizeThresholds,
  type AttentionCrossing,
  type AttentionKind,
  type AttentionThresholds,
  type Conversation,
  type Representative,
} from './index.js';
import { conversation, representative } from '../../test/fixtures/domain.js';

const NOW = 10_000_000;
const MIN = 60_000;

/** An Open conversation in the queue for `waitedMs`. */
const queued = (waitedMs: number, overrides: Partial<Conversation> = {}) =>
  conversation({
    status: 'open',
    representativeId: null,
    acceptedAt: null,
    enteredQueueAt: NOW - waitedMs,
    ...overrides,
  });

const kinds = (
  c: Conversation,
  t: AttentionThresholds,
  rep: Representative | undefined = undefined,
): AttentionKind[] => attentionReasons(c, rep, t, NOW).map((r) => r.kind);

describe('attention alerts', () => {
  describe('each threshold and its boundary', () => {
    const over = representative({ capacity: { total: 10, used: 11 } });
    const atCapacity = representative({ capacity: { total: 10, used: 10 } });
    const cases: [
      name: string,
      c: Conversation,
      t: AttentionThresholds,
      rep: Representative | undefined,
      expected: AttentionKind[],
    ][] = [
      ['no thresholds', queued(60 * MIN, { sentiment: 'very-negative' }), {}, over, []],
      ['wait exactly the limit', queued(5 * MIN), { maxWaitMs: 5 * MIN }, undefined, []],
      [
        'wait 1 ms beyond the limit',
        queued(5 * MIN + 1),
        { maxWaitMs: 5 * MIN },
        undefined,
        ['wait'],
      ],
      [
        'nobody waiting (active, no customer message)',
        conversation({ lastCustomerMessageAt: null }),
        { maxWaitMs: 1 },
        undefined,
        [],
      ],
      [
        'waiting on an answer since the last message',
        conversation({ lastCustomerMessageAt: NOW - 2 * MIN }),
        { maxWaitMs: MIN },
        undefined,
        ['wait'],
      ],
      [
        'sentiment below the step',
        queued(0, { sentiment: 'very-negative' }),
        { sentimentAtOrBelow: 'negative' },
        undefined,
        ['sentiment'],
      ],
      [
        'sentiment at the step',
        queued(0, { sentiment: 'negative' }),
        { sentimentAtOrBelow: 'negative' },
        undefined,
        ['sentiment'],
      ],
      [
        'sentiment above the step',
        queued(0, { sentiment: 'slightly-negative' }),
        { sentimentAtOrBelow: 'negative' },
        undefined,
        [],
      ],
      [
        'representative over capacity',
        conversation(),
        { representativeOverCapacity: true },
        over,
        ['over-capacity'],
      ],
      [
        'representative exactly at capacity',
        conversation(),
        { representativeOverCapacity: true },
        atCapacity,
        [],
      ],
      ['over capacity, alert off', conversation(), { representativeOverCapacity: false }, over, []],
      [
        'over capacity, but not the primary',
        conversation({ representativeId: 'rep-other' }),
        { representativeOverCapacity: true },
        over,
        [],
      ],
      [
        'all three at once, in order',
        conversation({ lastCustomerMessageAt: NOW - 10 * MIN, sentiment: 'very-negative' }),
        { maxWaitMs: MIN, sentimentAtOrBelow: 'neutral', representativeOverCapacity: true },
        over,
        ['wait', 'sentiment', 'over-capacity'],
      ],
      [
        'a closed conversation never alerts',
        queued(60 * MIN, { status: 'closed', sentiment: 'very-negative' }),
        { maxWaitMs: MIN, sentimentAtOrBelow: 'neutral' },
        undefined,
        [],
      ],
    ];
    for (const [name, c, t, rep, expected] of cases) {
      it(`${name} → [${expected.join(', ')}]`, () => {
        expect(kinds(c, t, rep)).to.deep.equal(expected);
      });
    }

    it('gives the numbers and a sentence for each reason', () => {
      const rep = representative({ name: 'Hana Human', capacity: { total: 10, used: 12 } });
      const reasons = attentionReasons(
        conversation({ lastCustomerMessageAt: NOW - 12 * MIN, sentiment: 'very-negative' }),
        rep,
        { maxWaitMs: 10 * MIN, sentimentAtOrBelow: 'negative', representativeOverCapacity: true },
        NOW,
      );
      expect(reasons).to.deep.equal([
        {
          kind: 'wait',
          waitMs: 12 * MIN,
          thresholdMs: 10 * MIN,
          detail: 'Waiting 12 min (limit 10 min).',
        },
        {
          kind: 'sentiment',
          sentiment: 'very-negative',
          threshold: 'negative',
          detail: 'Sentiment is Very negative (alert at Negative or below).',
        },
        {
          kind: 'over-capacity',
          representativeId: 'rep-human',
          excess: 2,
          detail: 'Hana Human is over capacity by 2 units.',
        },
      ]);
    });
  });

  describe('newly crossed', () => {
    const t: AttentionThresholds = { maxWaitMs: 5 * MIN, sentimentAtOrBelow: 'negative' };
    const reps = new Map<string, Representative>();
    const names = (list: Conversation[]) => (id: string) => list.find((c) => c.id === id);

    it('reports only conversations or reasons that were not there before', () => {
      const before = [
        queued(6 * MIN, { id: 'a', customerName: 'Ann' }),
        queued(1 * MIN, { id: 'b', customerName: 'Bob' }),
        queued(1 * MIN, { id: 'c', customerName: 'Cy' }),
      ];
      const after = [
        queued(7 * MIN, { id: 'a', customerName: 'Ann' }), // still waiting too long: not new
        queued(6 * MIN, { id: 'b', customerName: 'Bob' }), // newly over the wait
        queued(2 * MIN, { id: 'c', customerName: 'Cy', sentiment: 'very-negative' }),
      ];
      const previous = evaluateAttention(before, reps, t, NOW);
      const next = evaluateAttention(after, reps, t, NOW);
      const crossings = newlyCrossed(previous, next, names(after));
      expect(crossings.map((c) => [c.conversationId, c.reasons.map((r) => r.kind)])).to.deep.equal([
        ['b', ['wait']],
        ['c', ['sentiment']],
      ]);
      expect(crossings[0]!.customerName).to.equal('Bob');
    });

    it('a second reason on an alerting row is new; a reason that stopped and came back is new again', () => {
      const a1 = queued(6 * MIN, { id: 'a' });
      const a2 = queued(6 * MIN, { id: 'a', sentiment: 'negative' });
      const a3 = queued(0, { id: 'a' });
      const e1 = evaluateAttention([a1], reps, t, NOW);
      const e2 = evaluateAttention([a2], reps, t, NOW);
      const e3 = evaluateAttention([a3], reps, t, NOW);
      const e4 = evaluateAttention([a1], reps, t, NOW);
      const kindsOf = (x: AttentionCrossing[]) => x.flatMap((c) => c.reasons.map((r) => r.kind));
      expect(kindsOf(newlyCrossed(e1, e2, names([a2])))).to.deep.equal(['sentiment']);
      expect(kindsOf(newlyCrossed(e2, e3, names([a3])))).to.deep.equal([]);
      expect(kindsOf(newlyCrossed(e3, e4, names([a1])))).to.deep.equal(['wait']);
    });

    it('no thresholds: nothing is evaluated', () => {
      expect(evaluateAttention([queued(60 * MIN)], reps, {}, NOW).size).to.equal(0);
    });
  });

  describe('announcements, rate-limited', () => {
    const crossing = (id: string, name = id): AttentionCrossing => ({
      conversationId: id,
      customerName: name,
      reasons: [
        {
          kind: 'wait',
          waitMs: 6 * MIN,
          thresholdMs: 5 * MIN,
          detail: 'Waiting 6 min (limit 5 min).',
        },
      ],
    });

    it('one names the customer; several collapse into a count', () => {
      expect(attentionAnnouncement([])).to.equal('');
      expect(attentionAnnouncement([crossing('a', 'Olga Ueda')])).to.equal(
        'Olga Ueda needs attention: Waiting 6 min (limit 5 min).',
      );
      expect(attentionAnnouncement([crossing('a'), crossing('b'), crossing('c')])).to.equal(
        '3 conversations need attention.',
      );
    });

    it('announces at once, holds what comes inside the window, flushes it when the window ends', () => {
      const s1 = announceAttention(INITIAL_ANNOUNCER, [crossing('a', 'Ann')], 0, 10_000);
      expect(s1.announcement).to.match(/^Ann needs attention/);
      expect(s1.nextAt).to.equal(null);

      const s2 = announceAttention(s1.state, [crossing('b')], 3_000, 10_000);
      expect(s2.announcement).to.equal(null);
      expect(s2.nextAt).to.equal(10_000);

      // The same conversation again, and another: held once each.
      const s3 = announceAttention(s2.state, [crossing('b'), crossing('c')], 9_999, 10_000);
      expect(s3.announcement).to.equal(null);
      expect(s3.state.held.map((c) => c.conversationId)).to.deep.equal(['b', 'c']);

      const s4 = announceAttention(s3.state, [], 10_000, 10_000);
      expect(s4.announcement).to.equal('2 conversations need attention.');
      expect(s4.announced.map((c) => c.conversationId)).to.deep.equal(['b', 'c']);
      expect(s4.state).to.deep.equal({ lastAt: 10_000, held: [] });

      const s5 = announceAttention(s4.state, [], 30_000, 10_000);
      expect(s5.announcement, 'nothing held: nothing said').to.equal(null);
      const s6 = announceAttention(s5.state, [crossing('d', 'Dee')], 30_000, 10_000);
      expect(s6.announcement, 'a quiet window has passed').to.match(/^Dee needs attention/);
    });
  });

  describe('thresholds from untrusted input', () => {
    const cases: [name: string, raw: unknown, expected: AttentionThresholds][] = [
      [
        'a good object',
        { maxWaitMs: 300_000, sentimentAtOrBelow: 'negative', representativeOverCapacity: true },
        { maxWaitMs: 300_000, sentimentAtOrBelow: 'negative', representativeOverCapacity: true },
      ],
      ['null', null, {}],
      ['a string', '{"maxWaitMs":1}', {}],
      ['an array', [300_000], {}],
      ['negative and zero waits', { maxWaitMs: -5 }, {}],
      ['zero wait', { maxWaitMs: 0 }, {}],
      ['NaN', { maxWaitMs: Number.NaN }, {}],
      ['Infinity', { maxWaitMs: Number.POSITIVE_INFINITY }, {}],
      ['more than a week', { maxWaitMs: 8 * 24 * 3600 * 1000 }, {}],
      ['a wait as a string', { maxWaitMs: '300000' }, {}],
      ['a fractional wait is rounded', { maxWaitMs: 1500.4 }, { maxWaitMs: 1500 }],
      ['an unknown sentiment', { sentimentAtOrBelow: 'furious' }, {}],
      ['a sentiment with markup', { sentimentAtOrBelow: '<img src=x onerror=alert(1)>' }, {}],
      ['a sentiment as an object', { sentimentAtOrBelow: { toString: () => 'negative' } }, {}],
      ['capacity as a string', { representativeOverCapacity: 'true' }, {}],
      ['capacity false is off', { representativeOverCapacity: false }, {}],
      ['unknown fields dropped', { maxWaitMs: 1000, evil: 'x' }, { maxWaitMs: 1000 }],
      ['prototype keys ignored', JSON.parse('{"__proto__":{"maxWaitMs":5000}}'), {}],
    ];
    for (const [name, raw, expected] of cases) {
      it(`normalize: ${name}`, () => {
        expect(normalizeThresholds(raw)).to.deep.equal(expected);
      });
    }

    it('a getter that throws is not read', () => {
      const hostile = Object.create({
        get maxWaitMs(): number {
          throw new Error('boom');
        },
      }) as unknown;
      expect(normalizeThresholds(hostile)).to.deep.equal({});
    });

    it('round-trips through the URL text form', () => {
      const t: AttentionThresholds = {
        maxWaitMs: 300_000,
        sentimentAtOrBelow: 'slightly-negative',
        representativeOverCapacity: true,
      };
      const text = encodeThresholds(t);
      expect(text).to.equal('await:300;asent:slightly-negative;acap:1');
      expect(decodeThresholds(text)).to.deep.equal(t);
      expect(encodeThresholds({})).to.equal('');
    });

    const texts: [name: string, text: unknown, expected: AttentionThresholds][] = [
      [
        'inside a whole view text',
        'sort:wait.desc;status:open;await:60;text:x',
        { maxWaitMs: 60_000 },
      ],
      ['not a string', 42, {}],
      ['garbage', ';;::a:b:c;%%%', {}],
      ['a negative wait', 'await:-5', {}],
      ['an exponent', 'await:1e9', {}],
      ['a huge wait', 'await:999999999', {}],
      ['a fractional wait', 'await:1.5', {}],
      ['an unknown step', 'asent:furious', {}],
      ['acap other than 1', 'acap:yes', {}],
      ['a very long text', `await:60;${'x'.repeat(100_000)}`, { maxWaitMs: 60_000 }],
    ];
    for (const [name, text, expected] of texts) {
      it(`decode: ${name}`, () => {
        expect(decodeThresholds(text)).to.deep.equal(expected);
      });
    }
  });
});
