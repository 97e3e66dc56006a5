/**
 * The service's normalized store and the pure functions that change it. The service holds one
 * `SupervisorState`; adapter events and command outcomes go through these reducers, so every change is
 * applied by version (a duplicate or stale event changes nothing) and malformed input is skipped.
 */
import type {
  CommandName,
  ConnectionStatus,
  CentreChange,
  CentreSnapshot,
  TargetRef,
} from '../adapters/backend-adapter.js';
import type {
  Conversation,
  Queue,
  Representative,
  Supervisor,
  SupervisorSettings,
} from '../domain/index.js';
import {
  parseConversation,
  parseQueue,
  parseRepresentative,
  parseSettings,
  parseSupervisor,
} from './validate.js';

/** The connection as the supervisor is told it. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** Epoch ms of the last snapshot or change received, or `null` before any. */
  readonly lastUpdateAt: number | null;
  /** Why the connection is not live, when known. */
  readonly message: string | null;
  /** The latest problems with backend data (malformed items skipped), newest last. */
  readonly problems: readonly string[];
}

/** An optimistic change shown while a command waits for the backend's answer. */
export interface PendingCommand {
  readonly key: string;
  readonly name: CommandName;
  readonly conversationId: string;
  readonly startedAt: number;
  readonly target?: TargetRef;
  /** The change the supervisor expects; dropped (rolled back) when the command fails. */
  readonly patch: (c: Conversation) => Conversation;
}

/** A transfer this supervisor asked for, followed until its target answers. */
export interface TransferTracking {
  readonly conversationId: string;
  readonly fromRepresentativeId: string | null;
  readonly toRepresentativeId: string | null;
  readonly toQueueId: string | null;
  readonly requestedAt: number;
  readonly outcome: 'pending' | 'accepted' | 'rejected';
  readonly resolvedAt: number | null;
}

export interface SupervisorState {
  readonly connection: ConnectionState;
  /** `null` until the first snapshot. */
  readonly supervisor: Supervisor | null;
  /**
   * The centre's supervisors by id, the signed-in one included (names for who-else-is-here and
   * "changed by NAME"). Only the signed-in one when the backend does not send them.
   */
  readonly supervisors: ReadonlyMap<string, Supervisor>;
  readonly settings: SupervisorSettings;
  /** Conversations as the backend last confirmed them (closed ones only while they leave the view). */
  readonly conversations: ReadonlyMap<string, Conversation>;
  readonly representatives: ReadonlyMap<string, Representative>;
  readonly queues: ReadonlyMap<string, Queue>;
  /** Commands waiting for an answer, by idempotency key. */
  readonly pending: ReadonlyMap<string, PendingCommand>;
  /** Transfers this supervisor asked for, by conversation id. */
  readonly transfers: ReadonlyMap<string, TransferTracking>;
  /** Closed conversations still shown while they leave the view: id → when they closed. */
  readonly closing: ReadonlyMap<string, number>;
  /** Versions of conversations that left the store, so a late event cannot bring them back. */
  readonly tombstones: ReadonlyMap<string, number>;
}

/** Every switch off until the backend says otherwise: nothing is offered before it is known. */
export const SETTINGS_UNKNOWN: SupervisorSettings = {
  monitor: false,
  assign: false,
  transfer: false,
  forceClose: false,
};

export const INITIAL_STATE: SupervisorState = {
  connection: { status: 'connecting', lastUpdateAt: null, message: null, problems: [] },
  supervisor: null,
  supervisors: new Map(),
  settings: SETTINGS_UNKNOWN,
  conversations: new Map(),
  representatives: new Map(),
  queues: new Map(),
  pending: new Map(),
  transfers: new Map(),
  closing: new Map(),
  tombstones: new Map(),
};

const MAX_PROBLEMS = 20;
const MAX_TOMBSTONES = 5000;

function withProblems(state: SupervisorState, problems: readonly string[]): SupervisorState {
  if (problems.length === 0) return state;
  const all = [...state.connection.problems, ...problems].slice(-MAX_PROBLEMS);
  return { ...state, connection: { ...state.connection, problems: all } };
}

/** Replaces the state with a snapshot (first connect, or a resync after a gap). */
export function applySnapshot(
  state: SupervisorState,
  snapshot: CentreSnapshot,
  now: number,
): SupervisorState {
  const problems: string[] = [];
  const supervisor = parseSupervisor(snapshot?.supervisor);
  const settings = parseSettings(snapshot?.settings);
  if (!supervisor.ok) problems.push(supervisor.error);
  if (!settings.ok) problems.push(settings.error);
  const conversations = new Map<string, Conversation>();
  const closing = new Map<string, number>();
  for (const raw of listOf(snapshot?.conversations, 'conversations', problems)) {
    const parsed = parseConversation(raw);
    if (!parsed.ok) problems.push(parsed.error);
    else if (parsed.value.status !== 'closed') conversations.set(parsed.value.id, parsed.value);
  }
  const representatives = new Map<string, Representative>();
  for (const raw of listOf(snapshot?.representatives, 'representatives', problems)) {
    const parsed = parseRepresentative(raw);
    if (parsed.ok) representatives.set(parsed.value.id, parsed.value);
    else problems.push(parsed.error);
  }
  const queues = new Map<string, Queue>();
  for (const raw of listOf(snapshot?.queues, 'queues', problems)) {
    const parsed = parseQueue(raw);
    if (parsed.ok) queues.set(parsed.value.id, parsed.value);
    else problems.push(parsed.error);
  }
  const me = supervisor.ok ? supervisor.value : state.supervisor;
  const supervisors = new Map<string, Supervisor>();
  // Optional in the contract: an absent list is not a problem, a malformed one is.
  if (snapshot?.supervisors !== undefined) {
    for (const raw of listOf(snapshot.supervisors, 'supervisors', problems)) {
      const parsed = parseSupervisor(raw);
      if (parsed.ok) supervisors.set(parsed.value.id, parsed.value);
      else problems.push(parsed.error);
    }
  }
  if (me && !supervisors.has(me.id)) supervisors.set(me.id, me);
  // A snapshot that lost the supervisor keeps the one we had rather than losing who we are.
  const next: SupervisorState = {
    ...state,
    supervisor: me,
    supervisors,
    settings: settings.ok ? settings.value : state.settings,
    conversations,
    representatives,
    queues,
    closing,
    transfers: reconcileTransfers(state.transfers, conversations, now),
    connection: { ...state.connection, lastUpdateAt: now },
  };
  return withProblems(next, problems);
}

function listOf(value: unknown, name: string, problems: string[]): readonly unknown[] {
  if (Array.isArray(value)) return value;
  problems.push(`Malformed snapshot: ${name} is not a list.`);
  return [];
}

/** Transfers still pending whose conversation no longer shows one were answered while we were away. */
function reconcileTransfers(
  transfers: ReadonlyMap<string, TransferTracking>,
  conversations: ReadonlyMap<string, Conversation>,
  now: number,
): ReadonlyMap<string, TransferTracking> {
  let next: Map<string, TransferTracking> | null = null;
  for (const [id, t] of transfers) {
    if (t.outcome !== 'pending') continue;
    const c = conversations.get(id);
    if (c?.pendingTransfer) continue;
    const accepted =
      c !== undefined &&
      t.toRepresentativeId !== null &&
      c.representativeId === t.toRepresentativeId;
    next ??= new Map(transfers);
    next.set(id, { ...t, outcome: accepted ? 'accepted' : 'rejected', resolvedAt: now });
  }
  return next ?? transfers;
}

/** What applying a batch of changes did, for outcome reporting. */
export interface ChangeEffects {
  readonly state: SupervisorState;
  readonly resolvedTransfers: readonly TransferTracking[];
}

/**
 * Applies a batch of changes. Each entity changes only when the change's version is newer than what
 * the store holds, so duplicated and out-of-order events are harmless. Maps are copied at most once
 * per batch.
 */
export function applyChanges(
  state: SupervisorState,
  changes: readonly CentreChange[],
  now: number,
): ChangeEffects {
  const problems: string[] = [];
  let conversations: Map<string, Conversation> | null = null;
  let representatives: Map<string, Representative> | null = null;
  let queues: Map<string, Queue> | null = null;
  let closing: Map<string, number> | null = null;
  let tombstones: Map<string, number> | null = null;
  let transfers: Map<string, TransferTracking> | null = null;
  let settings = state.settings;
  let supervisors: Map<string, Supervisor> | null = null;
  const resolved: TransferTracking[] = [];

  const convs = () => (conversations ??= new Map(state.conversations));
  const closingMap = () => (closing ??= new Map(state.closing));
  const tombs = () => (tombstones ??= new Map(state.tombstones));

  if (!Array.isArray(changes)) {
    return {
      state: withProblems(state, ['Malformed changes: not a list.']),
      resolvedTransfers: [],
    };
  }
  for (const change of changes as readonly unknown[]) {
    const type =
      typeof change === 'object' && change !== null
        ? (change as { type?: unknown }).type
        : undefined;
    const ch = change as CentreChange;
    switch (type) {
      case 'conversation': {
        const parsed = parseConversation(
          (ch as Extract<CentreChange, { type: 'conversation' }>).conversation,
        );
        if (!parsed.ok) {
          problems.push(parsed.error);
          break;
        }
        const c = parsed.value;
        const held = (conversations ?? state.conversations).get(c.id);
        const dead = (tombstones ?? state.tombstones).get(c.id);
        if ((held && held.version >= c.version) || (dead !== undefined && dead >= c.version)) break;
        if (c.status === 'closed') {
          if (held) {
            convs().set(c.id, c);
            closingMap().set(c.id, now);
          }
          // A conversation we never showed closes silently: remember its version only.
          else tombs().set(c.id, c.version);
        } else {
          convs().set(c.id, c);
          if ((closing ?? state.closing).has(c.id)) closingMap().delete(c.id);
        }
        break;
      }
      case 'conversation-removed': {
        const { id, version } = ch as Extract<CentreChange, { type: 'conversation-removed' }>;
        if (typeof id !== 'string' || typeof version !== 'number') {
          problems.push('Malformed conversation-removed change.');
          break;
        }
        const held = (conversations ?? state.conversations).get(id);
        if (held && held.version > version) break;
        if (held) convs().delete(id);
        if ((closing ?? state.closing).has(id)) closingMap().delete(id);
        tombs().set(id, version);
        break;
      }
      case 'representative': {
        const parsed = parseRepresentative(
          (ch as Extract<CentreChange, { type: 'representative' }>).representative,
        );
        if (!parsed.ok) {
          problems.push(parsed.error);
          break;
        }
        const held = (representatives ?? state.representatives).get(parsed.value.id);
        if (held && held.version >= parsed.value.version) break;
        (representatives ??= new Map(state.representatives)).set(parsed.value.id, parsed.value);
        break;
      }
      case 'representative-removed': {
        const { id, version } = ch as Extract<CentreChange, { type: 'representative-removed' }>;
        const held = (representatives ?? state.representatives).get(id);
        if (held && held.version <= version)
          (representatives ??= new Map(state.representatives)).delete(id);
        break;
      }
      case 'queue': {
        const parsed = parseQueue((ch as Extract<CentreChange, { type: 'queue' }>).queue);
        if (parsed.ok) (queues ??= new Map(state.queues)).set(parsed.value.id, parsed.value);
        else problems.push(parsed.error);
        break;
      }
      case 'queue-removed': {
        const { id } = ch as Extract<CentreChange, { type: 'queue-removed' }>;
        if ((queues ?? state.queues).has(id)) (queues ??= new Map(state.queues)).delete(id);
        break;
      }
      case 'settings': {
        const parsed = parseSettings((ch as Extract<CentreChange, { type: 'settings' }>).settings);
        if (parsed.ok) settings = parsed.value;
        else problems.push(parsed.error);
        break;
      }
      case 'supervisor': {
        const parsed = parseSupervisor(
          (ch as Extract<CentreChange, { type: 'supervisor' }>).supervisor,
        );
        if (parsed.ok)
          (supervisors ??= new Map(state.supervisors)).set(parsed.value.id, parsed.value);
        else problems.push(parsed.error);
        break;
      }
      case 'supervisor-removed': {
        const { id } = ch as Extract<CentreChange, { type: 'supervisor-removed' }>;
        // The signed-in supervisor stays named whatever the backend says.
        if (id !== state.supervisor?.id && (supervisors ?? state.supervisors).has(id)) {
          (supervisors ??= new Map(state.supervisors)).delete(id);
        }
        break;
      }
      case 'transfer-resolved': {
        const r = ch as Extract<CentreChange, { type: 'transfer-resolved' }>;
        const tracked = (transfers ?? state.transfers).get(r.conversationId);
        if (!tracked || tracked.outcome !== 'pending') break;
        if (r.outcome !== 'accepted' && r.outcome !== 'rejected') {
          problems.push('Malformed transfer-resolved change.');
          break;
        }
        const done: TransferTracking = { ...tracked, outcome: r.outcome, resolvedAt: now };
        (transfers ??= new Map(state.transfers)).set(r.conversationId, done);
        resolved.push(done);
        break;
      }
      default:
        problems.push(`Unknown change type "${String(type).slice(0, 40)}" skipped.`);
    }
  }

  if (tombstones !== null) capTombstones(tombstones);
  const next: SupervisorState = {
    ...state,
    conversations: conversations ?? state.conversations,
    representatives: representatives ?? state.representatives,
    queues: queues ?? state.queues,
    closing: closing ?? state.closing,
    tombstones: tombstones ?? state.tombstones,
    transfers: transfers ?? state.transfers,
    supervisors: supervisors ?? state.supervisors,
    settings,
    connection: { ...state.connection, lastUpdateAt: now },
  };
  return { state: withProblems(next, problems), resolvedTransfers: resolved };
}

/** Forgets the oldest tombstones beyond `MAX_TOMBSTONES` (a Map iterates in insertion order). */
function capTombstones(t: Map<string, number>): void {
  let excess = t.size - MAX_TOMBSTONES;
  if (excess <= 0) return;
  for (const id of t.keys()) {
    if (excess-- <= 0) break;
    t.delete(id);
  }
}

/**
 * Removes closed conversations whose leaving transition is over. Their tombstones are capped like
 * those of `applyChanges`: in a long session every closed conversation passes through here, and an
 * uncapped map grew by one entry per closed conversation for ever (and was copied on each prune).
 */
export function pruneClosing(
  state: SupervisorState,
  now: number,
  closingMs: number,
): SupervisorState {
  let conversations: Map<string, Conversation> | null = null;
  let closing: Map<string, number> | null = null;
  let tombstones: Map<string, number> | null = null;
  for (const [id, closedAt] of state.closing) {
    if (now - closedAt < closingMs) continue;
    const c = state.conversations.get(id);
    (conversations ??= new Map(state.conversations)).delete(id);
    (closing ??= new Map(state.closing)).delete(id);
    if (c) (tombstones ??= new Map(state.tombstones)).set(id, c.version);
  }
  if (!closing) return state;
  if (tombstones) capTombstones(tombstones);
  return {
    ...state,
    conversations: conversations ?? state.conversations,
    closing,
    tombstones: tombstones ?? state.tombstones,
  };
}

/** A conversation as the supervisor sees it: confirmed state plus their own pending commands. */
export function visibleConversation(state: SupervisorState, id: string): Conversation | undefined {
  const confirmed = state.conversations.get(id);
  if (!confirmed || state.pending.size === 0) return confirmed;
  let c = confirmed;
  for (const p of state.pending.values()) if (p.conversationId === id) c = p.patch(c);
  return c;
}

/** Every conversation as the supervisor sees it (pending commands applied). */
export function visibleConversations(state: SupervisorState): Iterable<Conversation> {
  if (state.pending.size === 0) return state.conversations.values();
  const patched = new Set<string>();
  for (const p of state.pending.values()) patched.add(p.conversationId);
  const out: Conversation[] = [];
  for (const c of state.conversations.values()) {
    out.push(patched.has(c.id) ? (visibleConversation(state, c.id) ?? c) : c);
  }
  return out;
}
