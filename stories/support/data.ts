/**
 * The story centre: a small, realistic contact centre (timestamps relative to now, so wait and handle
 * times read like a live shift) with one conversation for every rule the dialogs show, and the same
 * centre with hostile strings in every free-text field.
 */
import type { CentreSnapshot } from '../../src/adapters/backend-adapter.js';
import type {
  Conversation,
  Representative,
  Sentiment,
  TranscriptMessage,
} from '../../src/domain/index.js';
import { conversation, representative } from '../../test/fixtures/domain.js';

export const SUPERVISOR = { id: 'sup-1', name: 'Sam Supervisor' } as const;

/** The other supervisors of the story centre (who else is here, stale actions). */
export const OTHER_SUPERVISORS = {
  priya: { id: 'sup-priya', name: 'Priya Lead' },
  marcus: { id: 'sup-marcus', name: 'Marcus Floor' },
  ines: { id: 'sup-ines', name: 'Ines Quality' },
} as const;

/** Ids of the story centre's conversations, by what they are good for. */
export const IDS = {
  /** Active live chat, handled by Hana: transferable, force-closable, monitorable. */
  active: 'c-active',
  /** Open live chat, nobody assigned, in the General queue: assignable. */
  open: 'c-open',
  /** Open WhatsApp in Billing, long wait, very negative. */
  openBilling: 'c-open-billing',
  /** Active voice call (not transferable: not messaging). */
  voice: 'c-voice',
  /** Waiting SMS, handled by Lee. */
  waiting: 'c-waiting',
  /** A case record in wrap-up (cannot be force-closed). */
  record: 'c-record',
  /** Live chat escalated to video (not transferable). */
  escalated: 'c-escalated',
  /** WhatsApp handled by an AI agent (not transferable). */
  ai: 'c-ai',
  /** Teams chat with a transfer already waiting for Omar's answer. */
  transferring: 'c-transferring',
} as const;

/** Ids of the story centre's representatives. */
export const REPS = {
  hana: 'rep-hana',
  omar: 'rep-omar',
  lee: 'rep-lee',
  ada: 'rep-ada',
  fay: 'rep-fay',
  olly: 'rep-olly',
  bot: 'rep-bot',
} as const;

const MIN = 60_000;

/** Options of `storySnapshot`. */
export interface StorySnapshotOptions {
  /** Fay's capacity use (of 6 units): the open chat costs 2, so `used - 4` is the excess. Default 5. */
  readonly fayUsed?: number;
  /** Drop every conversation (an empty centre). */
  readonly empty?: boolean;
  /** The admin switches (all on by default). */
  readonly settings?: Partial<CentreSnapshot['settings']>;
  /** Replaces conversations by id (e.g. to make one not eligible). */
  readonly patch?: Readonly<Record<string, Partial<Conversation>>>;
}

/** The representatives of the story centre. */
export function storyRepresentatives(fayUsed = 5): Representative[] {
  return [
    representative({
      id: REPS.hana,
      name: 'Hana Hughes',
      presence: 'available',
      capacity: { total: 10, used: 3 },
      queueIds: ['q-general', 'q-billing'],
    }),
    representative({
      id: REPS.omar,
      name: 'Omar Okafor',
      presence: 'available',
      capacity: { total: 10, used: 7 },
      queueIds: ['q-general'],
    }),
    representative({
      id: REPS.lee,
      name: 'Lee Park',
      presence: 'busy',
      capacity: { total: 10, used: 1 },
      queueIds: ['q-billing'],
    }),
    representative({
      id: REPS.ada,
      name: 'Ada Aalto',
      presence: 'away',
      capacity: { total: 10, used: 0 },
      queueIds: ['q-general'],
    }),
    representative({
      id: REPS.fay,
      name: 'Fay Fischer',
      presence: 'available',
      capacity: { total: 6, used: fayUsed },
      queueIds: ['q-vip'],
    }),
    representative({
      id: REPS.olly,
      name: 'Olly Olsen',
      presence: 'offline',
      capacity: { total: 10, used: 0 },
      queueIds: ['q-general'],
    }),
    representative({
      id: REPS.bot,
      name: 'Botty',
      kind: 'ai',
      presence: 'available',
      capacity: { total: 100, used: 4 },
      queueIds: ['q-general', 'q-billing'],
    }),
  ];
}

/** The conversations of the story centre, timed relative to `now`. */
export function storyConversations(now = Date.now()): Conversation[] {
  const ago = (minutes: number) => now - minutes * MIN;
  return [
    conversation({
      id: IDS.active,
      customerName: 'Alice Andersson',
      subject: 'Order 4471 arrived damaged',
      channel: 'live-chat',
      status: 'active',
      queueId: 'q-general',
      representativeId: REPS.hana,
      sentiment: 'slightly-positive',
      enteredQueueAt: ago(9),
      lastCustomerMessageAt: ago(0.5),
      acceptedAt: ago(8),
    }),
    conversation({
      id: IDS.open,
      customerName: 'Olga Ortiz',
      subject: 'Refund not received',
      channel: 'live-chat',
      status: 'open',
      queueId: 'q-general',
      representativeId: null,
      sentiment: 'negative',
      enteredQueueAt: ago(4),
      lastCustomerMessageAt: ago(1),
      acceptedAt: null,
    }),
    conversation({
      id: IDS.openBilling,
      customerName: 'Nina Nakamura',
      subject: 'Charged twice for March',
      channel: 'whatsapp',
      status: 'open',
      queueId: 'q-billing',
      representativeId: null,
      sentiment: 'very-negative',
      enteredQueueAt: ago(13),
      lastCustomerMessageAt: ago(2),
      acceptedAt: null,
    }),
    conversation({
      id: IDS.voice,
      customerName: 'Victor Varga',
      subject: 'Cancel subscription',
      channel: 'voice',
      mode: 'voice',
      status: 'active',
      queueId: 'q-general',
      representativeId: REPS.omar,
      sentiment: 'neutral',
      enteredQueueAt: ago(6),
      acceptedAt: ago(5),
    }),
    conversation({
      id: IDS.waiting,
      customerName: 'Wes Walker',
      subject: 'Waiting for a photo of the receipt',
      channel: 'sms',
      status: 'waiting',
      queueId: 'q-billing',
      representativeId: REPS.lee,
      sentiment: 'slightly-negative',
      enteredQueueAt: ago(22),
      lastCustomerMessageAt: ago(7),
      acceptedAt: ago(20),
    }),
    conversation({
      id: IDS.record,
      customerName: 'Rita Ruiz',
      subject: 'Case 00123: warranty claim',
      channel: 'record',
      status: 'wrap-up',
      queueId: 'q-general',
      representativeId: REPS.hana,
      sentiment: 'positive',
      enteredQueueAt: ago(45),
      acceptedAt: ago(40),
    }),
    conversation({
      id: IDS.escalated,
      customerName: 'Eve Ekström',
      subject: 'Set-up help (video call)',
      channel: 'live-chat',
      mode: 'video',
      status: 'active',
      queueId: 'q-vip',
      representativeId: REPS.omar,
      sentiment: 'very-positive',
      enteredQueueAt: ago(16),
      acceptedAt: ago(15),
    }),
    conversation({
      id: IDS.ai,
      customerName: 'Ian Ito',
      subject: 'Where is my parcel?',
      channel: 'whatsapp',
      status: 'active',
      queueId: 'q-general',
      representativeId: REPS.bot,
      sentiment: 'neutral',
      enteredQueueAt: ago(2),
      lastCustomerMessageAt: ago(0.2),
      acceptedAt: ago(2),
    }),
    conversation({
      id: IDS.transferring,
      customerName: 'Tom Tanaka',
      subject: 'Business account upgrade',
      channel: 'teams',
      status: 'active',
      queueId: 'q-billing',
      representativeId: REPS.lee,
      sentiment: 'slightly-positive',
      enteredQueueAt: ago(11),
      acceptedAt: ago(10),
      pendingTransfer: {
        fromRepresentativeId: REPS.lee,
        toRepresentativeId: REPS.omar,
        toQueueId: null,
        requestedAt: ago(0.5),
        supervisorId: 'sup-2',
      },
    }),
  ];
}

/** The story centre: 9 conversations, 6 people and an AI agent, 3 queues, every switch on. */
export function storySnapshot(options: StorySnapshotOptions = {}): CentreSnapshot {
  const conversations = options.empty
    ? []
    : storyConversations().map((c) => {
        const patch = options.patch?.[c.id];
        return patch ? { ...c, ...patch, version: c.version + 1 } : c;
      });
  return {
    supervisor: SUPERVISOR,
    supervisors: [SUPERVISOR, ...Object.values(OTHER_SUPERVISORS)],
    settings: {
      monitor: true,
      assign: true,
      transfer: true,
      forceClose: true,
      ...options.settings,
    },
    queues: [
      { id: 'q-general', name: 'General' },
      { id: 'q-billing', name: 'Billing' },
      { id: 'q-vip', name: 'VIP' },
    ],
    representatives: storyRepresentatives(options.fayUsed),
    conversations,
  };
}

/**
 * Strings that must be shown as text, never run or parsed: markup, script, event handlers, a
 * `javascript:` URL, right-to-left override, zero-width characters, emoji, and a very long word.
 */
export const HOSTILE = {
  script: '<script>window.__storyXss = 1</script>Mallory',
  img: '<img src=x onerror="window.__storyXss = 1">Eve',
  url: 'javascript:window.__storyXss=1//Jay',
  /** A right-to-left override that is never closed: it must not flip the text after it. */
  rtl: 'Ri\u202Egnaro Override',
  zeroWidth: 'Ze\u200Bro\u200C Wi\u200Ddth\uFEFF',
  emoji: 'Emma 👩🏽‍💻🧑‍🤝‍🧑🏳️‍🌈',
  long: `Longname${'x'.repeat(180)}`,
  html: '<b>bold</b> &amp; <i>entities</i> &lt;tag&gt;',
} as const;

/** The story centre with hostile strings in every customer, subject, representative and queue name. */
export function hostileSnapshot(): CentreSnapshot {
  const base = storySnapshot();
  const names = Object.values(HOSTILE);
  const pick = (i: number) => names[i % names.length]!;
  return {
    ...base,
    supervisor: { id: SUPERVISOR.id, name: HOSTILE.script },
    supervisors: [
      { id: SUPERVISOR.id, name: HOSTILE.script },
      ...Object.values(OTHER_SUPERVISORS).map((o, i) => ({ ...o, name: pick(i + 1) })),
    ],
    queues: base.queues.map((q, i) => ({ ...q, name: pick(i + 3) })),
    representatives: base.representatives.map((r, i) => ({ ...r, name: pick(i + 6) })),
    conversations: base.conversations.map((c, i) => ({
      ...c,
      customerName: pick(i),
      subject: pick(i + 4),
      // Other supervisors (hostile names) on the first conversations: who else is here.
      ...(i < 2
        ? {
            joinedBy: [OTHER_SUPERVISORS.priya.id],
            monitoredBy: [OTHER_SUPERVISORS.marcus.id, OTHER_SUPERVISORS.ines.id],
          }
        : {}),
    })),
  };
}

/** Did any hostile string run? (They all set `window.__storyXss` if they do.) */
export function hostileStringRan(): boolean {
  return (window as { __storyXss?: unknown }).__storyXss !== undefined;
}

/** The live chat's transcript so far: bot greeting, customer and representative, sentiment drifting up. */
export function storyTranscript(
  conversationId: string = IDS.active,
  now = Date.now(),
): TranscriptMessage[] {
  const lines: [number, TranscriptMessage['author'], string, string, Sentiment?][] = [
    [9, 'bot', 'Helper bot', 'Hi! I am the helper bot. What can I do for you today?'],
    [
      8.8,
      'customer',
      'Alice Andersson',
      'My order 4471 arrived and the lamp is broken.',
      'negative',
    ],
    [8.5, 'system', '', 'Hana Hughes joined the conversation.'],
    [
      8.3,
      'representative',
      'Hana Hughes',
      'I am sorry to hear that, Alice. Could you send a photo of the damage?',
    ],
    [
      7,
      'customer',
      'Alice Andersson',
      'Here it is. The glass shade is shattered.',
      'slightly-negative',
    ],
    [
      5.5,
      'representative',
      'Hana Hughes',
      'Thank you. I have ordered a replacement; it ships today at no cost.',
    ],
    [
      4,
      'customer',
      'Alice Andersson',
      'Oh, that is quick. Do I need to send the broken one back?',
      'neutral',
    ],
    [
      2,
      'representative',
      'Hana Hughes',
      'No need, please recycle it. You will get a tracking link by email.',
    ],
    [0.5, 'customer', 'Alice Andersson', 'Great, thank you so much!', 'positive'],
  ];
  return lines.map(([minutes, author, authorName, text, sentiment], i) => ({
    id: `${conversationId}-m${i + 1}`,
    conversationId,
    at: now - minutes * MIN,
    author,
    authorName,
    text,
    ...(sentiment ? { sentiment } : {}),
  }));
}

/** Transcript messages carrying hostile strings. */
export function hostileTranscript(conversationId: string = IDS.active, now = Date.now()) {
  return Object.values(HOSTILE).map((text, i): TranscriptMessage => ({
    id: `${conversationId}-h${i + 1}`,
    conversationId,
    at: now - (10 - i) * MIN,
    author: i % 2 ? 'representative' : 'customer',
    authorName: Object.values(HOSTILE)[(i + 3) % 8]!,
    text,
  }));
}
