/**
 * Whisper: a private message from a monitoring supervisor to the conversation's representative, which
 * the customer never sees. A rule in the style of `rules.ts`, so the service and the simulated backend
 * refuse it the same way.
 *
 * Decisions (beyond the "while monitoring a messaging conversation, gated by the monitor
 * switch"):
 * - Active or Waiting only: in Wrap-up the customer has gone and there is nothing live to coach on.
 * - Not after an escalation to voice or video: the representative's attention is on the call, and a
 *   note in the text pane could go unseen at the moment it matters (as transfer, text mode only).
 * - A human representative must be on it: whispering to nobody, or to an AI agent, coaches no one.
 */
import { msg, str } from '@lit/localize';
import { isMessagingChannel } from './catalog.js';
import type { RefusalReason, RuleContext, Verdict } from './rules.js';
import type { Conversation } from './types.js';

/** The longest whisper accepted, in characters (after trimming). */
export const WHISPER_MAX_LENGTH = 2000;

const ALLOWED: Verdict = Object.freeze({ allowed: true });

function refuse(reason: RefusalReason, detail: string): Verdict {
  return { allowed: false, reason, detail };
}

/**
 * Can the supervisor whisper on `c`? Monitor switch on; Active or Waiting; a messaging channel still
 * in text mode; a human representative on it; and the supervisor is monitoring it.
 */
export function canWhisper(ctx: RuleContext, c: Conversation): Verdict {
  if (!ctx.settings.monitor) {
    return refuse('switch-off', msg('Your administrator has turned off "Supervisor Monitor".'));
  }
  if (c.status !== 'active' && c.status !== 'waiting') {
    return refuse('status', msg('You can whisper only in Active or Waiting conversations.'));
  }
  if (!isMessagingChannel(c.channel)) {
    return refuse(
      'channel',
      msg('You can whisper only in messaging conversations (chat, SMS, WhatsApp…).'),
    );
  }
  if (c.mode !== 'text') {
    return refuse(
      'escalated',
      msg(str`This conversation was escalated to ${c.mode}; whispering is for text conversations.`),
    );
  }
  if (c.representativeId === null) {
    return refuse('no-representative', msg('No representative is handling this conversation.'));
  }
  const rep = ctx.representatives.get(c.representativeId);
  if (rep && rep.kind !== 'human') {
    return refuse('ai-agent', msg(str`${rep.name} is an AI agent; whisper to a person.`));
  }
  if (!c.monitoredBy.includes(ctx.supervisorId)) {
    return refuse('not-monitoring', msg('Monitor the conversation before whispering.'));
  }
  return ALLOWED;
}

/** Is this whisper text acceptable? Not blank, at most `WHISPER_MAX_LENGTH` characters trimmed. */
export function checkWhisperText(text: unknown): Verdict {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return refuse('empty-message', msg('Write a message to whisper.'));
  if (trimmed.length > WHISPER_MAX_LENGTH) {
    return refuse(
      'too-long',
      msg(str`A whisper can be at most ${WHISPER_MAX_LENGTH} characters long.`),
    );
  }
  return ALLOWED;
}
