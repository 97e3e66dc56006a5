/**
 * The simulated centre's true state and the only functions that change it. Every change goes through
 * `addConversation`, `updateConversation` or `updateRepresentative`, which bump versions, keep the
 * per-status indexes and keep the capacity invariant: a representative's `capacity.used` is the sum of
 * `costOf` over the non-closed conversations they are primary on.
 */
import { costOf } from '../../domain/index.js';
import type {
  ActorRef,
  ChangeAction,
  Conversation,
  LastChange,
  ConversationStatus,
  Queue,
  Representative,
  RuleContext,
  Supervisor,
  SupervisorSettings,
  TranscriptMessage,
} from '../../domain/index.js';
import type { CentreChange } from '../backend-adapter.js';
import type { IdSet } from './id-set.js';

/** Every status but `closed`: the ones the world indexes. */
export type OngoingStatus = Exclude<ConversationStatus, 'closed'>;

/** The ongoing statuses, in life order. */
export const ONGOING: readonly OngoingStatus[] = ['open', 'active', 'waiting', 'wrap-up'];

/** How many closed conversations stay readable (for late commands, transcripts and tests). */
export const CLOSED_MEMORY = 1000;

/** The backend's state. Mutable on purpose: it is private to the simulator and changed in place. */
export interface World {
  readonly supervisor: Supervisor;
  /** Every supervisor of the centre, the signed-in one first (who-else-is-here names them). */
  readonly supervisors: ReadonlyMap<string, Supervisor>;
  /** The simulated other supervisors (not the signed-in one), whose activity `supervise` draws. */
  readonly otherSupervisorIds: readonly string[];
  /** Per other supervisor: the conversations they monitor (see `supervise.ts`). */
  readonly watching: Map<string, string[]>;
  settings: SupervisorSettings;
  readonly queues: readonly Queue[];
  readonly queueById: ReadonlyMap<string, Queue>;
  /** Ongoing (non-closed) conversations. */
  readonly conversations: Map<string, Conversation>;
  /** The most recently closed conversations, oldest first, at most `CLOSED_MEMORY`. */
  readonly closed: Map<string, Conversation>;
  readonly representatives: Map<string, Representative>;
  /** Ongoing conversation ids per status, for O(1) random picks. */
  readonly byStatus: Readonly<Record<OngoingStatus, IdSet>>;
  /** Human representatives the router may pick, per queue (the supervisor is never routed to). */
  readonly humansByQueue: ReadonlyMap<string, readonly string[]>;
  /** Every routable human (excludes the supervisor's own representative record). */
  readonly humanIds: readonly string[];
  readonly aiIds: readonly string[];
  /**
   * Per conversation: the version at which a field commands depend on last changed (see
   * `RELEVANT_FIELDS`). A command made against an older version is a conflict.
   */
  readonly relevantVersion: Map<string, number>;
  /** Transcripts generated so far (only for conversations someone asked about). */
  readonly transcripts: Map<string, TranscriptMessage[]>;
  /** How many ongoing conversations the lifecycle keeps (closed ones are replaced by arrivals). */
  targetSize: number;
  /** Number of the next conversation id (`c-<n>`). */
  nextConversation: number;
  /** The current time in epoch ms (the scheduler's clock). */
  readonly now: () => number;
  /** Called for every transcript message appended (the centre forwards it to subscribers). */
  onMessage: (message: TranscriptMessage) => void;
}

/**
 * The conversation fields commands depend on. A command carrying an older `expectedVersion` is
 * refused as a conflict only when one of these changed since; sentiment, timestamps and monitoring
 * changes alone do not make the supervisor's decision stale.
 */
export const RELEVANT_FIELDS = [
  'status',
  'representativeId',
  'queueId',
  'pendingTransfer',
  'mode',
] as const satisfies readonly (keyof Conversation)[];

function relevantChanged(prev: Conversation, next: Conversation): boolean {
  return RELEVANT_FIELDS.some((field) => prev[field] !== next[field]);
}

/** A `lastChange` patch: who did it, what, now. Spread it into `updateConversation`'s patch. */
export function changedBy(
  world: World,
  by: ActorRef,
  action: ChangeAction,
): { readonly lastChange: LastChange } {
  return { lastChange: { by, action, at: world.now() } };
}

/** The actors the simulator's changes name. */
export const SYSTEM: ActorRef = Object.freeze({ type: 'system', id: null });
export const CUSTOMER: ActorRef = Object.freeze({ type: 'customer', id: null });

/** A representative as the actor of a change (the system when nobody is assigned). */
export function representativeActor(id: string | null): ActorRef {
  return id === null ? SYSTEM : { type: 'representative', id };
}

/** A supervisor as the actor of a change. */
export function supervisorActor(id: string): ActorRef {
  return { type: 'supervisor', id };
}

/** The rule context the domain functions need, read from the world. */
export function ruleContext(world: World): RuleContext {
  return {
    settings: world.settings,
    supervisorId: world.supervisor.id,
    representatives: world.representatives,
  };
}

/** An ongoing or recently closed conversation. */
export function findConversation(world: World, id: string): Conversation | undefined {
  return world.conversations.get(id) ?? world.closed.get(id);
}

/** The representative holding capacity for `c`: its primary, while not closed. */
function holder(c: Conversation): string | null {
  return c.status === 'closed' ? null : c.representativeId;
}

/** Changes a representative (version + 1) and returns the change to emit. */
export function updateRepresentative(
  world: World,
  id: string,
  patch: Partial<Omit<Representative, 'id' | 'version'>>,
): CentreChange {
  const prev = world.representatives.get(id);
  if (!prev) throw new Error(`Unknown representative ${id}`);
  const next: Representative = { ...prev, ...patch, version: prev.version + 1 };
  world.representatives.set(id, next);
  return { type: 'representative', representative: next };
}

function moveCapacity(world: World, id: string, delta: number): CentreChange | null {
  const rep = world.representatives.get(id);
  if (!rep || delta === 0) return null;
  return updateRepresentative(world, id, {
    capacity: { total: rep.capacity.total, used: rep.capacity.used + delta },
  });
}

/** Adds a new conversation (an arrival) and returns the changes to emit. */
export function addConversation(world: World, c: Conversation): CentreChange[] {
  if (c.status === 'closed') throw new Error('Cannot add a closed conversation');
  world.conversations.set(c.id, c);
  world.byStatus[c.status].add(c.id);
  world.relevantVersion.set(c.id, c.version);
  const changes: CentreChange[] = [{ type: 'conversation', conversation: c }];
  const h = holder(c);
  if (h) {
    const change = moveCapacity(world, h, costOf(c));
    if (change) changes.push(change);
  }
  return changes;
}

/**
 * Changes an ongoing conversation (version + 1): moves it between status indexes, moves capacity
 * when its primary or its closedness changes, and files it away when it closes. Returns the changes
 * to emit: the conversation first, then any representative whose capacity moved.
 */
export function updateConversation(
  world: World,
  id: string,
  patch: Partial<Omit<Conversation, 'id' | 'version'>>,
): CentreChange[] {
  const prev = world.conversations.get(id);
  if (!prev) throw new Error(`Unknown or closed conversation ${id}`);
  const next: Conversation = { ...prev, ...patch, version: prev.version + 1 };
  const changes: CentreChange[] = [{ type: 'conversation', conversation: next }];

  const before = holder(prev);
  const after = holder(next);
  if (before !== after) {
    const cost = costOf(prev);
    if (before) {
      const change = moveCapacity(world, before, -cost);
      if (change) changes.push(change);
    }
    if (after) {
      const change = moveCapacity(world, after, costOf(next));
      if (change) changes.push(change);
    }
  }

  if (relevantChanged(prev, next)) world.relevantVersion.set(id, next.version);
  if (prev.status !== next.status) world.byStatus[prev.status as OngoingStatus].delete(id);
  if (next.status === 'closed') {
    world.conversations.delete(id);
    world.closed.set(id, next);
    if (world.closed.size > CLOSED_MEMORY) forgetOldestClosed(world);
  } else {
    world.conversations.set(id, next);
    world.byStatus[next.status].add(id);
  }
  return changes;
}

function forgetOldestClosed(world: World): void {
  const oldest = world.closed.keys().next();
  if (oldest.done) return;
  world.closed.delete(oldest.value);
  world.relevantVersion.delete(oldest.value);
  world.transcripts.delete(oldest.value);
}

/**
 * Checks the capacity invariant over the whole world (O(n): for tests and debugging only).
 * Returns the ids of representatives whose `capacity.used` is wrong, with expected and actual.
 */
export function capacityMismatches(
  world: World,
): { id: string; expected: number; actual: number }[] {
  const expected = new Map<string, number>();
  for (const c of world.conversations.values()) {
    const h = holder(c);
    if (h) expected.set(h, (expected.get(h) ?? 0) + costOf(c));
  }
  const wrong: { id: string; expected: number; actual: number }[] = [];
  for (const rep of world.representatives.values()) {
    const want = expected.get(rep.id) ?? 0;
    if (rep.capacity.used !== want)
      wrong.push({ id: rep.id, expected: want, actual: rep.capacity.used });
  }
  return wrong;
}
