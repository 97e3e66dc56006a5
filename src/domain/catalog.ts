/**
 * The domain's fixed vocabularies: every status, channel, presence and sentiment step, with the words the
 * UI shows for them and the capacity each channel costs. Unknown values from a backend get sensible
 * fallbacks here rather than crashing a renderer.
 */
import { msg } from '@lit/localize';
import type {
  Channel,
  Conversation,
  ConversationStatus,
  MessagingChannel,
  Presence,
  Sentiment,
  StandardPresence,
} from './types.js';

export const CONVERSATION_STATUSES: readonly ConversationStatus[] = [
  'open',
  'active',
  'waiting',
  'wrap-up',
  'closed',
];

/** Statuses the ongoing-conversations view shows (everything but `closed`). */
export const ONGOING_STATUSES: readonly ConversationStatus[] = CONVERSATION_STATUSES.filter(
  (s) => s !== 'closed',
);

export const MESSAGING_CHANNELS: readonly MessagingChannel[] = [
  'live-chat',
  'sms',
  'whatsapp',
  'facebook',
  'teams',
];

export const CHANNELS: readonly Channel[] = [...MESSAGING_CHANNELS, 'voice', 'record'];

export const STANDARD_PRESENCES: readonly StandardPresence[] = [
  'available',
  'busy',
  'busy-dnd',
  'away',
  'offline',
];

/** The seven-step sentiment scale, worst first. */
export const SENTIMENT_SCALE: readonly Sentiment[] = [
  'very-negative',
  'negative',
  'slightly-negative',
  'neutral',
  'slightly-positive',
  'positive',
  'very-positive',
];

// The words for each value, as functions so they follow the active language (`msg()` looks it up at
// call time).
const STATUS_LABELS: Record<ConversationStatus, () => string> = {
  open: () => msg('Open'),
  active: () => msg('Active'),
  waiting: () => msg('Waiting'),
  'wrap-up': () => msg('Wrap-up'),
  closed: () => msg('Closed'),
};

const CHANNEL_LABELS: Record<Channel, () => string> = {
  'live-chat': () => msg('Live chat'),
  sms: () => msg('SMS'),
  whatsapp: () => 'WhatsApp',
  facebook: () => 'Facebook',
  teams: () => 'Teams',
  voice: () => msg('Voice'),
  record: () => msg('Record'),
};

const PRESENCE_LABELS: Record<StandardPresence, () => string> = {
  available: () => msg('Available'),
  busy: () => msg('Busy'),
  'busy-dnd': () => msg('Do not disturb'),
  away: () => msg('Away'),
  offline: () => msg('Offline'),
};

const SENTIMENT_LABELS: Record<Sentiment, () => string> = {
  'very-negative': () => msg('Very negative'),
  negative: () => msg('Negative'),
  'slightly-negative': () => msg('Slightly negative'),
  neutral: () => msg('Neutral'),
  'slightly-positive': () => msg('Slightly positive'),
  positive: () => msg('Positive'),
  'very-positive': () => msg('Very positive'),
};

/**
 * Capacity units a conversation on each channel costs by default (its workload). A voice call takes a
 * representative's full attention; asynchronous messaging takes little.
 */
export const CHANNEL_WORKLOAD: Record<Channel, number> = {
  'live-chat': 2,
  sms: 1,
  whatsapp: 1,
  facebook: 1,
  teams: 2,
  voice: 5,
  record: 1,
};

function has<K extends string>(table: Record<K, unknown>, key: string): key is K {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** Is this channel a messaging (text) channel? Unknown channels are not. */
export function isMessagingChannel(channel: string): channel is MessagingChannel {
  return (MESSAGING_CHANNELS as readonly string[]).includes(channel);
}

/** Is this presence one of the standard five (rather than a custom label)? */
export function isStandardPresence(presence: Presence): presence is StandardPresence {
  return (STANDARD_PRESENCES as readonly string[]).includes(presence);
}

/** Display label of a status; an unknown status from a newer backend shows as-is. */
export function statusLabel(status: string): string {
  return has(STATUS_LABELS, status) ? STATUS_LABELS[status]() : status || msg('Unknown');
}

/** Display label of a channel; an unknown channel shows as-is. */
export function channelLabel(channel: string): string {
  return has(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel]() : channel || msg('Unknown');
}

/** Display label of a presence; a custom presence label shows as the backend sent it. */
export function presenceLabel(presence: string): string {
  return has(PRESENCE_LABELS, presence) ? PRESENCE_LABELS[presence]() : presence || msg('Unknown');
}

/** Display label of a sentiment step. */
export function sentimentLabel(sentiment: string): string {
  return has(SENTIMENT_LABELS, sentiment) ? SENTIMENT_LABELS[sentiment]() : msg('Unknown');
}

/**
 * Position on the sentiment scale: -3 (very negative) … 0 (neutral) … 3 (very positive).
 * An unknown value counts as neutral.
 */
export function sentimentScore(sentiment: string): number {
  const index = (SENTIMENT_SCALE as readonly string[]).indexOf(sentiment);
  return index < 0 ? 0 : index - 3;
}

/** Moves a sentiment by `steps` along the scale, clamped to its ends. */
export function shiftSentiment(sentiment: Sentiment, steps: number): Sentiment {
  const index = Math.min(6, Math.max(0, sentimentScore(sentiment) + 3 + Math.round(steps)));
  return SENTIMENT_SCALE[index] ?? 'neutral';
}

/** Capacity units this conversation costs: its own `cost`, else its channel's workload. */
export function costOf(conversation: Pick<Conversation, 'channel' | 'cost'>): number {
  if (typeof conversation.cost === 'number' && Number.isFinite(conversation.cost)) {
    return Math.max(0, conversation.cost);
  }
  return has(CHANNEL_WORKLOAD, conversation.channel) ? CHANNEL_WORKLOAD[conversation.channel] : 1;
}
