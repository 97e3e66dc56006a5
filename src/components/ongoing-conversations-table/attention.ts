/**
 * The table's attention alerts and stuck flags: the view's thresholds, what each visible row shows,
 * and the once-a-tick evaluation of every row that feeds the polite, rate-limited announcement.
 *
 * Cost model (10,000 rows, 1,000 changes a second): a row's reasons and sentences are built only when
 * it is rendered (the visible window); the whole view is evaluated once per tick of the shared clock
 * with a cheap bit mask (no strings, no allocation per row that does not alert), and sentences are
 * built only for the few rows that newly crossed. No timer per row: the held-back announcement is
 * flushed on a later tick.
 */
import { msg, str } from '@lit/localize';
import {
  INITIAL_ANNOUNCER,
  absenceOf,
  announceAttention,
  attentionReasons,
  capacityExcess,
  decodeThresholds,
  durationWords,
  encodeThresholds,
  hasThresholds,
  isStuck,
  normalizeThresholds,
  presenceLabel,
  sentimentScore,
  stuckSuggestion,
  waitTime,
  type AnnouncerState,
  type AttentionCrossing,
  type AttentionKind,
  type AttentionReason,
  type AttentionThresholds,
  type Conversation,
  type Representative,
  type RuleContext,
  type StuckSuggestion,
} from '../../domain/index.js';

/**
 * A view's alert thresholds: the attention thresholds (`maxWaitMs`, `sentimentAtOrBelow`,
 * `representativeOverCapacity`, see `AttentionThresholds`) and `stuckAfterMs`. A missing field is off.
 */
export interface TableThresholds extends AttentionThresholds {
  /**
   * Flag a conversation as stuck when its representative is away or offline and the customer has
   * waited longer than this (milliseconds, > 0), with a one-step "Reassign to …" suggestion.
   */
  readonly stuckAfterMs?: number;
}

/** The longest stuck threshold kept (a week), as for the wait threshold. */
const MAX_STUCK_MS = 7 * 24 * 60 * 60 * 1000;

function stuckMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_STUCK_MS
    ? Math.round(value)
    : undefined;
}

/** Thresholds from untrusted input (storage, host code): bad values dropped, nothing throws. */
export function normalizeTableThresholds(raw: unknown): TableThresholds {
  const base = normalizeThresholds(raw);
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const stuck = Object.prototype.hasOwnProperty.call(record, 'stuckAfterMs')
    ? stuckMs((record as Record<string, unknown>).stuckAfterMs)
    : undefined;
  return stuck === undefined ? base : { ...base, stuckAfterMs: stuck };
}

/** Is any threshold on (attention or stuck)? */
export function hasTableThresholds(t: TableThresholds): boolean {
  return hasThresholds(t) || (t.stuckAfterMs ?? 0) > 0;
}

/**
 * Thresholds as URL text: `encodeThresholds`' `await:<s>;asent:<step>;acap:1` and `astuck:<s>`
 * (only what is on; `''` for none). Joined with `;` to a view's text, whose decoder ignores these keys.
 */
export function encodeTableThresholds(t: TableThresholds): string {
  const clean = normalizeTableThresholds(t);
  const parts = [encodeThresholds(clean)].filter(Boolean);
  if (clean.stuckAfterMs !== undefined) {
    parts.push(`astuck:${Math.max(1, Math.round(clean.stuckAfterMs / 1000))}`);
  }
  return parts.join(';');
}

/** The threshold keys a URL text may carry. */
const THRESHOLD_KEYS = /(^|;)(await|asent|acap|astuck):/;

/**
 * Reads thresholds back from URL text (a whole view text is fine: other keys are ignored).
 * `undefined` when the text names no threshold at all (so a link without them keeps the current
 * ones); bad values are dropped; nothing throws.
 */
export function decodeTableThresholds(text: unknown): TableThresholds | undefined {
  if (typeof text !== 'string') return undefined;
  const source = text.slice(0, 20_000);
  if (!THRESHOLD_KEYS.test(source)) return undefined;
  const base = decodeThresholds(source);
  for (const part of source.split(';')) {
    const match = /^astuck:(\d{1,9})$/.exec(part);
    if (match) return normalizeTableThresholds({ ...base, stuckAfterMs: Number(match[1]) * 1000 });
  }
  return base;
}

/** The Lit attribute converter of `alert-thresholds` (the URL text form). */
export const thresholdsConverter = {
  fromAttribute: (value: string | null): TableThresholds =>
    decodeTableThresholds(value ?? '') ?? {},
};

// ----- one row, when rendered -----------------------------------------------------------------------

/** Why a stuck row is stuck, and the one step offered. */
export interface StuckInfo {
  readonly representative: Representative;
  readonly waitingMs: number;
  readonly suggestion: StuckSuggestion;
}

/** What a rendered row shows: attention reasons (maybe none) and the stuck flag (maybe `null`). */
export interface RowAlert {
  readonly reasons: readonly AttentionReason[];
  readonly stuck: StuckInfo | null;
  /** The whole description, for assistive technology and the tooltip. */
  readonly description: string;
}

/**
 * Suggestions are ranked over every representative: cached per conversation object and rule context
 * (both are replaced on any change), so a frame re-rendering a stuck row does not rank them again.
 */
const suggestions = new WeakMap<Conversation, { ctx: RuleContext; value: StuckSuggestion }>();

function cachedSuggestion(ctx: RuleContext, c: Conversation): StuckSuggestion {
  const hit = suggestions.get(c);
  if (hit?.ctx === ctx) return hit.value;
  const value = stuckSuggestion(ctx, c);
  suggestions.set(c, { ctx, value });
  return value;
}

/** The alert of one row at `now`, or `null` when it shows none. */
export function rowAlert(
  c: Conversation,
  ctx: RuleContext,
  thresholds: TableThresholds,
  now: number,
): RowAlert | null {
  if (c.status === 'closed' || !hasTableThresholds(thresholds)) return null;
  const rep = c.representativeId === null ? undefined : ctx.representatives.get(c.representativeId);
  const reasons = attentionReasons(c, rep, thresholds, now);
  const stuckAfter = thresholds.stuckAfterMs ?? 0;
  const stuck =
    stuckAfter > 0 && rep && isStuck(c, rep, now, stuckAfter)
      ? {
          representative: rep,
          waitingMs: waitTime(c, now) ?? 0,
          suggestion: cachedSuggestion(ctx, c),
        }
      : null;
  if (reasons.length === 0 && !stuck) return null;
  const sentences: string[] = [];
  if (stuck) {
    const name = stuck.representative.name;
    const presence = presenceLabel(stuck.representative.presence);
    const waited = durationWords(stuck.waitingMs);
    sentences.push(msg(str`Stuck: ${name} is ${presence}; the customer has waited ${waited}.`));
  }
  if (reasons.length > 0) {
    const why = reasons.map((r) => r.detail).join(' ');
    sentences.push(msg(str`Needs attention: ${why}`));
  }
  return { reasons, stuck, description: sentences.join(' ') };
}

// ----- every row, once a tick -------------------------------------------------------------------

const BITS: Readonly<Record<AttentionKind, number>> = { wait: 1, sentiment: 2, 'over-capacity': 4 };
const STUCK_BIT = 8;

/** The alert bits of one row, cheaply (no sentences): the same decisions as `attentionReasons`/`isStuck`. */
function alertBits(
  c: Conversation,
  representatives: ReadonlyMap<string, Representative>,
  t: TableThresholds,
  now: number,
): number {
  if (c.status === 'closed') return 0;
  let bits = 0;
  const rep = c.representativeId === null ? undefined : representatives.get(c.representativeId);
  const needsWait = (t.maxWaitMs ?? 0) > 0 || (t.stuckAfterMs ?? 0) > 0;
  const wait = needsWait ? waitTime(c, now) : null;
  if (t.maxWaitMs !== undefined && t.maxWaitMs > 0 && wait !== null && wait > t.maxWaitMs) {
    bits |= BITS.wait;
  }
  if (
    t.sentimentAtOrBelow !== undefined &&
    sentimentScore(c.sentiment) <= sentimentScore(t.sentimentAtOrBelow)
  ) {
    bits |= BITS.sentiment;
  }
  if (t.representativeOverCapacity === true && rep && capacityExcess(rep, 0) > 0) {
    bits |= BITS['over-capacity'];
  }
  if (
    (t.stuckAfterMs ?? 0) > 0 &&
    rep &&
    (c.status === 'active' || c.status === 'waiting') &&
    wait !== null &&
    wait > t.stuckAfterMs! &&
    absenceOf(rep.presence) !== null
  ) {
    bits |= STUCK_BIT;
  }
  return bits;
}

/**
 * Follows which rows of the view alert, once per clock tick, and decides what to announce through
 * the domain's rate limiter (`announceAttention`): newly crossed rows are said politely, at most once
 * per interval, several collapsed into a count; what is held back is said on a later tick.
 */
export class AttentionTracker {
  private bits = new Map<string, number>();
  private state: AnnouncerState = INITIAL_ANNOUNCER;
  private baseline: unknown = undefined;
  /** Rows that need attention (any attention threshold crossed) at the last evaluation. */
  attention = 0;
  /** Stuck rows at the last evaluation. */
  stuck = 0;

  /**
   * Evaluates every row at `now`. `baseline` identifies what the rows were evaluated against (the
   * thresholds and the query): when it changes, the rows are taken as they are, silently (a new
   * filter or new thresholds is not news). Returns the sentence to announce now, or `null`.
   */
  evaluate(
    rows: readonly Conversation[],
    representatives: ReadonlyMap<string, Representative>,
    thresholds: TableThresholds,
    now: number,
    baseline: unknown,
    minIntervalMs: number,
  ): string | null {
    const silent = baseline !== this.baseline;
    this.baseline = baseline;
    const previous = this.bits;
    const next = new Map<string, number>();
    const crossings: AttentionCrossing[] = [];
    let attention = 0;
    let stuck = 0;
    const on = hasTableThresholds(thresholds);
    for (const c of on ? rows : []) {
      const bits = alertBits(c, representatives, thresholds, now);
      if (bits === 0) continue;
      next.set(c.id, bits);
      if (bits & ~STUCK_BIT) attention += 1;
      if (bits & STUCK_BIT) stuck += 1;
      const fresh = bits & ~(previous.get(c.id) ?? 0) & ~STUCK_BIT;
      if (silent || fresh === 0) continue;
      const rep = c.representativeId === null ? undefined : representatives.get(c.representativeId);
      const reasons = attentionReasons(c, rep, thresholds, now).filter(
        (r) => (fresh & BITS[r.kind]) !== 0,
      );
      if (reasons.length > 0) {
        crossings.push({
          conversationId: c.id,
          customerName: c.customerName || msg('Unnamed customer'),
          reasons,
        });
      }
    }
    this.bits = next;
    this.attention = attention;
    this.stuck = stuck;
    if (silent) {
      // What was held belonged to the previous rows or thresholds.
      this.state = { ...this.state, held: [] };
      return null;
    }
    const step = announceAttention(this.state, crossings, now, minIntervalMs);
    this.state = step.state;
    return step.announcement;
  }

  /** Does the row alert (as of the last evaluation)? */
  alerts(id: string): boolean {
    return this.bits.has(id);
  }
}
