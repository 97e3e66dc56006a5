/**
 * The supervisor rules of the reference page ("Monitor, assign, transfer, and forcibly end
 * conversations"), as pure functions. Each answers `allowed` or a typed reason with a sentence the UI
 * can show, so an action is disabled with an explanation instead of silently missing. The service and
 * the simulated backend call the same functions, so client and server never disagree.
 */
import { msg, str } from '@lit/localize';
import { costOf, isMessagingChannel } from './catalog.js';
import type {
  Conversation,
  Queue,
  Representative,
  SupervisorAction,
  SupervisorSettings,
} from './types.js';

/** Why an action or a target is refused. */
export type RefusalReason =
  /** The admin switch for this action is off. */
  | 'switch-off'
  /** The conversation's status does not allow it. */
  | 'status'
  /** The conversation's channel does not allow it. */
  | 'channel'
  /** A messaging conversation escalated to voice or video cannot be transferred. */
  | 'escalated'
  /** Assign needs a conversation nobody is assigned to. */
  | 'already-assigned'
  /** A supervisor cannot monitor a conversation assigned to themself. */
  | 'own-conversation'
  /** Transfer needs a representative to transfer from. */
  | 'no-representative'
  /** Transfers are between human representatives only; assignment goes to humans or queues. */
  | 'ai-agent'
  /** The target is the conversation's current representative. */
  | 'same-representative'
  /** The target is the queue the conversation is already in. */
  | 'current-queue'
  /** A transfer is already waiting for an answer. */
  | 'transfer-pending'
  /** Join needs the supervisor to be monitoring first. */
  | 'not-monitoring'
  /** The supervisor already joined. */
  | 'already-joined'
  /** Leave needs the supervisor to have joined. */
  | 'not-joined'
  /** The target representative is not available: the supervisor must override presence. */
  | 'presence'
  /** The target representative lacks capacity: the supervisor must override capacity. */
  | 'capacity'
  /** The target representative or queue does not exist (any more). */
  | 'unknown-target'
  /** A whisper needs some text. */
  | 'empty-message'
  /** A whisper is longer than `WHISPER_MAX_LENGTH`. */
  | 'too-long';

/** A rule's answer. */
export type Verdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: RefusalReason; readonly detail: string };

/** What the rules need to know besides the conversation. */
export interface RuleContext {
  readonly settings: SupervisorSettings;
  /** The signed-in supervisor's id (also their representative id, if they take conversations). */
  readonly supervisorId: string;
  readonly representatives: ReadonlyMap<string, Representative>;
}

/** The supervisor's explicit overrides when assigning to a representative. */
export interface AssignOverrides {
  readonly presence?: boolean;
  readonly capacity?: boolean;
}

/** An assign or transfer target: a representative or a queue. */
export type Target =
  | { readonly type: 'representative'; readonly representative: Representative }
  | { readonly type: 'queue'; readonly queue: Queue };

const ALLOWED: Verdict = Object.freeze({ allowed: true });

function refuse(reason: RefusalReason, detail: string): Verdict {
  return { allowed: false, reason, detail };
}

// The admin switches' names as the product calls them; they stay untranslated like other product names.
const SWITCH_NAMES: Record<keyof SupervisorSettings, string> = {
  monitor: 'Supervisor Monitor',
  assign: 'Supervisor Assign',
  transfer: 'Supervisor Transfer',
  forceClose: 'Force Close',
};

/** The admin switch that governs each action (join and leave belong to monitoring). */
export const ACTION_SWITCH: Record<SupervisorAction, keyof SupervisorSettings> = {
  monitor: 'monitor',
  join: 'monitor',
  leave: 'monitor',
  assign: 'assign',
  transfer: 'transfer',
  forceClose: 'forceClose',
};

/** Is the action offered at all? An action whose admin switch is off is not shown. */
export function isActionEnabled(settings: SupervisorSettings, action: SupervisorAction): boolean {
  return settings[ACTION_SWITCH[action]] === true;
}

function switchVerdict(settings: SupervisorSettings, action: SupervisorAction): Verdict {
  const key = ACTION_SWITCH[action];
  return settings[key]
    ? ALLOWED
    : refuse('switch-off', msg(str`Your administrator has turned off "${SWITCH_NAMES[key]}".`));
}

/** Monitor: switch on; Active or Wrap-up; any channel including records; not the supervisor's own. */
export function canMonitor(ctx: RuleContext, c: Conversation): Verdict {
  const gate = switchVerdict(ctx.settings, 'monitor');
  if (!gate.allowed) return gate;
  if (c.status !== 'active' && c.status !== 'wrap-up') {
    return refuse('status', msg('Only Active or Wrap-up conversations can be monitored.'));
  }
  if (c.representativeId === ctx.supervisorId) {
    return refuse('own-conversation', msg('You cannot monitor a conversation assigned to you.'));
  }
  return ALLOWED;
}

/** Join: while monitoring a conversation that is still open for participants. */
export function canJoin(ctx: RuleContext, c: Conversation): Verdict {
  const gate = switchVerdict(ctx.settings, 'join');
  if (!gate.allowed) return gate;
  if (c.status === 'closed') return refuse('status', msg('The conversation has ended.'));
  if (c.joinedBy.includes(ctx.supervisorId)) {
    return refuse('already-joined', msg('You have already joined this conversation.'));
  }
  if (!c.monitoredBy.includes(ctx.supervisorId)) {
    return refuse('not-monitoring', msg('Monitor the conversation before joining it.'));
  }
  return ALLOWED;
}

/** Leave: only after joining. */
export function canLeave(ctx: RuleContext, c: Conversation): Verdict {
  const gate = switchVerdict(ctx.settings, 'leave');
  if (!gate.allowed) return gate;
  if (!c.joinedBy.includes(ctx.supervisorId)) {
    return refuse('not-joined', msg('You have not joined this conversation.'));
  }
  return ALLOWED;
}

/** Assign: switch on; status Open and no representative assigned. */
export function canAssign(ctx: RuleContext, c: Conversation): Verdict {
  const gate = switchVerdict(ctx.settings, 'assign');
  if (!gate.allowed) return gate;
  if (c.status !== 'open') {
    return refuse('status', msg('Only Open conversations can be assigned.'));
  }
  if (c.representativeId !== null) {
    return refuse(
      'already-assigned',
      msg('This conversation is already assigned to a representative.'),
    );
  }
  return ALLOWED;
}

/** Units by which assigning a conversation of `cost` units would exceed the capacity (0 if none). */
export function capacityExcess(representative: Representative, cost: number): number {
  const { used, total } = representative.capacity;
  return Math.max(0, used + cost - total);
}

/** Does assigning to this representative need the supervisor to override presence? */
export function needsPresenceOverride(representative: Representative): boolean {
  return representative.presence !== 'available';
}

/** What assigning `c` to `representative` would take: overrides needed and capacity excess. */
export interface AssignAssessment {
  readonly needsPresenceOverride: boolean;
  readonly needsCapacityOverride: boolean;
  /** Units by which the capacity would be exceeded (`used + cost − total`, 0 when not positive). */
  readonly capacityExcess: number;
}

/** Assesses a representative as an assignment target for `c` (presence and capacity). */
export function assessAssignment(
  c: Conversation,
  representative: Representative,
): AssignAssessment {
  const excess = capacityExcess(representative, costOf(c));
  return {
    needsPresenceOverride: needsPresenceOverride(representative),
    needsCapacityOverride: excess > 0,
    capacityExcess: excess,
  };
}

/**
 * Is this target eligible for assigning `c`, given the supervisor's overrides? A human representative
 * who is not available or lacks capacity is eligible only with the matching override; an AI agent is
 * never an assignment target here; the conversation's current queue is not offered.
 */
export function checkAssignTarget(
  ctx: RuleContext,
  c: Conversation,
  target: Target,
  overrides: AssignOverrides = {},
): Verdict {
  const base = canAssign(ctx, c);
  if (!base.allowed) return base;
  if (target.type === 'queue') {
    return target.queue.id === c.queueId
      ? refuse('current-queue', msg('The conversation is already in this queue.'))
      : ALLOWED;
  }
  const rep = target.representative;
  if (rep.kind !== 'human') {
    return refuse('ai-agent', msg(str`${rep.name} is an AI agent; assign to a person or a queue.`));
  }
  const assessment = assessAssignment(c, rep);
  if (assessment.needsPresenceOverride && !overrides.presence) {
    return refuse('presence', msg(str`${rep.name} is not available; override presence to assign.`));
  }
  if (assessment.needsCapacityOverride && !overrides.capacity) {
    return refuse('capacity', capacityRefusal(rep.name, assessment.capacityExcess));
  }
  return ALLOWED;
}

// One sentence per plural form: translators see whole sentences, not a pasted-in "unit(s)".
function capacityRefusal(name: string, excess: number): string {
  return excess === 1
    ? msg(str`${name} would exceed capacity by ${excess} unit; override capacity to assign.`)
    : msg(str`${name} would exceed capacity by ${excess} units; override capacity to assign.`);
}

/**
 * Transfer: switch on; Active or Waiting; a messaging channel still in text mode (not escalated to
 * voice or video); from a human representative; no transfer already pending.
 */
export function canTransfer(ctx: RuleContext, c: Conversation): Verdict {
  const gate = switchVerdict(ctx.settings, 'transfer');
  if (!gate.allowed) return gate;
  if (c.status !== 'active' && c.status !== 'waiting') {
    return refuse('status', msg('Only Active or Waiting conversations can be transferred.'));
  }
  if (!isMessagingChannel(c.channel)) {
    return refuse(
      'channel',
      'Only messaging conversations (chat, SMS, WhatsApp…) can be transferred.',
    );
  }
  if (c.mode !== 'text') {
    return refuse(
      'escalated',
      c.mode === 'video'
        ? msg('This conversation was escalated to video; it can no longer be transferred.')
        : msg('This conversation was escalated to voice; it can no longer be transferred.'),
    );
  }
  if (c.representativeId === null) {
    return refuse('no-representative', msg('No representative is handling this conversation.'));
  }
  const current = ctx.representatives.get(c.representativeId);
  if (current && current.kind !== 'human') {
    return refuse(
      'ai-agent',
      msg(str`${current.name} is an AI agent; transfers are between people only.`),
    );
  }
  if (c.pendingTransfer) {
    return refuse('transfer-pending', msg('A transfer is already waiting for an answer.'));
  }
  return ALLOWED;
}

/** Is this target eligible for transferring `c`? Humans only, never the current representative. */
export function checkTransferTarget(ctx: RuleContext, c: Conversation, target: Target): Verdict {
  const base = canTransfer(ctx, c);
  if (!base.allowed) return base;
  if (target.type === 'queue') {
    return target.queue.id === c.queueId
      ? refuse('current-queue', msg('The conversation is already in this queue.'))
      : ALLOWED;
  }
  const rep = target.representative;
  if (rep.kind !== 'human') {
    return refuse(
      'ai-agent',
      msg(str`${rep.name} is an AI agent; transfers are between people only.`),
    );
  }
  if (rep.id === c.representativeId) {
    return refuse(
      'same-representative',
      msg(str`${rep.name} is already handling this conversation.`),
    );
  }
  return ALLOWED;
}

/** Force close: switch on; voice or messaging channel (not records); any status but Closed. */
export function canForceClose(ctx: RuleContext, c: Conversation): Verdict {
  const gate = switchVerdict(ctx.settings, 'forceClose');
  if (!gate.allowed) return gate;
  if (c.channel !== 'voice' && !isMessagingChannel(c.channel)) {
    return refuse('channel', msg('Only voice and messaging conversations can be force-closed.'));
  }
  if (c.status === 'closed') return refuse('status', msg('The conversation is already closed.'));
  return ALLOWED;
}

/** Every action's verdict for one conversation (the table's row actions read this). */
export function actionVerdicts(
  ctx: RuleContext,
  c: Conversation,
): Record<SupervisorAction, Verdict> {
  return {
    monitor: canMonitor(ctx, c),
    join: canJoin(ctx, c),
    leave: canLeave(ctx, c),
    assign: canAssign(ctx, c),
    transfer: canTransfer(ctx, c),
    forceClose: canForceClose(ctx, c),
  };
}
