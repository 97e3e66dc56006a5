import { expect } from '@open-wc/testing';
import {
  describeConversationChanges,
  nameLookup,
  type ChangedField,
  type Conversation,
} from './index.js';
import { HUMAN, OTHER_HUMAN, conversation } from '../../test/fixtures/domain.js';

const names = nameLookup({
  representatives: new Map([HUMAN, OTHER_HUMAN].map((r) => [r.id, r])),
  queues: new Map([
    ['q-general', { id: 'q-general', name: 'General' }],
    ['q-billing', { id: 'q-billing', name: 'Billing' }],
  ]),
  supervisors: new Map([
    ['sup-1', { id: 'sup-1', name: 'Sam Supervisor' }],
    ['sup-2', { id: 'sup-2', name: 'Priya Lead' }],
  ]),
});

type Row = [name: string, after: Partial<Conversation>, expected: [ChangedField, string][]];

describe('domain: what changed in a conversation', () => {
  const before = conversation({ sentiment: 'neutral' });
  const rows: Row[] = [
    ['nothing (only the version and times)', { version: 9, lastCustomerMessageAt: 5 }, []],
    ['status', { status: 'waiting' }, [['status', 'Status: Active → Waiting.']]],
    ['closed', { status: 'closed' }, [['closed', 'The conversation was closed.']]],
    [
      'representative',
      { representativeId: 'rep-other' },
      [['representative', 'Representative: Hana Human → Omar Other.']],
    ],
    [
      'unassigned, back in a queue',
      { representativeId: null, status: 'open', queueId: 'q-billing' },
      [
        ['status', 'Status: Active → Open.'],
        ['representative', 'Hana Human no longer handles it; nobody is assigned.'],
        ['queue', 'Moved to Billing.'],
      ],
    ],
    [
      'consultant added',
      { consultantIds: ['rep-other'] },
      [['consultants', 'Consulting now: Omar Other.']],
    ],
    [
      'pending transfer',
      {
        pendingTransfer: {
          fromRepresentativeId: 'rep-human',
          toRepresentativeId: 'rep-other',
          toQueueId: null,
          requestedAt: 1,
          supervisorId: 'sup-2',
        },
      },
      [
        [
          'pendingTransfer',
          'Priya Lead asked to transfer it to Omar Other; waiting for an answer.',
        ],
      ],
    ],
    ['escalated', { mode: 'voice' }, [['mode', 'Escalated to a voice call.']]],
    [
      'sentiment two steps down',
      { sentiment: 'negative' },
      [['sentiment', 'Sentiment worsened: Neutral → Negative.']],
    ],
    [
      'sentiment up',
      { sentiment: 'positive' },
      [['sentiment', 'Sentiment improved: Neutral → Positive.']],
    ],
    [
      'another supervisor monitors and joins',
      { monitoredBy: ['sup-2'], joinedBy: ['sup-2'] },
      [
        ['monitoredBy', 'Now monitored by Priya Lead.'],
        ['joinedBy', 'Priya Lead joined the conversation.'],
      ],
    ],
    [
      'an unknown supervisor shows by id',
      { monitoredBy: ['sup-9'] },
      [['monitoredBy', 'Now monitored by sup-9.']],
    ],
  ];
  for (const [name, after, expected] of rows) {
    it(name, () => {
      const changes = describeConversationChanges(
        before,
        conversation({ ...before, ...after }),
        names,
      );
      expect(changes.map((c) => [c.field, c.text])).to.deep.equal(expected);
    });
  }

  it('reports leaving and stopping in the other direction', () => {
    const was = conversation({
      monitoredBy: ['sup-2'],
      joinedBy: ['sup-2'],
      consultantIds: ['rep-other'],
    });
    const now = conversation({ monitoredBy: [], joinedBy: [], consultantIds: [] });
    expect(describeConversationChanges(was, now, names).map((c) => c.text)).to.deep.equal([
      'No longer consulting: Omar Other.',
      'No longer monitored by Priya Lead.',
      'Priya Lead left the conversation.',
    ]);
  });

  it('keeps hostile names as plain text (the caller renders them as text)', () => {
    const hostile = nameLookup({
      representatives: new Map([
        ['r-x', { ...OTHER_HUMAN, id: 'r-x', name: '<img src=x onerror=alert(1)>' }],
      ]),
    });
    const [change] = describeConversationChanges(
      before,
      conversation({ representativeId: 'r-x' }),
      hostile,
    );
    expect(change?.text).to.equal('Representative: rep-human → <img src=x onerror=alert(1)>.');
  });
});
