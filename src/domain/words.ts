/**
 * Small pieces of the sentences the bulk preview, attention alerts and stuck flags say: how a
 * conversation is named ("the chat with Olga Ueda") and a coarse duration ("12 min"). Kept here so
 * those three say it the same way. Names are data: the UI renders every sentence as text.
 */
import { msg, str } from '@lit/localize';
import type { Channel, Conversation } from './types.js';

/** The customer's name as sentences show it (a missing name says "Unnamed customer"). */
export function customerLabel(c: Pick<Conversation, 'customerName'>): string {
  return c.customerName.trim() ? c.customerName : msg('Unnamed customer');
}

/** What a conversation on this channel is called in a sentence: "chat", "call", "SMS conversation". */
export function conversationNoun(channel: Channel | string): string {
  switch (channel) {
    case 'live-chat':
    case 'teams':
      return msg('chat');
    case 'sms':
      return msg('SMS conversation');
    case 'whatsapp':
      return msg('WhatsApp conversation');
    case 'facebook':
      return msg('Facebook conversation');
    case 'voice':
      return msg('call');
    case 'record':
      return msg('record');
    default:
      return msg('conversation');
  }
}

/** "The chat with Olga Ueda" (sentence start). */
export function conversationPhrase(c: Pick<Conversation, 'customerName' | 'channel'>): string {
  const noun = conversationNoun(c.channel);
  const name = customerLabel(c);
  return msg(str`The ${noun} with ${name}`);
}

/** A coarse duration for sentences: "45 s" under a minute, "12 min" under two hours, else "3 h 5 min". */
export function durationWords(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  if (total < 60) return msg(str`${total} s`);
  const minutes = Math.floor(total / 60);
  if (minutes < 120) return msg(str`${minutes} min`);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? msg(str`${h} h`) : msg(str`${h} h ${m} min`);
}
