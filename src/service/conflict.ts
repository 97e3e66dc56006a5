/**
 * "Changed by NAME: here is what changed": when a command is refused as a conflict, the service keeps
 * the version the supervisor acted on, so it can say who changed the conversation since and what
 * changed. Pure; the elements only render the report.
 */
import { msg, str } from '@lit/localize';
import {
  describeConversationChanges,
  nameLookup,
  type ActorRef,
  type Conversation,
  type ConversationChange,
} from '../domain/index.js';
import type { SupervisorState } from './state.js';

/** Who changed a conversation, named for the supervisor. */
export interface ChangedBy {
  readonly actor: ActorRef;
  /** A display name (plain text: render it as text). */
  readonly name: string;
}

/** Why a command was stale: who changed the conversation and what changed since the supervisor looked. */
export interface ConflictReport {
  /** The conversation as the supervisor acted on it. */
  readonly actedOn: Conversation;
  /** The conversation now (from the backend's answer, or the newest the service holds), if known. */
  readonly current: Conversation | null;
  /** Who made the last change, when the backend says (`lastChange`); `null` when unknown. */
  readonly changedBy: ChangedBy | null;
  /** What changed between `actedOn` and `current` (empty when `current` is unknown). */
  readonly changes: readonly ConversationChange[];
}

/** A display name for an actor, from the service's maps (ids when unnamed). */
export function actorName(
  actor: ActorRef,
  state: Pick<SupervisorState, 'representatives' | 'supervisors'>,
  conversation?: Conversation,
): string {
  const names = nameLookup(state);
  switch (actor.type) {
    case 'supervisor':
      return actor.id ? names.supervisor(actor.id) : msg('another supervisor');
    case 'representative':
      return actor.id ? names.representative(actor.id) : msg('a representative');
    case 'customer':
      return conversation?.customerName || msg('the customer');
    default:
      return msg('the contact centre');
  }
}

/**
 * The report for a conflict on `actedOn`: `answered` is the conversation the backend sent with its
 * refusal (if any); the newer of it and the one the store holds is compared with `actedOn`.
 */
export function conflictReport(
  actedOn: Conversation,
  answered: Conversation | undefined,
  state: Pick<SupervisorState, 'conversations' | 'representatives' | 'queues' | 'supervisors'>,
): ConflictReport {
  const held = state.conversations.get(actedOn.id);
  const current =
    answered && (!held || answered.version >= held.version) ? answered : (held ?? null);
  const last = current?.lastChange ?? null;
  return {
    actedOn,
    current,
    changedBy: last
      ? { actor: last.by, name: actorName(last.by, state, current ?? actedOn) }
      : null,
    changes: current ? describeConversationChanges(actedOn, current, nameLookup(state)) : [],
  };
}

/**
 * The report's headline: "Priya Lead changed this conversation since you looked." (or without a name
 * when the backend did not say who). The changes follow as a list.
 */
export function describeConflict(report: ConflictReport): string {
  if (!report.changedBy) return msg('This conversation changed since you looked.');
  const name = report.changedBy.name;
  return msg(str`${name} changed this conversation since you looked.`);
}
