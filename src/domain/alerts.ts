/**
 * Attention alerts: per-view thresholds (a wait too long, a sentiment at or below a step, a
 * representative over capacity) that mark rows and feed a polite, rate-limited announcement. Pure:
 * time is passed in, so the table, the announcer and the tests decide the same way.
 *
 * Thresholds travel with a saved view: `normalizeThresholds` reads them from untrusted JSON (storage,
 * host code) and `encodeThresholds` / `decodeThresholds` give the `key:value;…` form the saved views'
 * URL text uses (`await`, `asent`, `acap` keys; each decoder ignores the other's keys, so the two
 * texts can be joined with `;` into one URL parameter).
 */
import { msg, str } from '@lit/localize';
import { SENTIMENT_SCALE, sentimentLabel, sentimentScore } from './catalog.js';
import { waitTime } from './query.js';
import { capacityExcess } from './rules.js';
import type { Conversation, Representative, Sentiment } from './types.js';
import { customerLabel, durationWords } from './words.js';

/** A view's alert thresholds. Every field is optional; a missing one is off (no thresholds: no alerts). */
export interface AttentionThresholds {
  /** Alert when the customer has waited longer than this (milliseconds, > 0). */
  readonly maxWaitMs?: number;
  /** Alert when the customer's sentiment is at or below this step. */
  readonly sentimentAtOrBelow?: Sentiment;
  /** Alert when the conversation's representative is over capacity (`true`; `false` is off). */
  readonly representativeOverCapacity?: boolean;
}

/** The kinds of attention reasons, one per threshold. */
export type AttentionKind = 'wait' | 'sentiment' | 'over-capacity';

/** Why a conversation needs attention, with the numbers behind it and a sentence. */
export type AttentionReason =
  | {
      readonly kind: 'wait';
      readonly waitMs: number;
      readonly thresholdMs: number;
      /** "Waiting 12 min (limit 10 min)." */
      readonly detail: string;
    }
  | {
      readonly kind: 'sentiment';
      readonly sentiment: Sentiment;
      readonly threshold: Sentiment;
      /** "Sentiment is Very negative (alert at Negative or below)." */
      readonly detail: string;
    }
  | {
      readonly kind: 'over-capacity';
      readonly representativeId: string;
      /** Units used beyond the representative's capacity (> 0). */
      readonly excess: number;
      /** "Hana Human is over capacity by 2 units." */
      readonly detail: string;
    };

/**
 * Why `c` needs attention now under `thresholds` (in the order wait, sentiment, capacity; empty when it
 * does not). Closed conversations never alert.
 *
 * - wait: `waitTime(c, now)` strictly greater than `maxWaitMs` (nobody waiting: no alert);
 * - sentiment: the customer's sentiment at or below `sentimentAtOrBelow` on the seven-step scale
 *   (an unknown sentiment counts as neutral, like everywhere else);
 * - capacity: the primary `representative` uses more units than their total (`capacityExcess` of
 *   taking nothing more is above 0). Pass the conversation's primary representative, or `undefined`.
 */
export function attentionReasons(
  c: Conversation,
  representative: Representative | undefined,
  thresholds: AttentionThresholds,
  now: number,
): AttentionReason[] {
  if (c.status === 'closed') return [];
  const reasons: AttentionReason[] = [];
  const max = thresholds.maxWaitMs;
  if (max !== undefined && max > 0) {
    const waitMs = waitTime(c, now);
    if (waitMs !== null && waitMs > max) {
      const waited = durationWords(waitMs);
      const limit = durationWords(max);
      reasons.push({
        kind: 'wait',
        waitMs,
        thresholdMs: max,
        detail: msg(str`Waiting ${waited} (limit ${limit}).`),
      });
    }
  }
  const threshold = thresholds.sentimentAtOrBelow;
  if (threshold !== undefined && sentimentScore(c.sentiment) <= sentimentScore(threshold)) {
    const current = sentimentLabel(c.sentiment);
    const at = sentimentLabel(threshold);
    reasons.push({
      kind: 'sentiment',
      sentiment: c.sentiment,
      threshold,
      detail: msg(str`Sentiment is ${current} (alert at ${at} or below).`),
    });
  }
  if (
    thresholds.representativeOverCapacity === true &&
    representative !== undefined &&
    representative.id === c.representativeId
  ) {
    const excess = capacityExcess(representative, 0);
    if (excess > 0) {
      const name = representative.name;
      reasons.push({
        kind: 'over-capacity',
        representativeId: representative.id,
        excess,
        detail:
          excess === 1
            ? msg(str`${name} is over capacity by 1 unit.`)
            : msg(str`${name} is over capacity by ${excess} units.`),
      });
    }
  }
  return reasons;
}

/** Are any thresholds on? */
export function hasThresholds(thresholds: AttentionThresholds): boolean {
  return (
    (thresholds.maxWaitMs ?? 0) > 0 ||
    thresholds.sentimentAtOrBelow !== undefined ||
    thresholds.representativeOverCapacity === true
  );
}

/** One evaluation of a set of conversations: the reasons of those that need attention, by id. */
export type AttentionMap = ReadonlyMap<string, readonly AttentionReason[]>;

/**
 * Evaluates every conversation (ongoing ones; closed never alert). Only conversations with at least
 * one reason are in the map, so `map.has(id)` marks a row.
 */
export function evaluateAttention(
  conversations: Iterable<Conversation>,
  representatives: ReadonlyMap<string, Representative>,
  thresholds: AttentionThresholds,
  now: number,
): Map<string, readonly AttentionReason[]> {
  const result = new Map<string, readonly AttentionReason[]>();
  if (!hasThresholds(thresholds)) return result;
  for (const c of conversations) {
    const rep = c.representativeId === null ? undefined : representatives.get(c.representativeId);
    const reasons = attentionReasons(c, rep, thresholds, now);
    if (reasons.length > 0) result.set(c.id, reasons);
  }
  return result;
}

/** A conversation that crossed one or more thresholds since the previous evaluation. */
export interface AttentionCrossing {
  readonly conversationId: string;
  /** The customer's name as sentences show it. */
  readonly customerName: string;
  /** Only the reasons that are new (a kind it did not have before). */
  readonly reasons: readonly AttentionReason[];
}

/**
 * What is new between two consecutive evaluations: each conversation with a reason kind it did not
 * have in `previous` (a row that keeps alerting for the same reason is not new; one that stopped and
 * alerts again is). In `next`'s order. `names` gives the customer names for the announcement.
 */
export function newlyCrossed(
  previous: AttentionMap,
  next: AttentionMap,
  names: (conversationId: string) => Pick<Conversation, 'customerName'> | undefined,
): AttentionCrossing[] {
  const crossings: AttentionCrossing[] = [];
  for (const [id, reasons] of next) {
    const before = new Set((previous.get(id) ?? []).map((r) => r.kind));
    const fresh = reasons.filter((r) => !before.has(r.kind));
    if (fresh.length === 0) continue;
    const c = names(id);
    crossings.push({
      conversationId: id,
      customerName: c ? customerLabel(c) : msg('Unnamed customer'),
      reasons: fresh,
    });
  }
  return crossings;
}

/**
 * The sentence announcing crossings: one conversation names the customer and its first reason ("Olga
 * Ueda needs attention: Waiting 12 min (limit 10 min)."); several collapse into a count ("3
 * conversations need attention."). Empty for none.
 */
export function attentionAnnouncement(crossings: readonly AttentionCrossing[]): string {
  if (crossings.length === 0) return '';
  if (crossings.length === 1) {
    const [only] = crossings;
    const name = only!.customerName;
    const why = only!.reasons[0]?.detail ?? '';
    return why ? msg(str`${name} needs attention: ${why}`) : msg(str`${name} needs attention.`);
  }
  const n = crossings.length;
  return msg(str`${n} conversations need attention.`);
}

// ----- rate limiting -----------------------------------------------------------------------------

/** The announcer's memory between calls (start with `INITIAL_ANNOUNCER`). */
export interface AnnouncerState {
  /** When the last announcement was made (epoch ms), or `null` before the first. */
  readonly lastAt: number | null;
  /** Crossings held back until the window ends, one per conversation. */
  readonly held: readonly AttentionCrossing[];
}

/** No announcement yet, nothing held. */
export const INITIAL_ANNOUNCER: AnnouncerState = Object.freeze({ lastAt: null, held: [] });

/** One step of the rate limiter. */
export interface AnnouncerStep {
  readonly state: AnnouncerState;
  /** The sentence to announce now (politely), or `null`: nothing is due. */
  readonly announcement: string | null;
  /** The crossings this announcement covers (empty when none). */
  readonly announced: readonly AttentionCrossing[];
  /** When to call `announceAttention` again (with no new crossings) to flush what is held, or `null`. */
  readonly nextAt: number | null;
}

function mergeHeld(
  held: readonly AttentionCrossing[],
  incoming: readonly AttentionCrossing[],
): AttentionCrossing[] {
  const byId = new Map(held.map((c) => [c.conversationId, c]));
  for (const c of incoming) {
    const old = byId.get(c.conversationId);
    if (!old) {
      byId.set(c.conversationId, c);
      continue;
    }
    const kinds = new Set(old.reasons.map((r) => r.kind));
    byId.set(c.conversationId, {
      ...c,
      reasons: [...old.reasons, ...c.reasons.filter((r) => !kinds.has(r.kind))],
    });
  }
  return [...byId.values()];
}

/**
 * A pure rate limiter: at most one announcement per `minIntervalMs` (default 10 s). Crossings that
 * arrive inside the window are held, one per conversation, and said together when it ends ("3
 * conversations need attention."). Call it with each evaluation's `newlyCrossed` (possibly empty)
 * and, when `nextAt` is set, once more at that time.
 */
export function announceAttention(
  state: AnnouncerState,
  incoming: readonly AttentionCrossing[],
  now: number,
  minIntervalMs = 10_000,
): AnnouncerStep {
  const held = mergeHeld(state.held, incoming);
  if (held.length === 0) {
    return { state: { ...state, held }, announcement: null, announced: [], nextAt: null };
  }
  const opensAt = state.lastAt === null ? now : state.lastAt + Math.max(0, minIntervalMs);
  if (now < opensAt) {
    return { state: { ...state, held }, announcement: null, announced: [], nextAt: opensAt };
  }
  return {
    state: { lastAt: now, held: [] },
    announcement: attentionAnnouncement(held),
    announced: held,
    nextAt: null,
  };
}

// ----- saved views: thresholds from untrusted input ------------------------------------------------

/** The longest wait threshold kept (a week): anything longer is a mistake or an attack. */
const MAX_WAIT_MS = 7 * 24 * 60 * 60 * 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function waitMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_WAIT_MS
    ? Math.round(value)
    : undefined;
}

function sentiment(value: unknown): Sentiment | undefined {
  return typeof value === 'string' ? SENTIMENT_SCALE.find((s) => s === value) : undefined;
}

function own(raw: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
}

/**
 * Thresholds from untrusted input (localStorage, a host's JSON): unknown fields and bad values are
 * dropped, never trusted, and nothing throws. `representativeOverCapacity` is kept only when `true`.
 */
export function normalizeThresholds(raw: unknown): AttentionThresholds {
  if (!isRecord(raw)) return {};
  const t: { -readonly [K in keyof AttentionThresholds]: AttentionThresholds[K] } = {};
  const max = waitMs(own(raw, 'maxWaitMs'));
  if (max !== undefined) t.maxWaitMs = max;
  const s = sentiment(own(raw, 'sentimentAtOrBelow'));
  if (s !== undefined) t.sentimentAtOrBelow = s;
  if (own(raw, 'representativeOverCapacity') === true) t.representativeOverCapacity = true;
  return t;
}

/**
 * Thresholds as URL-safe text in the saved views' form: `await:<seconds>;asent:<step>;acap:1`
 * (only the thresholds that are on; `''` for none). Stable: equal thresholds give equal text.
 */
export function encodeThresholds(thresholds: AttentionThresholds): string {
  const t = normalizeThresholds(thresholds);
  const parts: string[] = [];
  if (t.maxWaitMs !== undefined) parts.push(`await:${Math.max(1, Math.round(t.maxWaitMs / 1000))}`);
  if (t.sentimentAtOrBelow !== undefined) parts.push(`asent:${t.sentimentAtOrBelow}`);
  if (t.representativeOverCapacity) parts.push('acap:1');
  return parts.join(';');
}

/**
 * Reads `encodeThresholds`' text back (also from a whole view text: other keys are ignored). Bad
 * values are dropped; nothing throws.
 */
export function decodeThresholds(text: unknown): AttentionThresholds {
  if (typeof text !== 'string') return {};
  const raw: Record<string, unknown> = {};
  for (const part of text.slice(0, 20_000).split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    if (key === 'await' && /^\d{1,9}$/.test(value)) raw.maxWaitMs = Number(value) * 1000;
    else if (key === 'asent') raw.sentimentAtOrBelow = value;
    else if (key === 'acap') raw.representativeOverCapacity = value === '1';
  }
  return normalizeThresholds(raw);
}
