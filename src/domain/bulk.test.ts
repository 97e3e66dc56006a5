import { expect } from '@open-wc/testing';
import {
  planBulk,
  type BulkAction,
  type BulkContext,
  type BulkRefusalReason,
  type Conversation,
  type SupervisorSettings,
} from './index.js';
import { ALL_ON, context, conversation } from '../../test/fixtures/domain.js';

const QUEUES = new Map([
  ['q-general', { id: 'q-general', name: 'General' }],
  ['q-billing', { id: 'q-billing', name: 'Billing' }],
]);

const openChat = conversation({
  id: 'open-chat',
  customerName: 'Olga Ueda',
  status: 'open',
  representativeId: null,
  acceptedAt: null,
  queueId: 'q-general',
});
const inBilling = conversation({ ...openChat, id: 'in-billing', queueId: 'q-billing' });
const openAssigned = conversation({
  ...openChat,
  id: 'open-assigned',
  representativeId: 'rep-human',
});
const activeChat = conversation({ id: 'active-chat', customerName: 'Alice Active' });
const voiceCall = conversation({
  id: 'voice-call',
  customerName: 'Victor Voice',
  channel: 'voice',
  mode: 'voice',
});
const record = conversation({ id: 'record', channel: 'record', status: 'wrap-up' });
const closed = conversation({ id: 'closed', status: 'closed' });
const unnamed = conversation({ id: 'unnamed', customerName: '  ', channel: 'sms' });

const ALL = [openChat, inBilling, openAssigned, activeChat, voiceCall, record, closed, unnamed];

function ctx(settings: SupervisorSettings = ALL_ON): BulkContext {
  const byId = new Map<string, Conversation>(ALL.map((c) => [c.id, c]));
  return { ...context({ settings }), queues: QUEUES, getConversation: (id) => byId.get(id) };
}

type Expected = true | BulkRefusalReason;

function verdicts(action: BulkAction, ids: string[], c = ctx()): Record<string, Expected> {
  const plan = planBulk(action, ids, c);
  return Object.fromEntries(
    plan.rows.map((r) => [r.conversationId, r.verdict.allowed ? true : r.verdict.reason]),
  );
}

describe('bulk planning', () => {
  describe('assign to a queue: the single assign rules, row by row', () => {
    const cases: [
      name: string,
      ids: string[],
      settings: SupervisorSettings,
      expected: Record<string, Expected>,
    ][] = [
      [
        'mixed selection',
        ['open-chat', 'in-billing', 'open-assigned', 'active-chat', 'gone'],
        ALL_ON,
        {
          'open-chat': true,
          'in-billing': 'current-queue',
          'open-assigned': 'already-assigned',
          'active-chat': 'status',
          gone: 'not-found',
        },
      ],
      [
        'switch off wins over every other reason',
        ['open-chat', 'active-chat'],
        { ...ALL_ON, assign: false },
        { 'open-chat': 'switch-off', 'active-chat': 'switch-off' },
      ],
    ];
    for (const [name, ids, settings, expected] of cases) {
      it(name, () => {
        expect(
          verdicts({ kind: 'assign-queue', queueId: 'q-billing' }, ids, ctx(settings)),
        ).to.deep.equal(expected);
      });
    }

    it('an unknown queue refuses assignable rows as unknown-target, others by their own rule', () => {
      expect(
        verdicts({ kind: 'assign-queue', queueId: 'q-nope' }, ['open-chat', 'active-chat']),
      ).to.deep.equal({ 'open-chat': 'unknown-target', 'active-chat': 'status' });
    });

    it('says what will happen to each row, and the refusal sentence', () => {
      const plan = planBulk(
        { kind: 'assign-queue', queueId: 'q-billing' },
        ['open-chat', 'active-chat'],
        ctx(),
      );
      expect(plan.rows[0]!.effect).to.equal('The chat with Olga Ueda goes to the Billing queue.');
      expect(plan.rows[1]!.effect).to.equal('The chat with Alice Active stays as it is.');
      const refused = plan.rows[1]!.verdict;
      expect(refused.allowed ? '' : refused.detail).to.equal(
        'Only Open conversations can be assigned.',
      );
    });
  });

  describe('force close: the single force-close rules', () => {
    it('mixed selection', () => {
      expect(
        verdicts({ kind: 'force-close' }, [
          'voice-call',
          'active-chat',
          'record',
          'closed',
          'open-chat',
        ]),
      ).to.deep.equal({
        'voice-call': true,
        'active-chat': true,
        record: 'channel',
        closed: 'status',
        'open-chat': true,
      });
    });

    it('switch off refuses every row', () => {
      expect(
        verdicts(
          { kind: 'force-close' },
          ['voice-call', 'record'],
          ctx({ ...ALL_ON, forceClose: false }),
        ),
      ).to.deep.equal({ 'voice-call': 'switch-off', record: 'switch-off' });
    });

    it('effects name the conversation by channel, and an unnamed customer', () => {
      const plan = planBulk({ kind: 'force-close' }, ['voice-call', 'unnamed', 'gone'], ctx());
      expect(plan.rows.map((r) => r.effect)).to.deep.equal([
        'The call with Victor Voice will be closed.',
        'The SMS conversation with Unnamed customer will be closed.',
        'Nothing happens to conversation gone: it no longer exists.',
      ]);
    });
  });

  it('counts each id once, keeps the selection order, and totals by reason', () => {
    const plan = planBulk(
      { kind: 'force-close' },
      ['record', 'voice-call', 'record', 'closed', 'gone', 'active-chat'],
      ctx(),
    );
    expect(plan.rows.map((r) => r.conversationId)).to.deep.equal([
      'record',
      'voice-call',
      'closed',
      'gone',
      'active-chat',
    ]);
    expect(plan.totals).to.deep.equal({
      total: 5,
      allowed: 2,
      refused: 3,
      byReason: { channel: 1, status: 1, 'not-found': 1 },
    });
    expect(plan.summary).to.equal('2 of 5 conversations will be closed; 3 are refused.');
  });

  it('summaries for none and one refused', () => {
    expect(planBulk({ kind: 'force-close' }, ['voice-call'], ctx()).summary).to.equal(
      '1 of 1 conversations will be closed.',
    );
    expect(
      planBulk({ kind: 'assign-queue', queueId: 'q-billing' }, ['open-chat', 'record'], ctx())
        .summary,
    ).to.equal('1 of 2 conversations will be assigned to the queue; 1 is refused.');
    expect(planBulk({ kind: 'force-close' }, [], ctx()).totals.total).to.equal(0);
  });
});
