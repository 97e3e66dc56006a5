/**
 * The centre's life: one `step` makes one thing happen (an arrival, an assignment, a pause, a
 * wrap-up, a close, an escalation, a customer message, a presence change) and returns the changes it
 * produced. Which thing is drawn in proportion to how many conversations could undergo it, so the
 * status mix settles near the starting one, and closed conversations are replaced by arrivals so the
 * size stays about constant. Every pick is O(1).
 *
 * The lifecycle never touches the status, primary or queue of a conversation with a pending transfer
 * (the transfer's answer decides those), nor of the supervisor's own conversation (only they act on it).
 */
import { isMessagingChannel, sentimentScore, shiftSentiment } from '../../domain/index.js';
import type { Conversation, Presence } from '../../domain/index.js';
import type { CentreChange } from '../backend-adapter.js';
import { customerLines } from './names.js';
import type { Random, Weighted } from './random.js';
import { chooseRepresentative } from './routing.js';
import { PRESENCE_WEIGHTS, newConversation } from './seed-world.js';
import { appendMessage, appendSystem } from './transcripts.js';
import {
  CUSTOMER,
  SYSTEM,
  addConversation,
  changedBy,
  representativeActor,
  updateConversation,
  updateRepresentative,
  type OngoingStatus,
  type World,
} from './world.js';

/** Things that can happen in one step. */
export type LifecycleEvent =
  | 'arrive'
  | 'assign'
  | 'abandon'
  | 'pause'
  | 'resume'
  | 'wrap'
  | 'close'
  | 'escalate'
  | 'message'
  | 'presence';

/**
 * Per-conversation (or per-person) hazard of each event. The steady state has about 12% Open, 53%
 * Active, 20% Waiting and 15% Wrap-up, matching the starting mix.
 */
const HAZARD = {
  assign: 0.5,
  abandon: 0.03,
  pause: 0.15,
  wrap: 0.12,
  escalate: 0.02,
  message: 0.3,
  resume: 0.4,
  close: 0.4,
  presence: 0.02,
  /**
   * Per missing conversation: high, so arrivals refill the centre quickly (the shortfall settles
   * around 1% of the size, where arrivals balance closes).
   */
  arrive: 5,
} as const;

/** Conversations whose life the lifecycle may change (see the module comment). */
function movable(world: World, c: Conversation): boolean {
  return c.pendingTransfer === null && c.representativeId !== world.supervisor.id;
}

function pickIn(world: World, rng: Random, status: OngoingStatus): Conversation | undefined {
  const id = world.byStatus[status].pick(rng);
  return id === undefined ? undefined : world.conversations.get(id);
}

function pickMovable(world: World, rng: Random, status: OngoingStatus): Conversation | undefined {
  const c = pickIn(world, rng, status);
  return c && movable(world, c) ? c : undefined;
}

function isAgent(world: World, c: Conversation): boolean {
  return (
    c.representativeId !== null && world.representatives.get(c.representativeId)?.kind === 'ai'
  );
}

function close(world: World, c: Conversation, line: string, byCustomer = false): CentreChange[] {
  const by = byCustomer ? CUSTOMER : representativeActor(c.representativeId);
  const changes = updateConversation(world, c.id, {
    status: 'closed',
    ...changedBy(world, by, 'close'),
  });
  appendSystem(world, c.id, line);
  return changes;
}

const handlers: Record<LifecycleEvent, (world: World, rng: Random) => CentreChange[]> = {
  arrive(world, rng) {
    return addConversation(world, newConversation(world, rng, world.now()));
  },

  assign(world, rng) {
    const c = pickMovable(world, rng, 'open');
    if (!c) return [];
    const representativeId = chooseRepresentative(world, rng, c, 'live');
    if (!representativeId) return [];
    const changes = updateConversation(world, c.id, {
      status: 'active',
      representativeId,
      acceptedAt: world.now(),
      ...changedBy(world, SYSTEM, 'route'),
    });
    const name = world.representatives.get(representativeId)?.name ?? representativeId;
    appendSystem(world, c.id, `${name} joined the conversation.`);
    return changes;
  },

  abandon(world, rng) {
    const c = pickMovable(world, rng, 'open');
    return c ? close(world, c, 'The customer left the conversation.', true) : [];
  },

  pause(world, rng) {
    const c = pickMovable(world, rng, 'active');
    return c
      ? updateConversation(world, c.id, {
          status: 'waiting',
          ...changedBy(world, representativeActor(c.representativeId), 'pause'),
        })
      : [];
  },

  resume(world, rng) {
    const c = pickMovable(world, rng, 'waiting');
    return c
      ? updateConversation(world, c.id, {
          status: 'active',
          ...changedBy(world, representativeActor(c.representativeId), 'resume'),
        })
      : [];
  },

  wrap(world, rng) {
    const c = pickMovable(world, rng, 'active');
    if (!c) return [];
    // AI agents do no after-conversation work: their conversations close straight away.
    if (isAgent(world, c)) return close(world, c, 'The conversation was closed.');
    return updateConversation(world, c.id, {
      status: 'wrap-up',
      ...changedBy(world, representativeActor(c.representativeId), 'wrap-up'),
    });
  },

  close(world, rng) {
    const c = pickMovable(world, rng, 'wrap-up');
    return c ? close(world, c, 'The conversation was closed.') : [];
  },

  escalate(world, rng) {
    const c = pickMovable(world, rng, 'active');
    if (!c || c.mode !== 'text' || !isMessagingChannel(c.channel) || isAgent(world, c)) return [];
    const mode = rng.chance(0.7) ? 'voice' : 'video';
    const changes = updateConversation(world, c.id, {
      mode,
      ...changedBy(world, CUSTOMER, 'escalate'),
    });
    appendSystem(world, c.id, `The customer switched to a ${mode} call.`);
    return changes;
  },

  message(world, rng) {
    // Any Active or Waiting conversation, pending transfer or not: a message changes no decision.
    const active = world.byStatus.active.size;
    const total = active + world.byStatus.waiting.size;
    if (total === 0) return [];
    const c = pickIn(world, rng, rng.next() * total < active ? 'active' : 'waiting');
    if (!c) return [];
    // Drift pulls back towards neutral, so sentiment wanders without piling up at the ends.
    const up = rng.chance(0.5 - sentimentScore(c.sentiment) * 0.08);
    const sentiment = shiftSentiment(c.sentiment, up ? 1 : -1);
    const now = world.now();
    const messaging = isMessagingChannel(c.channel);
    const changes = updateConversation(world, c.id, {
      sentiment,
      ...(messaging ? { lastCustomerMessageAt: now } : {}),
      ...changedBy(world, CUSTOMER, 'message'),
    });
    appendMessage(world, c.id, {
      at: now,
      author: 'customer',
      authorName: c.customerName,
      text: rng.pick(customerLines(sentiment)),
      sentiment,
    });
    return changes;
  },

  presence(world, rng) {
    if (world.humanIds.length === 0) return [];
    const rep = world.representatives.get(rng.pick(world.humanIds));
    if (!rep) return [];
    const presence: Presence = rng.weighted(PRESENCE_WEIGHTS);
    return presence === rep.presence ? [] : [updateRepresentative(world, rep.id, { presence })];
  },
};

/** The weight of each event now: hazard × how many could undergo it. */
function weights(world: World): Weighted<LifecycleEvent>[] {
  const { open, active, waiting } = world.byStatus;
  const wrapUp = world.byStatus['wrap-up'];
  const deficit = Math.max(0, world.targetSize - world.conversations.size);
  return [
    ['arrive', deficit * HAZARD.arrive],
    ['assign', open.size * HAZARD.assign],
    ['abandon', open.size * HAZARD.abandon],
    ['pause', active.size * HAZARD.pause],
    ['wrap', active.size * HAZARD.wrap],
    ['escalate', active.size * HAZARD.escalate],
    ['message', (active.size + waiting.size) * HAZARD.message],
    ['resume', waiting.size * HAZARD.resume],
    ['close', wrapUp.size * HAZARD.close],
    ['presence', world.humanIds.length * HAZARD.presence],
  ];
}

/**
 * One lifecycle step: draws an event and applies it. Returns the changes (possibly none, when the
 * drawn conversation could not undergo it, e.g. nobody had room to take it).
 */
export function step(world: World, rng: Random): CentreChange[] {
  const w = weights(world);
  if (!w.some(([, weight]) => weight > 0)) return [];
  return handlers[rng.weighted(w)](world, rng);
}
