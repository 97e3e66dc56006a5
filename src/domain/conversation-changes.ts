/**
 * What changed in a conversation between two versions, as sentences: the "changed by NAME: here is
 * what changed" of a stale action. Pure: names come from a lookup, so the service (which holds the
 * version the supervisor acted on) computes it and elements only render it.
 */
import { msg, str } from '@lit/localize';
import { sentimentLabel, sentimentScore, statusLabel } from './catalog.js';
import type { Conversation, Queue, Representative, Supervisor } from './types.js';

/** Display names by id; each falls back to the id when the name is unknown. */
export interface NameLookup {
  representative(id: string): string;
  queue(id: string): string;
  supervisor(id: string): string;
}

/** The field a change sentence is about (for icons, grouping or tests). */
export type ChangedField =
  | 'status'
  | 'closed'
  | 'representative'
  | 'queue'
  | 'consultants'
  | 'pendingTransfer'
  | 'mode'
  | 'sentiment'
  | 'monitoredBy'
  | 'joinedBy';

/** One thing that changed, with a sentence for the supervisor (names are plain text: render as text). */
export interface ConversationChange {
  readonly field: ChangedField;
  readonly text: string;
}

/** A `NameLookup` over the service's maps (unknown ids show as themselves). */
export function nameLookup(sources: {
  readonly representatives?: ReadonlyMap<string, Representative>;
  readonly queues?: ReadonlyMap<string, Queue>;
  readonly supervisors?: ReadonlyMap<string, Supervisor>;
}): NameLookup {
  const pick = (name: string | undefined, id: string): string => (name ? name : id);
  return {
    representative: (id) =>
      pick(sources.representatives?.get(id)?.name ?? sources.supervisors?.get(id)?.name, id),
    queue: (id) => pick(sources.queues?.get(id)?.name, id),
    supervisor: (id) =>
      pick(sources.supervisors?.get(id)?.name ?? sources.representatives?.get(id)?.name, id),
  };
}

function added(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((id) => !before.includes(id));
}

function list(ids: readonly string[], name: (id: string) => string): string {
  return ids.map(name).join(', ');
}

/**
 * The differences between `before` (the version the supervisor acted on) and `after` (the
 * conversation now), in a stable order: status or closed, representative, queue, consultants, pending
 * transfer, mode, sentiment, monitored by, joined by. Empty when nothing they see changed (timestamps
 * and the version alone are not reported).
 */
export function describeConversationChanges(
  before: Conversation,
  after: Conversation,
  names: NameLookup,
): ConversationChange[] {
  const out: ConversationChange[] = [];
  const rep = (id: string | null): string =>
    id === null ? msg('nobody') : names.representative(id);

  if (before.status !== after.status) {
    if (after.status === 'closed') {
      out.push({ field: 'closed', text: msg('The conversation was closed.') });
    } else {
      const from = statusLabel(before.status);
      const to = statusLabel(after.status);
      out.push({ field: 'status', text: msg(str`Status: ${from} → ${to}.`) });
    }
  }
  if (before.representativeId !== after.representativeId) {
    const from = rep(before.representativeId);
    const to = rep(after.representativeId);
    out.push({
      field: 'representative',
      text:
        after.representativeId === null
          ? msg(str`${from} no longer handles it; nobody is assigned.`)
          : before.representativeId === null
            ? msg(str`Assigned to ${to}.`)
            : msg(str`Representative: ${from} → ${to}.`),
    });
  }
  if (before.queueId !== after.queueId) {
    const to = after.queueId === null ? msg('no queue') : names.queue(after.queueId);
    out.push({ field: 'queue', text: msg(str`Moved to ${to}.`) });
  }
  const joinedConsultants = added(before.consultantIds, after.consultantIds);
  const leftConsultants = added(after.consultantIds, before.consultantIds);
  if (joinedConsultants.length > 0) {
    const who = list(joinedConsultants, names.representative);
    out.push({ field: 'consultants', text: msg(str`Consulting now: ${who}.`) });
  }
  if (leftConsultants.length > 0) {
    const who = list(leftConsultants, names.representative);
    out.push({ field: 'consultants', text: msg(str`No longer consulting: ${who}.`) });
  }
  const pb = before.pendingTransfer;
  const pa = after.pendingTransfer;
  if (
    (pb === null) !== (pa === null) ||
    (pb && pa && (pb.toRepresentativeId !== pa.toRepresentativeId || pb.toQueueId !== pa.toQueueId))
  ) {
    if (pa) {
      const to =
        pa.toRepresentativeId !== null
          ? names.representative(pa.toRepresentativeId)
          : pa.toQueueId !== null
            ? names.queue(pa.toQueueId)
            : msg('nobody');
      const by = names.supervisor(pa.supervisorId);
      out.push({
        field: 'pendingTransfer',
        text: msg(str`${by} asked to transfer it to ${to}; waiting for an answer.`),
      });
    } else {
      out.push({ field: 'pendingTransfer', text: msg('The pending transfer was answered.') });
    }
  }
  if (before.mode !== after.mode) {
    out.push({ field: 'mode', text: msg(str`Escalated to a ${after.mode} call.`) });
  }
  if (before.sentiment !== after.sentiment) {
    const steps = sentimentScore(after.sentiment) - sentimentScore(before.sentiment);
    const from = sentimentLabel(before.sentiment);
    const to = sentimentLabel(after.sentiment);
    out.push({
      field: 'sentiment',
      text:
        steps > 0
          ? msg(str`Sentiment improved: ${from} → ${to}.`)
          : steps < 0
            ? msg(str`Sentiment worsened: ${from} → ${to}.`)
            : msg(str`Sentiment: ${from} → ${to}.`),
    });
  }
  const startedMonitoring = added(before.monitoredBy, after.monitoredBy);
  const stoppedMonitoring = added(after.monitoredBy, before.monitoredBy);
  if (startedMonitoring.length > 0) {
    const who = list(startedMonitoring, names.supervisor);
    out.push({ field: 'monitoredBy', text: msg(str`Now monitored by ${who}.`) });
  }
  if (stoppedMonitoring.length > 0) {
    const who = list(stoppedMonitoring, names.supervisor);
    out.push({ field: 'monitoredBy', text: msg(str`No longer monitored by ${who}.`) });
  }
  const joined = added(before.joinedBy, after.joinedBy);
  const left = added(after.joinedBy, before.joinedBy);
  if (joined.length > 0) {
    const who = list(joined, names.supervisor);
    out.push({ field: 'joinedBy', text: msg(str`${who} joined the conversation.`) });
  }
  if (left.length > 0) {
    const who = list(left, names.supervisor);
    out.push({ field: 'joinedBy', text: msg(str`${who} left the conversation.`) });
  }
  return out;
}
