/**
 * Builds the starting world: queues, people and AI agents, and conversations spread over every
 * ongoing status and channel, with timestamps relative to the scheduler's `now()`. Linear in the
 * number of conversations and allocation-light, so 10,000 conversations seed in a few milliseconds.
 */
import { costOf, isMessagingChannel } from '../../domain/index.js';
import type {
  Channel,
  Conversation,
  ConversationMode,
  Presence,
  Queue,
  Representative,
  Sentiment,
  Supervisor,
} from '../../domain/index.js';
import {
  CUSTOM_PRESENCES,
  aiAgentName,
  customerName,
  otherSupervisorName,
  queueName,
  representativeName,
  subjectsFor,
} from './names.js';
import type { ResolvedOptions } from './options.js';
import type { Random, Weighted } from './random.js';
import { chooseRepresentative } from './routing.js';
import { IdSet } from './id-set.js';
import type { OngoingStatus, World } from './world.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** How often each channel occurs. */
export const CHANNEL_WEIGHTS: readonly Weighted<Channel>[] = [
  ['live-chat', 30],
  ['whatsapp', 14],
  ['sms', 9],
  ['facebook', 7],
  ['teams', 6],
  ['voice', 22],
  ['record', 12],
];

/** Starting sentiment of a conversation: mostly neutral, a little skewed either way. */
export const SENTIMENT_WEIGHTS: readonly Weighted<Sentiment>[] = [
  ['very-negative', 3],
  ['negative', 8],
  ['slightly-negative', 14],
  ['neutral', 40],
  ['slightly-positive', 18],
  ['positive', 12],
  ['very-positive', 5],
];

/** The starting status mix; close to the lifecycle's steady state so the mix does not lurch. */
const STATUS_WEIGHTS: readonly Weighted<OngoingStatus>[] = [
  ['open', 12],
  ['active', 52],
  ['waiting', 20],
  ['wrap-up', 16],
];

const PRESENCE_WEIGHTS: readonly Weighted<Presence>[] = [
  ['available', 62],
  ['busy', 18],
  ['busy-dnd', 5],
  ['away', 8],
  ['offline', 4],
  [CUSTOM_PRESENCES[0] ?? 'In a meeting', 3],
];

/** Presence weights for presence changes during the run (exported for the lifecycle). */
export { PRESENCE_WEIGHTS };

const CAPACITY_TOTALS = [6, 8, 10, 12] as const;

/** Capacity units an AI agent carries (they take many chats at once). */
const AI_CAPACITY = 30;

function makeQueues(count: number): Queue[] {
  return Array.from({ length: count }, (_, i) => ({ id: `q-${i + 1}`, name: queueName(i) }));
}

function makeHumans(count: number, queues: readonly Queue[], rng: Random): Representative[] {
  return Array.from({ length: count }, (_, i) => {
    // Every queue gets people: the first queue of person i is queue i mod n; one or two more at random.
    const queueIds = new Set([queues[i % queues.length]!.id]);
    const extra = rng.int(0, 2);
    for (let k = 0; k < extra; k++) queueIds.add(rng.pick(queues).id);
    return {
      id: `rep-${i + 1}`,
      version: 1,
      name: representativeName(i),
      kind: 'human',
      presence: rng.weighted(PRESENCE_WEIGHTS),
      capacity: { total: rng.pick(CAPACITY_TOTALS), used: 0 },
      queueIds: [...queueIds],
    };
  });
}

function makeAgents(count: number, queues: readonly Queue[]): Representative[] {
  const queueIds = queues.map((q) => q.id);
  return Array.from({ length: count }, (_, i) => ({
    id: `ai-${i + 1}`,
    version: 1,
    name: aiAgentName(i),
    kind: 'ai',
    presence: 'available',
    capacity: { total: AI_CAPACITY, used: 0 },
    queueIds,
  }));
}

/**
 * The empty id list every new conversation shares (frozen: changes always build a new list), which
 * spares three arrays per conversation when seeding thousands.
 */
const NOBODY: readonly string[] = Object.freeze([]);

/**
 * A new conversation as it arrives: Open in a random queue, nobody assigned, entered the queue now.
 * Used for the starting world (then back-dated and placed) and for arrivals during the run.
 */
export function newConversation(world: World, rng: Random, now: number): Conversation {
  const n = world.nextConversation++;
  const channel = rng.weighted(CHANNEL_WEIGHTS);
  return {
    id: `c-${n}`,
    version: 1,
    customerName: customerName(n + rng.int(0, 7)),
    subject: rng.pick(subjectsFor(channel)),
    channel,
    mode: 'text',
    status: 'open',
    queueId: rng.pick(world.queues).id,
    representativeId: null,
    consultantIds: NOBODY,
    sentiment: rng.weighted(SENTIMENT_WEIGHTS),
    enteredQueueAt: now,
    lastCustomerMessageAt: isMessagingChannel(channel) ? now : null,
    acceptedAt: null,
    monitoredBy: NOBODY,
    joinedBy: NOBODY,
    pendingTransfer: null,
  };
}

function escalation(rng: Random): ConversationMode {
  return rng.chance(0.7) ? 'voice' : 'video';
}

/** Back-dates a fresh conversation and places it in `status` (assigning it when not Open). */
function placeConversation(
  world: World,
  rng: Random,
  fresh: Conversation,
  status: OngoingStatus,
  now: number,
): Conversation {
  const messaging = isMessagingChannel(fresh.channel);
  if (status === 'open') {
    const entered = now - rng.int(5 * SECOND, 8 * MINUTE);
    return {
      ...fresh,
      enteredQueueAt: entered,
      lastCustomerMessageAt: messaging ? now - rng.int(0, now - entered) : null,
    };
  }
  const representativeId = chooseRepresentative(world, rng, fresh, 'seed');
  if (!representativeId) return placeConversation(world, rng, fresh, 'open', now);
  const agent = world.representatives.get(representativeId)?.kind === 'ai';
  const entered = now - rng.int(1 * MINUTE, 40 * MINUTE);
  const acceptedAt = entered + rng.int(5 * SECOND, Math.min(3 * MINUTE, now - entered - SECOND));
  return {
    ...fresh,
    // AI agents do no after-call work: they never sit in Wrap-up.
    status: agent && status === 'wrap-up' ? 'active' : status,
    representativeId,
    mode: messaging && !agent && rng.chance(0.1) ? escalation(rng) : 'text',
    enteredQueueAt: entered,
    acceptedAt,
    lastCustomerMessageAt: messaging ? Math.max(acceptedAt, now - rng.int(0, 3 * MINUTE)) : null,
  };
}

/** Builds the starting world. Deterministic for a given seed and start time. */
export function seedWorld(options: ResolvedOptions, rng: Random): World {
  const { scheduler, supervisor } = options;
  const now = scheduler.now();
  const queues = makeQueues(options.queues);
  const humans = makeHumans(options.representatives, queues, rng);
  const agents = makeAgents(options.aiAgents, queues);
  const representatives = new Map<string, Representative>();
  for (const rep of [...humans, ...agents]) representatives.set(rep.id, rep);

  const withOwn = options.supervisorTakesConversations && options.conversations > 0;
  if (withOwn) {
    // The supervisor also handles conversations; the router never gives them any (queueIds empty).
    representatives.set(supervisor.id, {
      id: supervisor.id,
      version: 1,
      name: supervisor.name,
      kind: 'human',
      presence: 'busy',
      capacity: { total: 4, used: 0 },
      queueIds: [],
    });
  }

  const humansByQueue = new Map<string, string[]>(queues.map((q) => [q.id, []]));
  for (const rep of humans) for (const q of rep.queueIds) humansByQueue.get(q)?.push(rep.id);

  // Other supervisors: fixed names, no random draws (the seeded world stays as it was).
  const supervisors = new Map<string, Supervisor>([[supervisor.id, supervisor]]);
  for (let i = 0; i < options.otherSupervisors; i++) {
    const id = `sup-sim-${i + 1}`;
    if (!supervisors.has(id)) supervisors.set(id, { id, name: otherSupervisorName(i) });
  }

  const world: World = {
    supervisor,
    supervisors,
    otherSupervisorIds: [...supervisors.keys()].filter((id) => id !== supervisor.id),
    watching: new Map(),
    settings: options.settings,
    queues,
    queueById: new Map(queues.map((q) => [q.id, q])),
    conversations: new Map(),
    closed: new Map(),
    representatives,
    byStatus: {
      open: new IdSet(),
      active: new IdSet(),
      waiting: new IdSet(),
      'wrap-up': new IdSet(),
    },
    humansByQueue,
    humanIds: humans.map((r) => r.id),
    aiIds: agents.map((r) => r.id),
    relevantVersion: new Map(),
    transcripts: new Map(),
    targetSize: options.conversations,
    nextConversation: 1,
    now: () => scheduler.now(),
    onMessage: () => undefined,
  };

  for (let i = 0; i < options.conversations; i++) {
    const fresh = newConversation(world, rng, now);
    let c: Conversation;
    if (withOwn && i === 0) {
      const entered = now - rng.int(2 * MINUTE, 10 * MINUTE);
      c = {
        ...fresh,
        channel: 'live-chat',
        subject: rng.pick(subjectsFor('live-chat')),
        status: 'active',
        representativeId: supervisor.id,
        enteredQueueAt: entered,
        acceptedAt: entered + 20 * SECOND,
        lastCustomerMessageAt: now - rng.int(0, MINUTE),
      };
    } else {
      c = placeConversation(world, rng, fresh, rng.weighted(STATUS_WEIGHTS), now);
    }
    world.conversations.set(c.id, c);
    world.byStatus[c.status as OngoingStatus].add(c.id);
    world.relevantVersion.set(c.id, c.version);
    // The capacity invariant, charged in place: these objects are not shared before the first
    // snapshot, and mutating them spares 10,000 representative copies (see `updateConversation`).
    const holder = c.representativeId ? representatives.get(c.representativeId) : undefined;
    if (holder) (holder.capacity as { used: number }).used += costOf(c);
  }
  return world;
}
