/**
 * Row-action gating through the UI, table-driven over every status × channel of the reference page
 * ("Monitor, assign, transfer, and forcibly end conversations"), escalated modes included. The
 * expectations are written from the reference page here, independently of `src/domain`, and read from
 * the DOM: which actions the row's menu offers, which are disabled, and the reason a supervisor sees.
 */
import '../../../test/setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import {
  openMenu,
  rowOf,
  settled,
  uniqueKey,
  type MenuEntry,
} from '../../../test/fixtures/conversations-table.js';
import {
  AI_AGENT,
  ALL_ON,
  HUMAN,
  OTHER_HUMAN,
  SUPERVISOR_ID,
  conversation,
  representative,
} from '../../../test/fixtures/domain.js';
import { connectedService } from '../../../test/fixtures/element-harness.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import type {
  Channel,
  Conversation,
  ConversationMode,
  ConversationStatus,
  SupervisorSettings,
} from '../../domain/index.js';
import type { OngoingConversationsTable } from './ongoing-conversations-table.js';
import './ongoing-conversations-table.define.js';

const STATUSES: ConversationStatus[] = ['open', 'active', 'waiting', 'wrap-up'];
const CHANNELS: Channel[] = ['live-chat', 'sms', 'whatsapp', 'voice', 'record'];
const MESSAGING = new Set<Channel>(['live-chat', 'sms', 'whatsapp']);

const REASON = {
  monitorStatus: 'Only Active or Wrap-up conversations can be monitored.',
  monitorOwn: 'You cannot monitor a conversation assigned to you.',
  assignStatus: 'Only Open conversations can be assigned.',
  assignAssigned: 'This conversation is already assigned to a representative.',
  transferStatus: 'Only Active or Waiting conversations can be transferred.',
  transferChannel: 'Only messaging conversations (chat, SMS, WhatsApp…) can be transferred.',
  transferEscalated: (mode: string) =>
    `This conversation was escalated to ${mode}; it can no longer be transferred.`,
  transferAi: 'Botty is an AI agent; transfers are between people only.',
  transferPending: 'A transfer is already waiting for an answer.',
  forceCloseChannel: 'Only voice and messaging conversations can be force-closed.',
};

type Expected = Record<'Monitor' | 'Assign' | 'Transfer' | 'Force close', string | null>;

interface Case {
  readonly name: string;
  readonly conversation: Conversation;
  /** `null`: allowed; a string: disabled with this reason. */
  readonly expected: Expected;
}

/** The reference page's rules, restated for a conversation handled by a human (or nobody). */
function oracle(status: ConversationStatus, channel: Channel, mode: ConversationMode): Expected {
  const messaging = MESSAGING.has(channel);
  return {
    Monitor: status === 'active' || status === 'wrap-up' ? null : REASON.monitorStatus,
    Assign: status === 'open' ? null : REASON.assignStatus,
    Transfer:
      status !== 'active' && status !== 'waiting'
        ? REASON.transferStatus
        : !messaging
          ? REASON.transferChannel
          : mode !== 'text'
            ? REASON.transferEscalated(mode)
            : null,
    'Force close': messaging || channel === 'voice' ? null : REASON.forceCloseChannel,
  };
}

function makeCase(status: ConversationStatus, channel: Channel, mode: ConversationMode): Case {
  const name = `${status} · ${channel} · ${mode}`;
  const open = status === 'open';
  return {
    name,
    conversation: conversation({
      id: name,
      customerName: name,
      status,
      channel,
      mode,
      representativeId: open ? null : HUMAN.id,
      acceptedAt: open ? null : Date.now() - 60_000,
      enteredQueueAt: Date.now() - 120_000,
    }),
    expected: oracle(status, channel, mode),
  };
}

const CASES: Case[] = [];
for (const status of STATUSES) {
  for (const channel of CHANNELS) {
    CASES.push(makeCase(status, channel, channel === 'voice' ? 'voice' : 'text'));
  }
  // A messaging conversation escalated from text to voice or video.
  for (const channel of ['live-chat', 'whatsapp'] as const) {
    for (const mode of ['voice', 'video'] as const) CASES.push(makeCase(status, channel, mode));
  }
}

// The rules' other conditions, one row each.
const SPECIAL: Case[] = [
  {
    name: 'assigned to the supervisor',
    conversation: conversation({
      id: 'own',
      customerName: 'assigned to the supervisor',
      representativeId: SUPERVISOR_ID,
    }),
    expected: {
      Monitor: REASON.monitorOwn,
      Assign: REASON.assignStatus,
      Transfer: null,
      'Force close': null,
    },
  },
  {
    name: 'handled by an AI agent',
    conversation: conversation({
      id: 'ai',
      customerName: 'handled by an AI agent',
      representativeId: AI_AGENT.id,
    }),
    expected: {
      Monitor: null,
      Assign: REASON.assignStatus,
      Transfer: REASON.transferAi,
      'Force close': null,
    },
  },
  {
    name: 'transfer pending',
    conversation: conversation({
      id: 'pending',
      customerName: 'transfer pending',
      pendingTransfer: {
        fromRepresentativeId: HUMAN.id,
        toRepresentativeId: OTHER_HUMAN.id,
        toQueueId: null,
        requestedAt: 0,
        supervisorId: SUPERVISOR_ID,
      },
    }),
    expected: {
      Monitor: null,
      Assign: REASON.assignStatus,
      Transfer: REASON.transferPending,
      'Force close': null,
    },
  },
  {
    name: 'open but already assigned',
    conversation: conversation({
      id: 'open-assigned',
      customerName: 'open but already assigned',
      status: 'open',
    }),
    expected: {
      Monitor: REASON.monitorStatus,
      Assign: REASON.assignAssigned,
      Transfer: REASON.transferStatus,
      'Force close': null,
    },
  },
];

const ALL = [...CASES, ...SPECIAL];

/**
 * Mounts the table. `persistent` tables outlive one test (open-wc's `fixture` removes its element
 * after each test), for the suite that reads one table row by row.
 */
async function mount(
  settings: SupervisorSettings,
  persistent = false,
): Promise<OngoingConversationsTable> {
  const h = await connectedService(
    smallSnapshot({
      settings,
      representatives: [
        HUMAN,
        OTHER_HUMAN,
        AI_AGENT,
        representative({ id: SUPERVISOR_ID, name: 'Sam Supervisor' }),
      ],
      conversations: ALL.map((c) => c.conversation),
    }),
  );
  // Tall enough that every row is rendered (windowing is tested elsewhere).
  const height = `--sc-table-height: ${ALL.length * 40 + 300}px`;
  let el: OngoingConversationsTable;
  if (persistent) {
    el = document.createElement('ongoing-conversations-table');
    el.service = h.service;
    el.persistKey = uniqueKey();
    el.setAttribute('style', height);
    document.body.append(el);
  } else {
    el = await fixture<OngoingConversationsTable>(
      html`<ongoing-conversations-table
        .service=${h.service}
        persist-key=${uniqueKey()}
        style=${height}
      ></ongoing-conversations-table>`,
    );
  }
  await settled(el);
  return el;
}

function summarize(menu: MenuEntry[]): Partial<Expected> {
  return Object.fromEntries(menu.map((m) => [m.label, m.disabled ? m.description : null]));
}

describe('<ongoing-conversations-table> action gating (reference page, through the UI)', () => {
  let el: OngoingConversationsTable;

  before(async () => {
    el = await mount(ALL_ON, true);
  });

  after(() => el.remove());

  it(`covers ${CASES.length} status × channel × mode combinations and ${SPECIAL.length} special rows`, () => {
    expect(CASES).to.have.length(STATUSES.length * (CHANNELS.length + 4));
  });

  for (const c of ALL) {
    it(`${c.name}: ${Object.entries(c.expected)
      .map(([a, r]) => `${a} ${r === null ? 'allowed' : 'disabled'}`)
      .join(', ')}`, async () => {
      const menu = await openMenu(el, rowOf(el, c.name));
      // Every action is offered (all switches on), in the same order, never silently missing.
      expect(menu.map((m) => m.label)).to.deep.equal([
        'Monitor',
        'Assign',
        'Transfer',
        'Force close',
      ]);
      expect(summarize(menu)).to.deep.equal(c.expected);
      // A disabled action carries its reason as tooltip and as accessible description.
      for (const m of menu) {
        if (m.disabled) expect(m.title).to.equal(m.description);
        else expect(m.title).to.equal('');
      }
    });
  }

  it('is accessible with a menu of disabled actions open', async () => {
    await openMenu(el, rowOf(el, 'wrap-up · record · text'));
    await expect(el).to.be.accessible();
  });

  const SWITCHES: [keyof SupervisorSettings, string][] = [
    ['monitor', 'Monitor'],
    ['assign', 'Assign'],
    ['transfer', 'Transfer'],
    ['forceClose', 'Force close'],
  ];
  for (const [key, label] of SWITCHES) {
    it(`with "${key}" switched off, ${label} is offered on no row; the rest are unchanged`, async () => {
      const table = await mount({ ...ALL_ON, [key]: false });
      for (const c of ALL) {
        const menu = await openMenu(table, rowOf(table, c.name));
        expect(menu.map((m) => m.label)).to.not.include(label);
        const rest = { ...c.expected } as Partial<Expected>;
        delete rest[label as keyof Expected];
        expect(summarize(menu), c.name).to.deep.equal(rest);
      }
      await expect(table).to.be.accessible();
    });
  }
});
