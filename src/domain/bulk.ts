/**
 * Bulk interventions, planned before they run: for each selected conversation, whether the rules
 * allow the action and, in a sentence, what will happen to it. The preview the supervisor confirms
 * and the service's bulk runner read the same plan, and every verdict comes from `rules.ts` (rules
 * live once): a bulk action refuses exactly what the single action would.
 */
import { msg, str } from '@lit/localize';
import { commandError } from './errors.js';
import {
  canAssign,
  canForceClose,
  checkAssignTarget,
  type RefusalReason,
  type RuleContext,
} from './rules.js';
import type { Conversation, Queue } from './types.js';
import { conversationPhrase } from './words.js';

/** What a bulk intervention does to every selected row. */
export type BulkAction =
  /** Assign each (Open, unassigned) conversation to a queue. */
  | { readonly kind: 'assign-queue'; readonly queueId: string }
  /** Force-close each (voice or messaging) conversation. */
  | { readonly kind: 'force-close' };

/** Why a row is refused: a rule's reason, or `not-found` when the conversation no longer exists. */
export type BulkRefusalReason = RefusalReason | 'not-found';

/** A row's verdict: the rule's answer (`not-found` added for a conversation that has gone). */
export type BulkVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: BulkRefusalReason; readonly detail: string };

/** One selected row in the plan. */
export interface BulkPlanRow {
  readonly conversationId: string;
  /** The conversation as planned (`undefined` when it no longer exists). */
  readonly conversation: Conversation | undefined;
  readonly verdict: BulkVerdict;
  /**
   * What will happen, as a sentence: "The chat with Olga Ueda goes to the Billing queue." for an
   * allowed row, "Nothing happens to the call with Victor Voice." for a refused one (its reason is
   * `verdict.detail`).
   */
  readonly effect: string;
}

/** Counts of a plan. */
export interface BulkTotals {
  readonly total: number;
  readonly allowed: number;
  readonly refused: number;
  /** Refused rows per reason (only reasons that occur). */
  readonly byReason: Readonly<Partial<Record<BulkRefusalReason, number>>>;
}

/** A bulk intervention planned over a selection, one row per distinct selected id, in order. */
export interface BulkPlan {
  readonly action: BulkAction;
  readonly rows: readonly BulkPlanRow[];
  readonly totals: BulkTotals;
  /** One sentence for the preview's heading: "2 of 3 conversations will be closed; 1 is refused." */
  readonly summary: string;
}

/** What planning needs besides the action and the selection. */
export interface BulkContext extends RuleContext {
  readonly queues: ReadonlyMap<string, Queue>;
  /** The conversation as the supervisor sees it now (with their pending commands applied). */
  readonly getConversation: (id: string) => Conversation | undefined;
}

/**
 * The verdict of one row. Assigning to a queue: the single assign's rule (`canAssign`: switch, Open,
 * nobody assigned) then the queue target (`checkAssignTarget`: not the queue it is already in). A
 * queue has no presence or capacity, so no override is ever needed or offered for it. A queue that
 * does not exist refuses every row with `unknown-target`, after the conversation's own rule (the
 * service checks in this order too, so a switch that is off always wins).
 */
export function bulkVerdict(
  action: BulkAction,
  c: Conversation | undefined,
  ctx: BulkContext,
): BulkVerdict {
  if (!c) return { allowed: false, reason: 'not-found', detail: commandError('not-found').message };
  if (action.kind === 'force-close') return canForceClose(ctx, c);
  const queue = ctx.queues.get(action.queueId);
  if (!queue) {
    const base = canAssign(ctx, c);
    if (!base.allowed) return base;
    return {
      allowed: false,
      reason: 'unknown-target',
      detail: msg('That representative or queue no longer exists.'),
    };
  }
  return checkAssignTarget(ctx, c, { type: 'queue', queue });
}

function effectOf(action: BulkAction, c: Conversation | undefined, id: string, ctx: BulkContext) {
  if (!c) return msg(str`Nothing happens to conversation ${id}: it no longer exists.`);
  const phrase = conversationPhrase(c);
  if (action.kind === 'force-close') return msg(str`${phrase} will be closed.`);
  const queue = ctx.queues.get(action.queueId)?.name || action.queueId;
  return msg(str`${phrase} goes to the ${queue} queue.`);
}

function refusedEffect(c: Conversation | undefined, id: string): string {
  if (!c) return msg(str`Nothing happens to conversation ${id}: it no longer exists.`);
  const phrase = conversationPhrase(c);
  return msg(str`${phrase} stays as it is.`);
}

/**
 * Plans a bulk intervention over the selected conversation ids (duplicates counted once, order kept).
 * Pure: reads `ctx` only, sends nothing.
 *
 * @example
 * const plan = planBulk({ kind: 'force-close' }, ['c-1', 'c-2'], ctx);
 * plan.rows.filter((r) => !r.verdict.allowed).map((r) => r.verdict.detail);
 */
export function planBulk(
  action: BulkAction,
  conversationIds: Iterable<string>,
  ctx: BulkContext,
): BulkPlan {
  const rows: BulkPlanRow[] = [];
  const seen = new Set<string>();
  for (const id of conversationIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const conversation = ctx.getConversation(id);
    const verdict = bulkVerdict(action, conversation, ctx);
    const effect = verdict.allowed
      ? effectOf(action, conversation, id, ctx)
      : refusedEffect(conversation, id);
    rows.push({ conversationId: id, conversation, verdict, effect });
  }
  const totals = totalsOf(rows);
  return { action, rows, totals, summary: planSummary(action, totals) };
}

function totalsOf(rows: readonly BulkPlanRow[]): BulkTotals {
  const byReason: Partial<Record<BulkRefusalReason, number>> = {};
  let allowed = 0;
  for (const row of rows) {
    if (row.verdict.allowed) allowed += 1;
    else byReason[row.verdict.reason] = (byReason[row.verdict.reason] ?? 0) + 1;
  }
  return { total: rows.length, allowed, refused: rows.length - allowed, byReason };
}

/** The preview's heading sentence for a plan's totals. */
export function planSummary(action: BulkAction, totals: BulkTotals): string {
  const { total, allowed, refused } = totals;
  const done =
    action.kind === 'force-close'
      ? msg(str`${allowed} of ${total} conversations will be closed`)
      : msg(str`${allowed} of ${total} conversations will be assigned to the queue`);
  if (refused === 0) return msg(str`${done}.`);
  return refused === 1
    ? msg(str`${done}; 1 is refused.`)
    : msg(str`${done}; ${refused} are refused.`);
}
