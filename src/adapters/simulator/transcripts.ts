/**
 * Transcripts: generated on demand (a plausible history consistent with the conversation's state the
 * first time someone asks), then appended to as the conversation goes on. Only conversations someone
 * asked about have a transcript, so 10,000 conversations cost nothing here until watched.
 */
import {
  channelLabel,
  sentimentScore,
  shiftSentiment,
  isMessagingChannel,
  SENTIMENT_SCALE,
} from '../../domain/index.js';
import type {
  Conversation,
  MessageAuthor,
  Sentiment,
  TranscriptMessage,
} from '../../domain/index.js';
import type { CentreChange } from '../backend-adapter.js';
import { BOT_LINES, REPRESENTATIVE_LINES, customerLines } from './names.js';
import { Random, type Weighted } from './random.js';
import { findConversation, updateConversation, type World } from './world.js';

/** The author name shown for system lines. */
export const SYSTEM_NAME = 'System';
/** The author name of the queue's virtual assistant (before a person or AI agent takes over). */
export const ASSISTANT_NAME = 'Virtual assistant';

/** A message before it gets its id and conversation. */
export type MessageDraft = Omit<TranscriptMessage, 'id' | 'conversationId'>;

/** How a customer message moves sentiment: mostly not at all, sometimes one step either way. */
const DRIFT: readonly Weighted<number>[] = [
  [-1, 25],
  [0, 50],
  [1, 25],
];

function push(
  list: TranscriptMessage[],
  conversationId: string,
  draft: MessageDraft,
): TranscriptMessage {
  const message: TranscriptMessage = {
    id: `${conversationId}-m${list.length + 1}`,
    conversationId,
    visibility: 'all',
    ...draft,
  };
  list.push(message);
  return message;
}

function representativeAuthor(
  world: World,
  c: Conversation,
): { author: MessageAuthor; name: string } {
  const rep = c.representativeId ? world.representatives.get(c.representativeId) : undefined;
  if (!rep) return { author: 'bot', name: ASSISTANT_NAME };
  return { author: rep.kind === 'ai' ? 'bot' : 'representative', name: rep.name };
}

/** The sentiment `k` of `n` steps along from neutral towards `target` (the last step is `target`). */
function towards(target: Sentiment, k: number, n: number): Sentiment {
  const score = sentimentScore(target);
  return SENTIMENT_SCALE[Math.round((score * (k + 1)) / n) + 3] ?? 'neutral';
}

/** Builds a plausible history for `c` up to `now`, from a generator of its own. */
function history(world: World, c: Conversation, rng: Random, now: number): TranscriptMessage[] {
  const list: TranscriptMessage[] = [];
  const add = (draft: MessageDraft): void => void push(list, c.id, draft);
  const start = Math.min(c.enteredQueueAt, now);
  const queue = c.queueId ? world.queueById.get(c.queueId)?.name : undefined;
  add({
    at: start,
    author: 'system',
    authorName: SYSTEM_NAME,
    text: `${channelLabel(c.channel)} conversation started${queue ? ` in ${queue}` : ''}: ${c.subject}.`,
  });
  const end = Math.max(start, c.lastCustomerMessageAt ?? now, c.acceptedAt ?? start);
  const customerCount = rng.int(1, 4);
  // Before a representative: the assistant greets, the customer explains.
  const handover = c.acceptedAt ?? end;
  add({ at: start, author: 'bot', authorName: ASSISTANT_NAME, text: BOT_LINES[0] ?? '' });
  const spans = customerCount + 1;
  let k = 0;
  const customer = (at: number): void => {
    const sentiment = towards(c.sentiment, k, customerCount);
    k++;
    add({
      at,
      author: 'customer',
      authorName: c.customerName,
      text:
        k === 1
          ? `Hi, it is about: ${c.subject.toLowerCase()}.`
          : rng.pick(customerLines(sentiment)),
      sentiment,
    });
  };
  customer(start + Math.round((handover - start) / 3));
  if (c.acceptedAt !== null && c.representativeId) {
    const who = representativeAuthor(world, c);
    add({
      at: c.acceptedAt,
      author: 'system',
      authorName: SYSTEM_NAME,
      text: `${who.name} joined the conversation.`,
    });
    const step = (end - c.acceptedAt) / spans;
    for (let i = 1; i <= spans; i++) {
      const at = Math.round(c.acceptedAt + step * i);
      add({
        at: Math.round(at - step / 2),
        author: who.author,
        authorName: who.name,
        text: rng.pick(REPRESENTATIVE_LINES),
      });
      if (k < customerCount) customer(at);
    }
  } else {
    // Still waiting in the queue: the rest of the customer's messages arrive before `end`.
    while (k < customerCount)
      customer(Math.round(start + ((end - start) * (k + 1)) / customerCount));
    add({ at: end, author: 'bot', authorName: ASSISTANT_NAME, text: BOT_LINES[4] ?? '' });
  }
  if (c.mode !== 'text') {
    add({
      at: end,
      author: 'system',
      authorName: SYSTEM_NAME,
      text: `The customer switched to a ${c.mode} call.`,
    });
  }
  if (c.status === 'closed') {
    add({
      at: end,
      author: 'system',
      authorName: SYSTEM_NAME,
      text: 'The conversation was closed.',
    });
  }
  // Generated timestamps can tie or cross at tiny spans: keep the history in time order.
  list.sort((a, b) => a.at - b.at);
  return list;
}

/**
 * The transcript of `id`, generating its history on first use; `undefined` for an unknown id.
 * The history draws from a generator derived from `seed` and the id, so asking for transcripts never
 * shifts the world's random sequence.
 */
export function ensureTranscript(
  world: World,
  seed: number,
  id: string,
): TranscriptMessage[] | undefined {
  const existing = world.transcripts.get(id);
  if (existing) return existing;
  const c = findConversation(world, id);
  if (!c) return undefined;
  const list = history(world, c, Random.derive(seed, `transcript:${id}`), world.now());
  // Re-number after sorting so ids follow the order.
  const numbered = list.map((m, i) => ({ ...m, id: `${id}-m${i + 1}` }));
  world.transcripts.set(id, numbered);
  return numbered;
}

/**
 * Appends a message to an existing transcript and announces it (`world.onMessage`). Conversations
 * nobody asked about have no transcript and get nothing: their history is generated when first asked.
 */
export function appendMessage(
  world: World,
  id: string,
  draft: MessageDraft,
): TranscriptMessage | undefined {
  const list = world.transcripts.get(id);
  if (!list) return undefined;
  const message = push(list, id, draft);
  world.onMessage(message);
  return message;
}

/** Appends a system line "now" (if the conversation has a transcript). */
export function appendSystem(
  world: World,
  id: string,
  text: string,
): TranscriptMessage | undefined {
  return appendMessage(world, id, {
    at: world.now(),
    author: 'system',
    authorName: SYSTEM_NAME,
    text,
  });
}

/**
 * The next live message of a watched conversation. A customer message drifts sentiment
 * (`shiftSentiment`) and updates the conversation; the answer comes from its representative, an AI
 * agent or the assistant. Nothing is said in Wrap-up or once closed. Returns the changes to emit.
 */
export function liveMessage(world: World, rng: Random, id: string): CentreChange[] {
  const c = world.conversations.get(id);
  const list = world.transcripts.get(id);
  if (!c || !list || c.status === 'wrap-up') return [];
  const now = world.now();
  const last = list[list.length - 1];
  const customerTurn = last?.author !== 'customer' || rng.chance(0.25);
  if (customerTurn && (isMessagingChannel(c.channel) || c.channel === 'voice')) {
    const sentiment = shiftSentiment(c.sentiment, rng.weighted(DRIFT));
    const changes = updateConversation(world, id, { sentiment, lastCustomerMessageAt: now });
    appendMessage(world, id, {
      at: now,
      author: 'customer',
      authorName: c.customerName,
      text: rng.pick(customerLines(sentiment)),
      sentiment,
    });
    return changes;
  }
  const who =
    c.status === 'open'
      ? { author: 'bot' as const, name: ASSISTANT_NAME }
      : representativeAuthor(world, c);
  appendMessage(world, id, {
    at: now,
    author: who.author,
    authorName: who.name,
    text: rng.pick(who.author === 'bot' ? BOT_LINES : REPRESENTATIVE_LINES),
  });
  return [];
}
