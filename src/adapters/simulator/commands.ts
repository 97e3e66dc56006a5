/**
 * The backend side of the supervisor's commands: checked with the same domain rules the client uses,
 * then applied to the world. Pure over the world (no scheduling): `SimulatedCentre` adds latency,
 * faults, idempotency and the transfer target's delayed answer.
 *
 * Order of checks: unknown conversation (`not-found`), admin switch off (`invalid`, reason
 * `switch-off`), stale version (`conflict`, see `RELEVANT_FIELDS`), then the action's rule and its
 * target (`invalid` with the rule's reason).
 */
import {
  canForceClose,
  canJoin,
  canLeave,
  canMonitor,
  canTransfer,
  canAssign,
  canWhisper,
  checkAssignTarget,
  checkWhisperText,
  checkTransferTarget,
  commandError,
} from '../../domain/index.js';
import type {
  CommandError,
  Conversation,
  RuleContext,
  Target,
  Verdict,
} from '../../domain/index.js';
import type {
  AssignCommand,
  CentreChange,
  CommandBase,
  CommandResult,
  TargetRef,
  TransferCommand,
  WhisperCommand,
} from '../backend-adapter.js';
import { appendMessage, appendSystem, ensureTranscript } from './transcripts.js';
import {
  changedBy,
  findConversation,
  representativeActor,
  ruleContext,
  supervisorActor,
  updateConversation,
  type World,
} from './world.js';

/** What a command did: its answer and the changes to emit. */
export interface CommandOutcome {
  readonly result: CommandResult;
  readonly changes: readonly CentreChange[];
  /** Set when a transfer to a person now waits for that person's answer. */
  readonly awaitsAnswer?: boolean;
}

/** What command handlers need: the world, and the seed (transcript histories derive from it). */
export interface CommandContext {
  readonly world: World;
  readonly seed: number;
}

function fail(error: CommandError): CommandOutcome {
  return { result: { ok: false, error }, changes: [] };
}

function refused(verdict: Verdict & { allowed: false }): CommandOutcome {
  return fail(commandError('invalid', verdict.detail, { reason: verdict.reason }));
}

function done(world: World, id: string, changes: readonly CentreChange[]): CommandOutcome {
  const conversation = findConversation(world, id);
  return { result: { ok: true, ...(conversation ? { conversation } : {}) }, changes };
}

/**
 * The shared checks before a command: the conversation exists, the switch is on, the version is not
 * stale, the action's rule allows it. Returns the conversation, or the refusal.
 */
function precheck(
  world: World,
  command: CommandBase,
  rule: ((ctx: RuleContext, c: Conversation) => Verdict) | null,
): Conversation | CommandOutcome {
  const c = findConversation(world, command.conversationId);
  if (!c) return fail(commandError('not-found'));
  const verdict = rule ? rule(ruleContext(world), c) : ({ allowed: true } as const);
  // A switched-off action is refused whatever the version: the supervisor cannot act on it at all.
  if (!verdict.allowed && verdict.reason === 'switch-off') return refused(verdict);
  const relevant = world.relevantVersion.get(c.id) ?? c.version;
  if (command.expectedVersion < relevant) {
    // The conversation as it is now goes with the refusal: the client says who changed what.
    return fail(commandError('conflict', undefined, { currentVersion: c.version, current: c }));
  }
  if (!verdict.allowed) return refused(verdict);
  return c;
}

function resolveTarget(world: World, ref: TargetRef): Target | CommandOutcome {
  if (ref.type === 'queue') {
    const queue = world.queueById.get(ref.id);
    return queue
      ? { type: 'queue', queue }
      : fail(commandError('not-found', `Queue "${ref.id}" does not exist.`));
  }
  const representative = world.representatives.get(ref.id);
  return representative
    ? { type: 'representative', representative }
    : fail(commandError('not-found', `Representative "${ref.id}" does not exist.`));
}

/** The `lastChange` of a command by the signed-in supervisor. */
function byMe(world: World, action: string): ReturnType<typeof changedBy> {
  return changedBy(world, supervisorActor(world.supervisor.id), action);
}

function isOutcome(value: object): value is CommandOutcome {
  return 'result' in value;
}

/** Assign an Open, unassigned conversation to a person (with overrides) or to another queue. */
export function assign({ world }: CommandContext, command: AssignCommand): CommandOutcome {
  const c = precheck(world, command, canAssign);
  if (isOutcome(c)) return c;
  const target = resolveTarget(world, command.target);
  if (isOutcome(target)) return target;
  const verdict = checkAssignTarget(ruleContext(world), c, target, {
    presence: command.overridePresence,
    capacity: command.overrideCapacity,
  });
  if (!verdict.allowed) return refused(verdict);
  const now = world.now();
  if (target.type === 'queue') {
    const changes = updateConversation(world, c.id, {
      queueId: target.queue.id,
      enteredQueueAt: now,
      ...byMe(world, 'assign'),
    });
    appendSystem(world, c.id, `Moved to the ${target.queue.name} queue.`);
    return done(world, c.id, changes);
  }
  const rep = target.representative;
  const changes = updateConversation(world, c.id, {
    status: 'active',
    representativeId: rep.id,
    acceptedAt: now,
    ...byMe(world, 'assign'),
  });
  appendSystem(world, c.id, `${rep.name} joined the conversation.`);
  return done(world, c.id, changes);
}

/**
 * Transfer to a person: the transfer becomes pending (the old representative stays primary) until the
 * target answers (`answerTransfer`). Transfer to a queue is immediate: the conversation goes back to
 * Open in that queue, nobody assigned, and the old representative is released (not kept as a
 * consultant: nobody is primary to consult for); a `transfer-resolved` (accepted, no representative)
 * follows at once so every successful transfer ends with exactly one `transfer-resolved`.
 */
export function transfer({ world }: CommandContext, command: TransferCommand): CommandOutcome {
  const c = precheck(world, command, canTransfer);
  if (isOutcome(c)) return c;
  const target = resolveTarget(world, command.target);
  if (isOutcome(target)) return target;
  const verdict = checkTransferTarget(ruleContext(world), c, target);
  if (!verdict.allowed) return refused(verdict);
  const now = world.now();
  if (target.type === 'queue') {
    const changes = updateConversation(world, c.id, {
      status: 'open',
      queueId: target.queue.id,
      representativeId: null,
      consultantIds: [],
      enteredQueueAt: now,
      acceptedAt: null,
      pendingTransfer: null,
      ...byMe(world, 'transfer'),
    });
    appendSystem(world, c.id, `Transferred to the ${target.queue.name} queue.`);
    const resolved: CentreChange = {
      type: 'transfer-resolved',
      conversationId: c.id,
      outcome: 'accepted',
      toRepresentativeId: null,
      at: now,
    };
    return done(world, c.id, [...changes, resolved]);
  }
  const changes = updateConversation(world, c.id, {
    pendingTransfer: {
      fromRepresentativeId: c.representativeId ?? '',
      toRepresentativeId: target.representative.id,
      toQueueId: null,
      requestedAt: now,
      supervisorId: world.supervisor.id,
    },
    ...byMe(world, 'transfer'),
  });
  return { ...done(world, c.id, changes), awaitsAnswer: true };
}

/**
 * The transfer target's answer. Accept: the target becomes primary (capacity moves), the old
 * representative becomes a consultant, the conversation is Active with a fresh `acceptedAt`. Reject:
 * the pending transfer is cleared and the old representative stays primary. Either way a
 * `transfer-resolved` change follows the conversation's. No-op when nothing is pending any more.
 */
export function answerTransfer(world: World, id: string, accept: boolean): CentreChange[] {
  const c = world.conversations.get(id);
  const pending = c?.pendingTransfer;
  if (!c || !pending || pending.toRepresentativeId === null) return [];
  const to = pending.toRepresentativeId;
  const from = pending.fromRepresentativeId;
  const now = world.now();
  const changes = accept
    ? updateConversation(world, id, {
        status: 'active',
        representativeId: to,
        consultantIds: [...c.consultantIds.filter((r) => r !== to && r !== from), from],
        acceptedAt: now,
        pendingTransfer: null,
        ...changedBy(world, representativeActor(to), 'transfer-answer'),
      })
    : updateConversation(world, id, {
        pendingTransfer: null,
        ...changedBy(world, representativeActor(to), 'transfer-answer'),
      });
  if (accept) {
    const names = (rid: string): string => world.representatives.get(rid)?.name ?? rid;
    appendSystem(world, id, `${names(from)} transferred the conversation to ${names(to)}.`);
  }
  changes.push({
    type: 'transfer-resolved',
    conversationId: id,
    outcome: accept ? 'accepted' : 'rejected',
    toRepresentativeId: to,
    at: now,
  });
  return changes;
}

/** Force close: the conversation becomes Closed, its representative's capacity is released. */
export function forceClose(ctx: CommandContext, command: CommandBase): CommandOutcome {
  const { world } = ctx;
  const c = precheck(world, command, canForceClose);
  if (isOutcome(c)) return c;
  ensureTranscript(world, ctx.seed, c.id);
  const changes = updateConversation(world, c.id, {
    status: 'closed',
    pendingTransfer: null,
    ...byMe(world, 'forceClose'),
  });
  appendSystem(world, c.id, `${world.supervisor.name} ended the conversation.`);
  return done(world, c.id, changes);
}

/**
 * Monitor: silent. Only `monitoredBy` (a supervisor-side field) changes; no transcript line, nothing
 * participants see, and no `lastChange`: watching is not changing the conversation.
 */
export function monitor({ world }: CommandContext, command: CommandBase): CommandOutcome {
  const c = precheck(world, command, canMonitor);
  if (isOutcome(c)) return c;
  const me = world.supervisor.id;
  if (c.monitoredBy.includes(me)) return done(world, c.id, []);
  return done(
    world,
    c.id,
    updateConversation(world, c.id, { monitoredBy: [...c.monitoredBy, me] }),
  );
}

/**
 * Stop monitoring (leaving first if joined). Never refused by the switch: a supervisor must always be
 * able to stop watching, even after an administrator turned monitoring off. Not monitoring (or the
 * conversation has closed meanwhile): success, nothing changes.
 */
export function unmonitor(ctx: CommandContext, command: CommandBase): CommandOutcome {
  const { world } = ctx;
  const c = precheck(world, command, null);
  if (isOutcome(c)) return c;
  const me = world.supervisor.id;
  const joined = c.joinedBy.includes(me);
  if (c.status === 'closed' || (!joined && !c.monitoredBy.includes(me))) {
    return done(world, c.id, []);
  }
  if (joined) ensureTranscript(world, ctx.seed, c.id);
  const changes = updateConversation(world, c.id, {
    monitoredBy: c.monitoredBy.filter((s) => s !== me),
    joinedBy: c.joinedBy.filter((s) => s !== me),
    // Leaving is visible (a system line); stopping a silent watch is not a change of the conversation.
    ...(joined ? byMe(world, 'leave') : {}),
  });
  if (joined) appendSystem(world, c.id, `${world.supervisor.name} left the conversation.`);
  return done(world, c.id, changes);
}

/** Join: the supervisor becomes a visible participant; everyone sees a system line. */
export function join(ctx: CommandContext, command: CommandBase): CommandOutcome {
  const { world } = ctx;
  const c = precheck(world, command, canJoin);
  if (isOutcome(c)) return c;
  ensureTranscript(world, ctx.seed, c.id);
  const changes = updateConversation(world, c.id, {
    joinedBy: [...c.joinedBy, world.supervisor.id],
    ...byMe(world, 'join'),
  });
  appendSystem(world, c.id, `${world.supervisor.name} joined the conversation.`);
  return done(world, c.id, changes);
}

/** Leave: back to silent monitoring; everyone sees a system line. */
export function leave(ctx: CommandContext, command: CommandBase): CommandOutcome {
  const { world } = ctx;
  const c = precheck(world, command, canLeave);
  if (isOutcome(c)) return c;
  // Left after the conversation closed: nothing to leave any more.
  if (c.status === 'closed') return done(world, c.id, []);
  ensureTranscript(world, ctx.seed, c.id);
  const me = world.supervisor.id;
  const changes = updateConversation(world, c.id, {
    joinedBy: c.joinedBy.filter((s) => s !== me),
    ...byMe(world, 'leave'),
  });
  appendSystem(world, c.id, `${world.supervisor.name} left the conversation.`);
  return done(world, c.id, changes);
}

/**
 * Whisper: a private message to the representative, never the customer: a transcript message with
 * `author: 'supervisor'` and `visibility: 'representatives'`. The conversation itself does not change
 * (no version bump), so a whisper never makes another supervisor's action stale.
 */
export function whisper(ctx: CommandContext, command: WhisperCommand): CommandOutcome {
  const { world } = ctx;
  // Checked first: a malformed text is refused whatever the conversation's state.
  const text = checkWhisperText(command.text);
  if (!text.allowed) return refused(text);
  const c = precheck(world, command, canWhisper);
  if (isOutcome(c)) return c;
  ensureTranscript(world, ctx.seed, c.id);
  appendMessage(world, c.id, {
    at: world.now(),
    author: 'supervisor',
    authorName: world.supervisor.name,
    text: command.text.trim(),
    visibility: 'representatives',
  });
  return done(world, c.id, []);
}
