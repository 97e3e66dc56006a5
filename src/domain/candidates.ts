/**
 * Who a supervisor can assign or transfer a conversation to, ranked as suggestions. The dialogs show
 * these lists; the ranking and the eligibility both come from here (and from `rules.ts`), so every
 * element ranks and explains the same way.
 */
import { nameCollator } from './collation.js';
import { costOf } from './catalog.js';
import {
  assessAssignment,
  checkAssignTarget,
  checkTransferTarget,
  type AssignAssessment,
  type RuleContext,
  type Verdict,
} from './rules.js';
import type { Conversation, Representative } from './types.js';

/** A human representative as an assign or transfer target for one conversation. */
export interface Candidate {
  readonly representative: Representative;
  /** The rule's verdict without any override (assign) or as is (transfer). */
  readonly verdict: Verdict;
  /** Presence and capacity needs when assigning (also informative for transfers). */
  readonly assessment: AssignAssessment;
  /** Capacity units left after taking this conversation (negative when it would be exceeded). */
  readonly spareAfter: number;
  /** Works in the conversation's queue. */
  readonly inQueue: boolean;
  /** One of the top suggestions: eligible, available and with room. */
  readonly suggested: boolean;
}

/** Options of the candidate lists. */
export interface CandidateOptions {
  /** How many of the best eligible candidates are marked `suggested`. Default 3. */
  readonly suggestions?: number;
}

function describe(
  c: Conversation,
  rep: Representative,
  verdict: Verdict,
): Omit<Candidate, 'suggested'> {
  const assessment = assessAssignment(c, rep);
  return {
    representative: rep,
    verdict,
    assessment,
    spareAfter: rep.capacity.total - rep.capacity.used - costOf(c),
    inQueue: c.queueId !== null && rep.queueIds.includes(c.queueId),
  };
}

/**
 * The suggestion order: eligible first; then available; then the most spare capacity after taking
 * the conversation; then members of the conversation's queue; then by name (stable and predictable).
 */
function compareCandidates(a: Omit<Candidate, 'suggested'>, b: Omit<Candidate, 'suggested'>) {
  return (
    Number(b.verdict.allowed) - Number(a.verdict.allowed) ||
    Number(!b.assessment.needsPresenceOverride) - Number(!a.assessment.needsPresenceOverride) ||
    b.spareAfter - a.spareAfter ||
    Number(b.inQueue) - Number(a.inQueue) ||
    nameCollator.compare(a.representative.name, b.representative.name) ||
    (a.representative.id < b.representative.id ? -1 : 1)
  );
}

function rank(list: Omit<Candidate, 'suggested'>[], options: CandidateOptions): Candidate[] {
  list.sort(compareCandidates);
  let left = Math.max(0, options.suggestions ?? 3);
  return list.map((candidate) => {
    const suggested =
      left > 0 &&
      candidate.verdict.allowed &&
      !candidate.assessment.needsPresenceOverride &&
      candidate.spareAfter >= 0;
    if (suggested) left -= 1;
    return { ...candidate, suggested };
  });
}

/**
 * Human representatives to assign `c` to, ranked: those who need no override first, the best few
 * marked as suggestions. Ineligible ones keep their verdict (`presence`, `capacity`) so the UI can say
 * why. AI agents are never assignment targets here and are left out.
 */
export function assignCandidates(
  ctx: RuleContext,
  c: Conversation,
  representatives: Iterable<Representative> = ctx.representatives.values(),
  options: CandidateOptions = {},
): Candidate[] {
  const list: Omit<Candidate, 'suggested'>[] = [];
  for (const rep of representatives) {
    if (rep.kind !== 'human') continue;
    const verdict = checkAssignTarget(ctx, c, { type: 'representative', representative: rep });
    list.push(describe(c, rep, verdict));
  }
  return rank(list, options);
}

/**
 * Human representatives to transfer `c` to, ranked like assignment suggestions. Never the current
 * representative, never an AI agent (both are left out).
 */
export function transferCandidates(
  ctx: RuleContext,
  c: Conversation,
  representatives: Iterable<Representative> = ctx.representatives.values(),
  options: CandidateOptions = {},
): Candidate[] {
  const list: Omit<Candidate, 'suggested'>[] = [];
  for (const rep of representatives) {
    if (rep.kind !== 'human' || rep.id === c.representativeId) continue;
    const verdict = checkTransferTarget(ctx, c, { type: 'representative', representative: rep });
    list.push(describe(c, rep, verdict));
  }
  return rank(list, options);
}

/** How many ongoing conversations each representative handles as the primary, by id. */
export function conversationsPerRepresentative(
  conversations: Iterable<Conversation>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of conversations) {
    if (c.representativeId === null || c.status === 'closed') continue;
    counts.set(c.representativeId, (counts.get(c.representativeId) ?? 0) + 1);
  }
  return counts;
}
