import { expect } from '@open-wc/testing';
import {
  actionVerdicts,
  assessAssignment,
  canAssign,
  canForceClose,
  canJoin,
  canLeave,
  canMonitor,
  canTransfer,
  capacityExcess,
  checkAssignTarget,
  checkTransferTarget,
  isActionEnabled,
  needsPresenceOverride,
  type Conversation,
  type RefusalReason,
  type RuleContext,
  type SupervisorAction,
  type Verdict,
} from './index.js';
import {
  AI_AGENT,
  ALL_ON,
  HUMAN,
  OTHER_HUMAN,
  SUPERVISOR_ID,
  context,
  conversation,
  representative,
} from '../../test/fixtures/domain.js';

/** Asserts a verdict: `true` for allowed, or the refusal reason expected. */
function expectVerdict(verdict: Verdict, expected: true | RefusalReason): void {
  if (expected === true) {
    expect(verdict, JSON.stringify(verdict)).to.deep.equal({ allowed: true });
  } else {
    expect(verdict.allowed, 'allowed').to.equal(false);
    if (!verdict.allowed) {
      expect(verdict.reason).to.equal(expected);
      expect(verdict.detail, 'a human-readable explanation').to.be.a('string').and.not.empty;
    }
  }
}

type Row = [name: string, c: Partial<Conversation>, expected: true | RefusalReason];

function table(rule: (ctx: RuleContext, c: Conversation) => Verdict, rows: Row[]): void {
  for (const [name, overrides, expected] of rows) {
    it(`${name} → ${expected === true ? 'allowed' : expected}`, () => {
      expectVerdict(rule(context(), conversation(overrides)), expected);
    });
  }
}

describe('domain rules', () => {
  describe('monitor', () => {
    table(canMonitor, [
      ['Active live chat', { status: 'active' }, true],
      ['Wrap-up live chat', { status: 'wrap-up' }, true],
      ['Active record', { status: 'active', channel: 'record' }, true],
      ['Wrap-up record', { status: 'wrap-up', channel: 'record' }, true],
      ['Active voice', { status: 'active', channel: 'voice', mode: 'voice' }, true],
      ['Open', { status: 'open', representativeId: null }, 'status'],
      ['Waiting', { status: 'waiting' }, 'status'],
      ['Closed', { status: 'closed' }, 'status'],
      [
        'assigned to the supervisor themself',
        { representativeId: SUPERVISOR_ID },
        'own-conversation',
      ],
    ]);
  });

  describe('join and leave', () => {
    table(canJoin, [
      ['while monitoring', { monitoredBy: [SUPERVISOR_ID] }, true],
      ['without monitoring', { monitoredBy: ['someone-else'] }, 'not-monitoring'],
      [
        'already joined',
        { monitoredBy: [SUPERVISOR_ID], joinedBy: [SUPERVISOR_ID] },
        'already-joined',
      ],
      ['closed', { status: 'closed', monitoredBy: [SUPERVISOR_ID] }, 'status'],
    ]);
    table(canLeave, [
      ['after joining', { joinedBy: [SUPERVISOR_ID] }, true],
      ['without joining', { monitoredBy: [SUPERVISOR_ID] }, 'not-joined'],
    ]);
  });

  describe('assign', () => {
    const open = { status: 'open', representativeId: null, acceptedAt: null } as const;
    table(canAssign, [
      ['Open and unassigned', open, true],
      ['Open record, unassigned', { ...open, channel: 'record' }, true],
      ['Open voice, unassigned', { ...open, channel: 'voice', mode: 'voice' }, true],
      ['Active', { status: 'active' }, 'status'],
      ['Waiting', { status: 'waiting' }, 'status'],
      ['Wrap-up', { status: 'wrap-up' }, 'status'],
      ['Closed', { status: 'closed', representativeId: null }, 'status'],
      [
        'Open but already has a representative',
        { ...open, representativeId: 'rep-human' },
        'already-assigned',
      ],
    ]);

    const c = conversation({ ...open, channel: 'live-chat' }); // costs 2 units

    it('does not offer the conversation’s current queue, offers another queue', () => {
      const ctx = context();
      expectVerdict(
        checkAssignTarget(ctx, c, { type: 'queue', queue: { id: 'q-general', name: 'General' } }),
        'current-queue',
      );
      expectVerdict(
        checkAssignTarget(ctx, c, { type: 'queue', queue: { id: 'q-billing', name: 'Billing' } }),
        true,
      );
    });

    it('refuses an AI agent as assignment target', () => {
      expectVerdict(
        checkAssignTarget(context(), c, { type: 'representative', representative: AI_AGENT }),
        'ai-agent',
      );
    });

    it('refuses any target when the conversation cannot be assigned', () => {
      const active = conversation({ status: 'active' });
      expectVerdict(
        checkAssignTarget(context(), active, {
          type: 'representative',
          representative: OTHER_HUMAN,
        }),
        'status',
      );
    });

    const presences: [string, boolean][] = [
      ['available', false],
      ['busy', true],
      ['busy-dnd', true],
      ['away', true],
      ['offline', true],
      ['In a meeting (custom)', true],
    ];
    for (const [presence, needed] of presences) {
      it(`presence ${presence}: override ${needed ? 'needed' : 'not needed'}`, () => {
        const rep = representative({ presence });
        expect(needsPresenceOverride(rep)).to.equal(needed);
        const target = { type: 'representative', representative: rep } as const;
        expectVerdict(checkAssignTarget(context(), c, target), needed ? 'presence' : true);
        expectVerdict(checkAssignTarget(context(), c, target, { presence: true }), true);
      });
    }

    const capacities: [used: number, total: number, cost: number, excess: number][] = [
      [0, 10, 2, 0],
      [8, 10, 2, 0], // exactly full: not exceeded
      [9, 10, 2, 1],
      [10, 10, 2, 2],
      [12, 10, 5, 7], // already over before the assignment
      [0, 0, 1, 1],
    ];
    for (const [used, total, cost, excess] of capacities) {
      it(`capacity ${used}/${total} + ${cost} units exceeds by ${excess}`, () => {
        const rep = representative({ capacity: { used, total } });
        expect(capacityExcess(rep, cost)).to.equal(excess);
        const conv = conversation({ ...open, cost });
        const assessment = assessAssignment(conv, rep);
        expect(assessment.capacityExcess).to.equal(excess);
        expect(assessment.needsCapacityOverride).to.equal(excess > 0);
        const target = { type: 'representative', representative: rep } as const;
        expectVerdict(checkAssignTarget(context(), conv, target), excess > 0 ? 'capacity' : true);
        expectVerdict(checkAssignTarget(context(), conv, target, { capacity: true }), true);
      });
    }

    it('uses the channel workload when a conversation has no own cost', () => {
      const rep = representative({ capacity: { used: 9, total: 10 } });
      expect(
        assessAssignment(conversation({ ...open, channel: 'voice', mode: 'voice' }), rep)
          .capacityExcess,
      ).to.equal(4);
      expect(
        assessAssignment(conversation({ ...open, channel: 'sms' }), rep).capacityExcess,
      ).to.equal(0);
    });

    it('needs both overrides when the target is away and full, and says by how many units', () => {
      const rep = representative({ presence: 'away', capacity: { used: 10, total: 10 } });
      const target = { type: 'representative', representative: rep } as const;
      expectVerdict(checkAssignTarget(context(), c, target, { capacity: true }), 'presence');
      const verdict = checkAssignTarget(context(), c, target, { presence: true });
      expectVerdict(verdict, 'capacity');
      expect(!verdict.allowed && verdict.detail).to.contain('by 2 units');
      expectVerdict(
        checkAssignTarget(context(), c, target, { presence: true, capacity: true }),
        true,
      );
    });
  });

  describe('transfer', () => {
    table(canTransfer, [
      ['Active live chat', { status: 'active' }, true],
      ['Waiting SMS', { status: 'waiting', channel: 'sms' }, true],
      ['Active WhatsApp', { channel: 'whatsapp' }, true],
      ['Active Facebook', { channel: 'facebook' }, true],
      ['Active Teams', { channel: 'teams' }, true],
      ['Open', { status: 'open' }, 'status'],
      ['Wrap-up', { status: 'wrap-up' }, 'status'],
      ['Closed', { status: 'closed' }, 'status'],
      ['voice', { channel: 'voice', mode: 'voice' }, 'channel'],
      ['record', { channel: 'record' }, 'channel'],
      ['chat escalated to voice', { mode: 'voice' }, 'escalated'],
      ['chat escalated to video', { mode: 'video' }, 'escalated'],
      ['from an AI agent', { representativeId: 'rep-ai' }, 'ai-agent'],
      ['with nobody assigned', { representativeId: null }, 'no-representative'],
      [
        'with a transfer pending',
        {
          pendingTransfer: {
            fromRepresentativeId: 'rep-human',
            toRepresentativeId: 'rep-other',
            toQueueId: null,
            requestedAt: 0,
            supervisorId: SUPERVISOR_ID,
          },
        },
        'transfer-pending',
      ],
    ]);

    const c = conversation();
    it('to another human: allowed', () => {
      expectVerdict(
        checkTransferTarget(context(), c, { type: 'representative', representative: OTHER_HUMAN }),
        true,
      );
    });
    it('to an AI agent: refused', () => {
      expectVerdict(
        checkTransferTarget(context(), c, { type: 'representative', representative: AI_AGENT }),
        'ai-agent',
      );
    });
    it('to the current representative: refused', () => {
      expectVerdict(
        checkTransferTarget(context(), c, { type: 'representative', representative: HUMAN }),
        'same-representative',
      );
    });
    it('to another queue: allowed; to the current queue: refused', () => {
      expectVerdict(
        checkTransferTarget(context(), c, { type: 'queue', queue: { id: 'q-x', name: 'X' } }),
        true,
      );
      expectVerdict(
        checkTransferTarget(context(), c, { type: 'queue', queue: { id: 'q-general', name: 'G' } }),
        'current-queue',
      );
    });
    it('refuses every target when the conversation cannot be transferred', () => {
      const voice = conversation({ channel: 'voice', mode: 'voice' });
      expectVerdict(
        checkTransferTarget(context(), voice, {
          type: 'representative',
          representative: OTHER_HUMAN,
        }),
        'channel',
      );
    });
  });

  describe('force close', () => {
    const rows: Row[] = [];
    for (const status of ['open', 'active', 'waiting', 'wrap-up'] as const) {
      for (const channel of [
        'live-chat',
        'sms',
        'whatsapp',
        'facebook',
        'teams',
        'voice',
      ] as const) {
        rows.push([`${status} ${channel}`, { status, channel }, true]);
      }
      rows.push([`${status} record`, { status, channel: 'record' }, 'channel']);
    }
    rows.push(['closed chat', { status: 'closed' }, 'status']);
    rows.push(['escalated chat', { mode: 'video' }, true]);
    table(canForceClose, rows);
  });

  describe('admin switches', () => {
    const actions: [SupervisorAction, keyof typeof ALL_ON, Partial<Conversation>][] = [
      ['monitor', 'monitor', {}],
      ['join', 'monitor', { monitoredBy: [SUPERVISOR_ID] }],
      ['leave', 'monitor', { joinedBy: [SUPERVISOR_ID] }],
      ['assign', 'assign', { status: 'open', representativeId: null }],
      ['transfer', 'transfer', {}],
      ['forceClose', 'forceClose', {}],
    ];
    for (const [action, key, overrides] of actions) {
      it(`${action} is refused with "${key}" off, allowed with it on`, () => {
        const c = conversation(overrides);
        expectVerdict(actionVerdicts(context(), c)[action], true);
        const off = context({ settings: { ...ALL_ON, [key]: false } });
        expectVerdict(actionVerdicts(off, c)[action], 'switch-off');
        expect(isActionEnabled(off.settings, action)).to.equal(false);
        expect(isActionEnabled(ALL_ON, action)).to.equal(true);
      });
    }

    it('refuses assign and transfer targets with their switch off', () => {
      const off = context({ settings: { ...ALL_ON, assign: false, transfer: false } });
      const open = conversation({ status: 'open', representativeId: null });
      expectVerdict(
        checkAssignTarget(off, open, { type: 'representative', representative: OTHER_HUMAN }),
        'switch-off',
      );
      expectVerdict(
        checkTransferTarget(off, conversation(), {
          type: 'representative',
          representative: OTHER_HUMAN,
        }),
        'switch-off',
      );
    });
  });
});
