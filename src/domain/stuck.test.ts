import { expect } from '@open-wc/testing';
import {
  absenceOf,
  isStuck,
  stuckConversations,
  stuckSuggestion,
  type Conversation,
  type Presence,
  type Representative,
} from './index.js';
import {
  ALL_ON,
  AI_AGENT,
  context,
  conversation,
  representative,
} from '../../test/fixtures/domain.js';

const NOW = 1_000_000;
const MIN = 60_000;
const THRESHOLD = 5 * MIN;

/** An Active chat whose customer wrote `waitedMs` ago, handled by `rep-human`. */
function waiting(waitedMs: number, overrides: Partial<Conversation> = {}): Conversation {
  return conversation({ lastCustomerMessageAt: NOW - waitedMs, ...overrides });
}

const rep = (presence: Presence, overrides: Partial<Representative> = {}) =>
  representative({ presence, ...overrides });

describe('stuck conversations', () => {
  describe('presence', () => {
    const cases: [Presence, boolean][] = [
      ['available', false],
      ['busy', false],
      ['busy-dnd', false],
      ['away', true],
      ['offline', true],
      ['Be Right Back', true],
      [' appear offline ', true],
      ['Lunch', false],
      ['', false],
      ['__proto__', false],
    ];
    for (const [presence, stuck] of cases) {
      it(`${JSON.stringify(presence)} → ${stuck ? 'stuck' : 'not stuck'}`, () => {
        expect(isStuck(waiting(THRESHOLD + 1), rep(presence), NOW, THRESHOLD)).to.equal(stuck);
      });
    }

    it('a caller mapping can declare a custom presence absent', () => {
      const absenceOfLunch = (p: Presence) => (p === 'Lunch' ? 'away' : absenceOf(p));
      expect(
        isStuck(waiting(THRESHOLD + 1), rep('Lunch'), NOW, THRESHOLD, {
          absenceOf: absenceOfLunch,
        }),
      ).to.equal(true);
    });
  });

  describe('status, threshold and timing', () => {
    const offline = rep('offline');
    const cases: [name: string, c: Conversation, r: Representative | undefined, stuck: boolean][] =
      [
        ['waited exactly the threshold', waiting(THRESHOLD), offline, false],
        ['waited 1 ms beyond', waiting(THRESHOLD + 1), offline, true],
        ['Waiting status', waiting(THRESHOLD + 1, { status: 'waiting' }), offline, true],
        [
          'Open status (no representative)',
          waiting(THRESHOLD + 1, { status: 'open', representativeId: null }),
          offline,
          false,
        ],
        ['Wrap-up status', waiting(THRESHOLD + 1, { status: 'wrap-up' }), offline, false],
        [
          'nobody waiting (no customer message)',
          conversation({ lastCustomerMessageAt: null }),
          offline,
          false,
        ],
        ['representative unknown', waiting(THRESHOLD + 1), undefined, false],
        [
          'representative is not the primary',
          waiting(THRESHOLD + 1),
          rep('offline', { id: 'rep-other' }),
          false,
        ],
      ];
    for (const [name, c, r, stuck] of cases) {
      it(`${name} → ${stuck ? 'stuck' : 'not stuck'}`, () => {
        expect(isStuck(c, r, NOW, THRESHOLD)).to.equal(stuck);
      });
    }
  });

  describe('the one-step suggestion', () => {
    const away = rep('away');
    const best = representative({ id: 'best', name: 'Best Bea', capacity: { total: 10, used: 0 } });
    const busy = representative({ id: 'busy', name: 'Busy Ben', presence: 'busy' });
    const full = representative({ id: 'full', name: 'Full Fay', capacity: { total: 2, used: 2 } });
    const roomyNotInQueue = representative({
      id: 'roomy',
      name: 'Roomy Rob',
      capacity: { total: 10, used: 0 },
      queueIds: [],
    });
    const ctxWith = (reps: Representative[], settings = ALL_ON) =>
      context({ settings, representatives: new Map([away, ...reps].map((r) => [r.id, r])) });

    it('transfers to the best available candidate with room (queue members first on a tie)', () => {
      const s = stuckSuggestion(
        ctxWith([busy, full, roomyNotInQueue, best, AI_AGENT]),
        waiting(THRESHOLD + 1),
      );
      expect(s.action).to.equal('transfer');
      expect(s.candidate?.representative.id).to.equal('best');
      expect(s.verdict.allowed).to.equal(true);
      expect(s.detail).to.equal('Transfer to Best Bea.');
    });

    it('offers nobody when no one is available with room', () => {
      const s = stuckSuggestion(ctxWith([busy, full, AI_AGENT]), waiting(THRESHOLD + 1));
      expect(s.candidate).to.equal(null);
      expect(s.verdict.allowed).to.equal(true);
      expect(s.detail).to.match(/No available representative/);
    });

    const refusals: [string, Partial<Conversation>, string, typeof ALL_ON][] = [
      ['a call cannot be transferred', { channel: 'voice', mode: 'voice' }, 'channel', ALL_ON],
      ['an escalated chat', { mode: 'video' }, 'escalated', ALL_ON],
      [
        'a transfer already pending',
        {
          pendingTransfer: {
            fromRepresentativeId: 'rep-human',
            toRepresentativeId: 'best',
            toQueueId: null,
            requestedAt: 0,
            supervisorId: 'sup-1',
          },
        },
        'transfer-pending',
        ALL_ON,
      ],
      ['the transfer switch off', {}, 'switch-off', { ...ALL_ON, transfer: false }],
    ];
    for (const [name, overrides, reason, settings] of refusals) {
      it(`${name} → no candidate, the rule's ${reason}`, () => {
        const s = stuckSuggestion(ctxWith([best], settings), waiting(THRESHOLD + 1, overrides));
        expect(s.candidate).to.equal(null);
        expect(s.verdict.allowed).to.equal(false);
        if (!s.verdict.allowed) {
          expect(s.verdict.reason).to.equal(reason);
          expect(s.detail).to.equal(s.verdict.detail);
        }
      });
    }
  });

  it('lists stuck conversations, longest waiting first, with a sentence and a suggestion', () => {
    const offline = representative({ id: 'off', name: 'Olaf Offline', presence: 'offline' });
    const here = representative({
      id: 'here',
      name: 'Hana Here',
      capacity: { total: 10, used: 0 },
    });
    const ctx = context({ representatives: new Map([offline, here].map((r) => [r.id, r])) });
    const list = stuckConversations(
      [
        waiting(6 * MIN, { id: 'a', representativeId: 'off', customerName: 'Ann' }),
        waiting(12 * MIN, { id: 'b', representativeId: 'off', customerName: 'Bob' }),
        waiting(12 * MIN, { id: 'c', representativeId: 'here' }),
        waiting(2 * MIN, { id: 'd', representativeId: 'off' }),
      ],
      ctx,
      NOW,
      THRESHOLD,
    );
    expect(list.map((s) => s.conversation.id)).to.deep.equal(['b', 'a']);
    expect(list[0]!.absence).to.equal('offline');
    expect(list[0]!.waitingMs).to.equal(12 * MIN);
    expect(list[0]!.detail).to.equal('Bob has waited 12 min on Olaf Offline, who is Offline.');
    expect(list[0]!.suggestion.candidate?.representative.id).to.equal('here');
  });
});
