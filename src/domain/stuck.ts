/**
 * Stuck conversations: a customer waiting on a representative who is away or offline, for longer
 * than a threshold, flagged with a one-step suggestion (transfer to the best available person).
 *
 * What "longer than a threshold" counts from: a `Representative` carries no "presence changed at"
 * time, so the clock is the customer's: `waitTime` (since their last message once a representative
 * has the conversation; since entering the queue while nobody has it). That is also what matters: a
 * representative who went away a minute after the customer's last answer leaves nobody waiting. A
 * conversation where nobody waits (`waitTime` is `null`: e.g. a call, or no message from the
 * customer since it was accepted) is never stuck.
 *
 * Presences: `away` and `offline` are absent. `available`, `busy` and `busy-dnd` are not (busy
 * people are at work). A custom presence label is not absent unless it is one of the well-known
 * labels that mean away or offline (`ABSENT_LABELS`, case-insensitive), or the caller's own mapping
 * says so; a label we cannot read is not a reason to interrupt anyone.
 */
import { msg, str } from '@lit/localize';
import { presenceLabel } from './catalog.js';
import { transferCandidates, type Candidate } from './candidates.js';
import { waitTime } from './query.js';
import { canTransfer, type RuleContext, type Verdict } from './rules.js';
import type { Conversation, Presence, Representative } from './types.js';
import { customerLabel, durationWords } from './words.js';

/** The two kinds of absence a stuck conversation waits on. */
export type Absence = 'away' | 'offline';

/** Custom presence labels (lower case) that mean away or offline. */
export const ABSENT_LABELS: Readonly<Record<string, Absence>> = Object.freeze({
  away: 'away',
  'be right back': 'away',
  brb: 'away',
  'appear away': 'away',
  offline: 'offline',
  'appear offline': 'offline',
  'off work': 'offline',
  'signed out': 'offline',
});

/** Options of the stuck checks. */
export interface StuckOptions {
  /** Maps a custom presence label to an absence (`null`: present). Default: `ABSENT_LABELS`. */
  readonly absenceOf?: (presence: Presence) => Absence | null;
}

/** Is this presence an absence, and which? `null` for present (or an unknown custom label). */
export function absenceOf(presence: Presence): Absence | null {
  if (presence === 'away' || presence === 'offline') return presence as Absence;
  const label = typeof presence === 'string' ? presence.trim().toLowerCase() : '';
  return Object.prototype.hasOwnProperty.call(ABSENT_LABELS, label)
    ? (ABSENT_LABELS[label] ?? null)
    : null;
}

/** The statuses in which a customer can be stuck waiting on their representative. */
function canBeStuck(c: Conversation): boolean {
  return (c.status === 'active' || c.status === 'waiting') && c.representativeId !== null;
}

/**
 * Is `c` stuck at `now`: Active or Waiting, its primary `representative` absent (away or offline),
 * and the customer waiting strictly longer than `thresholdMs`? Pass the conversation's primary
 * representative (`undefined` when unknown: then it is not stuck, as nothing is known of them).
 */
export function isStuck(
  c: Conversation,
  representative: Representative | undefined,
  now: number,
  thresholdMs: number,
  options: StuckOptions = {},
): boolean {
  if (!canBeStuck(c) || !representative || representative.id !== c.representativeId) return false;
  const absence = (options.absenceOf ?? absenceOf)(representative.presence);
  if (absence === null) return false;
  const waited = waitTime(c, now);
  return waited !== null && waited > Math.max(0, thresholdMs);
}

/** The one-step fix offered for a stuck conversation. */
export interface StuckSuggestion {
  /** Transfer is the supervisor's one step for an Active or Waiting conversation. */
  readonly action: 'transfer';
  /**
   * The rule's answer: `canTransfer` when the conversation cannot be transferred at all (a call, an
   * escalated chat, a transfer already pending, the switch off…), else the best candidate's verdict.
   */
  readonly verdict: Verdict;
  /** The best candidate from `transferCandidates` (available, with room), or `null`: nobody fits. */
  readonly candidate: Candidate | null;
  /** "Transfer to Omar Other." or why none is offered. */
  readonly detail: string;
}

/** A stuck conversation, why, and what to do. */
export interface StuckConversation {
  readonly conversation: Conversation;
  readonly representative: Representative;
  readonly absence: Absence;
  /** How long the customer has waited (milliseconds, > threshold). */
  readonly waitingMs: number;
  /** "Olga Ueda has waited 12 min on Hana Human, who is Offline." */
  readonly detail: string;
  readonly suggestion: StuckSuggestion;
}

/**
 * The one-step suggestion for a conversation: transfer to the first of `transferCandidates` that is
 * marked `suggested` (allowed, available, with room after taking it — the same ranking the transfer
 * dialog shows). No candidate when the rules refuse the transfer or nobody fits.
 */
export function stuckSuggestion(ctx: RuleContext, c: Conversation): StuckSuggestion {
  const base = canTransfer(ctx, c);
  if (!base.allowed) {
    return { action: 'transfer', verdict: base, candidate: null, detail: base.detail };
  }
  const best = transferCandidates(ctx, c, ctx.representatives.values(), { suggestions: 1 }).find(
    (candidate) => candidate.suggested,
  );
  if (!best) {
    return {
      action: 'transfer',
      verdict: base,
      candidate: null,
      detail: msg('No available representative has room for it; transfer it to a queue instead.'),
    };
  }
  const name = best.representative.name;
  return {
    action: 'transfer',
    verdict: best.verdict,
    candidate: best,
    detail: msg(str`Transfer to ${name}.`),
  };
}

/**
 * Every stuck conversation at `now`, the longest-waiting first (ties by id), each with its suggestion.
 * The representatives come from `ctx.representatives`.
 */
export function stuckConversations(
  conversations: Iterable<Conversation>,
  ctx: RuleContext,
  now: number,
  thresholdMs: number,
  options: StuckOptions = {},
): StuckConversation[] {
  const mapAbsence = options.absenceOf ?? absenceOf;
  const stuck: StuckConversation[] = [];
  for (const c of conversations) {
    const rep =
      c.representativeId === null ? undefined : ctx.representatives.get(c.representativeId);
    if (!rep || !isStuck(c, rep, now, thresholdMs, options)) continue;
    const absence = mapAbsence(rep.presence) ?? 'offline';
    const waitingMs = waitTime(c, now) ?? 0;
    const customer = customerLabel(c);
    const waited = durationWords(waitingMs);
    const repName = rep.name;
    const presence = presenceLabel(rep.presence);
    stuck.push({
      conversation: c,
      representative: rep,
      absence,
      waitingMs,
      detail: msg(str`${customer} has waited ${waited} on ${repName}, who is ${presence}.`),
      suggestion: stuckSuggestion(ctx, c),
    });
  }
  return stuck.sort(
    (a, b) =>
      b.waitingMs - a.waitingMs ||
      (a.conversation.id < b.conversation.id ? -1 : a.conversation.id > b.conversation.id ? 1 : 0),
  );
}
