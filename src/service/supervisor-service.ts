/**
 * `SupervisorService`: the one data service every element consumes (through @lit/context). It holds a
 * normalized store fed by a `BackendAdapter`, derives views with RxJS, and runs the supervisor's
 * commands: checked against the domain rules first, applied optimistically, reconciled with the
 * backend's answer and rolled back on failure. It never touches the DOM.
 */
import type { Observable, Subscription } from 'rxjs';
import {
  BehaviorSubject,
  Subject,
  animationFrameScheduler,
  defer,
  auditTime,
  distinctUntilChanged,
  finalize,
  map,
  scan,
  shareReplay,
  startWith,
  type SchedulerLike,
} from 'rxjs';
import type {
  AdapterEvent,
  BackendAdapter,
  CentreChange,
  CommandName,
  CommandResult,
  TargetRef,
  TranscriptEvent,
} from '../adapters/backend-adapter.js';
import {
  canAssign,
  canForceClose,
  canJoin,
  canLeave,
  canMonitor,
  canTransfer,
  checkAssignTarget,
  checkTransferTarget,
  commandError,
  isActionEnabled,
  conversationMatcher,
  queryConversations,
  requeryConversations,
  type AssignOverrides,
  type CommandError,
  type Conversation,
  type ConversationQuery,
  type Queue,
  type Representative,
  type RuleContext,
  type Supervisor,
  type SupervisorSettings,
  type Target,
  type TranscriptMessage,
  type Verdict,
} from '../domain/index.js';
import type { CommandOutcome, Outcome } from './outcomes.js';
import {
  INITIAL_STATE,
  applyChanges,
  applySnapshot,
  pruneClosing,
  visibleConversation,
  visibleConversations,
  type ConnectionState,
  type PendingCommand,
  type SupervisorState,
  type TransferTracking,
} from './state.js';
import { parseMessage } from './validate.js';
import { msg } from '@lit/localize';
import { conflictReport } from './conflict.js';
import {
  canWhisper,
  checkWhisperText,
  whoElseIsHere,
  type SupervisorPresence,
} from '../domain/index.js';
import { planBulk, type BulkAction, type BulkPlan } from '../domain/bulk.js';
import { runBulkPlan, type BulkResult, type BulkRunOptions } from './bulk.js';

/** Options for `SupervisorService`. */
export interface SupervisorServiceOptions {
  /**
   * Where state emissions are coalesced: a burst of changes costs one emission per tick of this
   * scheduler. Default `animationFrameScheduler` (one per frame); tests pass a virtual-time scheduler.
   */
  readonly frameScheduler?: SchedulerLike;
  /** The clock and timers (closing transitions, elapsed times). Default: the frame scheduler. */
  readonly scheduler?: SchedulerLike;
  /** How long a closed conversation stays visible while it leaves the view. Default 1,500 ms. */
  readonly closingMs?: number;
  /** Makes idempotency keys; default `crypto.randomUUID`. */
  readonly createKey?: () => string;
}

/** One row set of the ongoing-conversations view. */
export interface ConversationView {
  readonly query: ConversationQuery;
  /** The conversations matching the query, sorted (closing ones included, status `closed`). */
  readonly rows: readonly Conversation[];
  /** All ongoing conversations before filtering. */
  readonly total: number;
  /** How many of `rows` are closed ones on their way out (so `rows.length - closed` are ongoing). */
  readonly closed: number;
  /** The clock value the view was computed at. */
  readonly now: number;
}

/** A transcript as the monitor panel shows it. */
export interface TranscriptState {
  readonly messages: readonly TranscriptMessage[];
  readonly status: 'loading' | 'live' | 'reconnecting' | 'offline';
  readonly message: string | null;
}

/** A transfer target: a human representative or a queue, by id. */
export type TargetChoice = TargetRef;

/** A command that passed the rules, as sent (kept to send again with the same key). */
interface SentCommand {
  readonly key: string;
  readonly name: CommandName;
  /** The conversation as the supervisor acted on it (its version is the expected version). */
  readonly conversation: Conversation;
  readonly target: TargetRef | undefined;
  readonly patch: (c: Conversation, now: number) => Conversation;
  readonly send: (c: Conversation, key: string) => Promise<CommandResult>;
}

const MAX_RETRYABLE = 50;

const INITIAL_TRANSCRIPT: TranscriptState = { messages: [], status: 'loading', message: null };

/**
 * The supervisor's data service. Create one per page (or per console), give it an adapter, call
 * `connect()`, and provide it to the elements through `supervisorServiceContext`.
 *
 * @example
 * const service = new SupervisorService(new SimulatedCentre({ seed: 7 }));
 * service.connect();
 * console.addEventListener('context-request', …) // or <supervisor-console .service=${service}>
 */
export class SupervisorService {
  /** The adapter this service talks to. */
  readonly adapter: BackendAdapter;

  private readonly frameScheduler: SchedulerLike;
  private readonly scheduler: SchedulerLike;
  private readonly closingMs: number;
  private readonly createKey: () => string;
  private readonly store = new BehaviorSubject<SupervisorState>(INITIAL_STATE);
  private readonly outcomesSubject = new Subject<Outcome>();
  private readonly transcripts = new Map<string, Observable<TranscriptState>>();
  private connection: Subscription | null = null;
  private pruneSubscription: Subscription | null = null;
  private disposed = false;
  /** Failed commands that may be sent again with their own key, newest last. */
  private readonly retryable = new Map<string, SentCommand>();
  /** Set once the adapter sends a `status` event: from then on, only the adapter says what it is. */
  private adapterReportsStatus = false;
  /**
   * Change batches received since the last frame. An adapter may deliver a batch every few
   * milliseconds; applying them once per frame copies the 10,000-entry store once instead of for
   * every batch. Any synchronous read of the state applies them first, so nobody sees it stale.
   */
  private pendingChanges: (readonly CentreChange[])[] = [];
  /**
   * Which conversations may have changed in each recent step of the store (`null`: unknown, e.g. a
   * snapshot), numbered by state. Live views read it to find what changed since they last looked
   * without comparing 10,000 entries. Only ids are kept, never the states themselves.
   */
  private readonly stepOf = new WeakMap<SupervisorState, number>();
  private readonly steps: { readonly step: number; readonly ids: ReadonlySet<string> | null }[] =
    [];
  private step = 0;
  private changesFlush: Subscription | null = null;

  /** The whole store, coalesced to one emission per frame. */
  readonly state$: Observable<SupervisorState>;
  /** Connection state: connecting, live, reconnecting, offline; last update time; data problems. */
  readonly connection$: Observable<ConnectionState>;
  /** The four admin switches (all off until the backend says otherwise). */
  readonly settings$: Observable<SupervisorSettings>;
  /** The signed-in supervisor (null until the first snapshot). */
  readonly supervisor$: Observable<Supervisor | null>;
  /** The centre's supervisors by id, the signed-in one included (who-else-is-here names). */
  readonly supervisors$: Observable<ReadonlyMap<string, Supervisor>>;
  /** Every representative and AI agent, by id. */
  readonly representatives$: Observable<ReadonlyMap<string, Representative>>;
  /** Every queue, by id. */
  readonly queues$: Observable<ReadonlyMap<string, Queue>>;
  /** The rule context (settings, supervisor id, representatives) for the domain rules. */
  readonly ruleContext$: Observable<RuleContext>;
  /** Transfers this supervisor asked for: pending ones, then their answers. */
  readonly transfers$: Observable<readonly TransferTracking[]>;
  /** Commands waiting for the backend's answer. */
  readonly pending$: Observable<readonly PendingCommand[]>;
  /** Every command's outcome (refused, pending, succeeded, failed) and every transfer's answer. */
  readonly outcomes$: Observable<Outcome>;

  constructor(adapter: BackendAdapter, options: SupervisorServiceOptions = {}) {
    this.adapter = adapter;
    this.frameScheduler = options.frameScheduler ?? animationFrameScheduler;
    this.scheduler = options.scheduler ?? this.frameScheduler;
    this.closingMs = options.closingMs ?? 1500;
    this.createKey = options.createKey ?? (() => crypto.randomUUID());

    // One emission per frame however many changes arrive, and the current state at subscription.
    this.state$ = this.store.pipe(
      auditTime(0, this.frameScheduler),
      startWith(undefined),
      map(() => this.current()),
      distinctUntilChanged(),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    const select = <T>(pick: (s: SupervisorState) => T): Observable<T> =>
      this.state$.pipe(
        map(pick),
        distinctUntilChanged(),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
    this.connection$ = select((s) => s.connection);
    this.settings$ = select((s) => s.settings);
    this.supervisor$ = select((s) => s.supervisor);
    this.supervisors$ = select((s) => s.supervisors);
    this.representatives$ = select((s) => s.representatives);
    this.queues$ = select((s) => s.queues);
    this.ruleContext$ = this.state$.pipe(
      map((s) => ({
        settings: s.settings,
        supervisorId: s.supervisor?.id ?? '',
        representatives: s.representatives,
      })),
      distinctUntilChanged(
        (a, b) =>
          a.settings === b.settings &&
          a.supervisorId === b.supervisorId &&
          a.representatives === b.representatives,
      ),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.transfers$ = select((s) => s.transfers).pipe(map((t) => [...t.values()]));
    this.pending$ = select((s) => s.pending).pipe(map((p) => [...p.values()]));
    this.outcomes$ = this.outcomesSubject.asObservable();
  }

  /** The current state, synchronously (not coalesced). */
  get state(): SupervisorState {
    return this.current();
  }

  /** The rule context now. */
  get ruleContext(): RuleContext {
    const s = this.current();
    return {
      settings: s.settings,
      supervisorId: s.supervisor?.id ?? '',
      representatives: s.representatives,
    };
  }

  /** The clock the service uses (the scheduler's `now()`). */
  now(): number {
    return this.scheduler.now();
  }

  /** Opens the adapter's change stream. Calling it again while connected does nothing. */
  connect(): this {
    if (this.connection || this.disposed) return this;
    this.update((s) => ({
      ...s,
      connection: { ...s.connection, status: 'connecting', message: null },
    }));
    this.connection = this.adapter.connect().subscribe({
      next: (event) => this.onAdapterEvent(event),
      error: (err: unknown) => {
        this.connection = null;
        this.setConnection('offline', `The connection failed: ${errorText(err)}`);
      },
      complete: () => {
        this.connection = null;
        this.setConnection('offline', 'The contact centre closed the connection.');
      },
    });
    return this;
  }

  /** Closes the change stream (the state stays as it was, marked offline). */
  disconnect(): void {
    this.connection?.unsubscribe();
    this.connection = null;
    this.pruneSubscription?.unsubscribe();
    this.pruneSubscription = null;
    this.setConnection('offline', null);
  }

  /** Closes everything: streams, timers and subscribers' observables. The service cannot be reused. */
  dispose(): void {
    this.disconnect();
    this.disposed = true;
    this.changesFlush?.unsubscribe();
    this.changesFlush = null;
    this.pendingChanges = [];
    this.transcripts.clear();
    this.outcomesSubject.complete();
    this.store.complete();
  }

  /** A live, coalesced view of the ongoing conversations for a filter and sort. */
  view$(query: ConversationQuery): Observable<ConversationView> {
    return defer(() => {
      let last: { state: SupervisorState; view: ConversationView } | null = null;
      return this.state$.pipe(
        map((state) => {
          const view = (last && this.updateView(last, state)) ?? this.computeView(state, query);
          last = { state, view };
          return view;
        }),
      );
    });
  }

  /**
   * The next view from the previous one when only some conversations changed: at 1,000 changes a
   * second a frame changes a dozen of 10,000 rows, and moving those is far cheaper than filtering
   * and sorting them all. `null` (recompute) when names, queues or optimistic patches changed what
   * the rows look like, or when much changed anyway.
   */
  private updateView(
    last: { state: SupervisorState; view: ConversationView },
    state: SupervisorState,
  ): ConversationView | null {
    const before = last.state;
    if (
      state === before ||
      state.representatives !== before.representatives ||
      state.queues !== before.queues ||
      state.pending.size > 0 ||
      before.pending.size > 0
    ) {
      return state === before ? last.view : null;
    }
    const removed: Conversation[] = [];
    const added: Conversation[] = [];
    const limit = Math.max(64, state.conversations.size / 20);
    const ids = this.changedSince(before, state);
    if (ids) {
      if (ids.size > limit) return null;
      for (const id of ids) {
        const old = before.conversations.get(id);
        const c = state.conversations.get(id);
        if (old === c) continue;
        if (old) removed.push(old);
        if (c) added.push(c);
      }
    } else {
      let kept = 0;
      for (const [id, c] of state.conversations) {
        const old = before.conversations.get(id);
        if (old === c) {
          kept += 1;
          continue;
        }
        if (old) removed.push(old);
        added.push(c);
        if (added.length > limit) return null;
      }
      if (kept + removed.length !== before.conversations.size) {
        for (const [id, old] of before.conversations) {
          if (!state.conversations.has(id)) removed.push(old);
        }
      }
    }
    const now = this.scheduler.now();
    const query = last.view.query;
    const ctx = { now, representatives: state.representatives, queues: state.queues };
    const rows = requeryConversations(last.view.rows, removed, added, query, ctx);
    if (!rows) return null;
    const matches = conversationMatcher(query.filter, ctx);
    const closedIn = (list: readonly Conversation[]) =>
      list.reduce((n, c) => (c.status === 'closed' && matches(c) ? n + 1 : n), 0);
    return {
      query,
      rows,
      total: state.conversations.size - state.closing.size,
      closed: last.view.closed - closedIn(removed) + closedIn(added),
      now,
    };
  }

  /** The ids of conversations that may have changed from `before` to `state`, if the steps say. */
  private changedSince(before: SupervisorState, state: SupervisorState): Set<string> | null {
    const from = this.stepOf.get(before);
    const to = this.stepOf.get(state);
    const oldest = this.steps[0]?.step;
    if (from === undefined || to === undefined || oldest === undefined || from + 1 < oldest) {
      return null;
    }
    const ids = new Set<string>();
    for (const { step, ids: changed } of this.steps) {
      if (step <= from || step > to) continue;
      if (!changed) return null;
      for (const id of changed) ids.add(id);
    }
    return ids;
  }

  /** Computes a view of the current state now (no subscription). */
  computeView(state: SupervisorState, query: ConversationQuery): ConversationView {
    const now = this.scheduler.now();
    const rows = queryConversations(visibleConversations(state), query, {
      now,
      representatives: state.representatives,
      queues: state.queues,
    });
    // Closed rows are the ones leaving (held in `closing`) or force-closed optimistically (pending):
    // with neither there is none, and a pass over every row is saved.
    let closed = 0;
    if (state.closing.size > 0 || state.pending.size > 0) {
      for (const c of rows) if (c.status === 'closed') closed += 1;
    }
    return { query, rows, total: state.conversations.size - state.closing.size, closed, now };
  }

  /** One conversation as the supervisor sees it (with their pending commands), live. */
  conversation$(id: string): Observable<Conversation | undefined> {
    return this.state$.pipe(
      map((s) => visibleConversation(s, id)),
      distinctUntilChanged(),
    );
  }

  /** A conversation as the supervisor sees it now. */
  getConversation(id: string): Conversation | undefined {
    return visibleConversation(this.current(), id);
  }

  /**
   * The transcript of a conversation: the messages so far, then each new one, deduplicated by id.
   * Shared between subscribers; the adapter's stream closes when the last one unsubscribes.
   */
  transcript$(conversationId: string): Observable<TranscriptState> {
    const cached = this.transcripts.get(conversationId);
    if (cached) return cached;
    const stream: Observable<TranscriptState> = this.adapter.transcript(conversationId).pipe(
      scan(reduceTranscript, INITIAL_TRANSCRIPT),
      startWith(INITIAL_TRANSCRIPT),
      distinctUntilChanged(),
      // Forgotten when the last subscriber leaves (or the stream ends), so a long session that
      // monitors conversation after conversation keeps no stream per conversation it ever watched.
      finalize(() => {
        if (this.transcripts.get(conversationId) === stream)
          this.transcripts.delete(conversationId);
      }),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.transcripts.set(conversationId, stream);
    return stream;
  }

  // ----- Commands -----------------------------------------------------------------------------

  /** Assigns an Open, unassigned conversation to a human representative or a queue. */
  assign(
    conversationId: string,
    target: TargetRef,
    overrides: AssignOverrides = {},
  ): Promise<CommandOutcome> {
    return this.run(
      'assign',
      conversationId,
      target,
      (ctx, c) =>
        this.checkTarget(canAssign(ctx, c), target, (t) => checkAssignTarget(ctx, c, t, overrides)),
      (c, now) =>
        target.type === 'queue'
          ? { ...c, queueId: target.id }
          : { ...c, representativeId: target.id, status: 'active', acceptedAt: now },
      (c, key) =>
        this.adapter.assign({
          conversationId: c.id,
          expectedVersion: c.version,
          idempotencyKey: key,
          target,
          overridePresence: overrides.presence === true,
          overrideCapacity: overrides.capacity === true,
        }),
    );
  }

  /** Transfers an Active or Waiting messaging conversation to another human or a queue. */
  transfer(conversationId: string, target: TargetRef): Promise<CommandOutcome> {
    return this.run(
      'transfer',
      conversationId,
      target,
      (ctx, c) =>
        this.checkTarget(canTransfer(ctx, c), target, (t) => checkTransferTarget(ctx, c, t)),
      (c, now) => ({
        ...c,
        pendingTransfer: {
          fromRepresentativeId: c.representativeId ?? '',
          toRepresentativeId: target.type === 'representative' ? target.id : null,
          toQueueId: target.type === 'queue' ? target.id : null,
          requestedAt: now,
          supervisorId: this.ruleContext.supervisorId,
        },
      }),
      (c, key) =>
        this.adapter.transfer({
          conversationId: c.id,
          expectedVersion: c.version,
          idempotencyKey: key,
          target,
        }),
    );
  }

  /** Force-closes a voice or messaging conversation (call only after the supervisor confirmed). */
  forceClose(conversationId: string): Promise<CommandOutcome> {
    return this.simple('forceClose', conversationId, canForceClose, (c) => ({
      ...c,
      status: 'closed',
    }));
  }

  /** Starts silently monitoring an Active or Wrap-up conversation. */
  monitor(conversationId: string): Promise<CommandOutcome> {
    return this.simple('monitor', conversationId, canMonitor, (c) => ({
      ...c,
      monitoredBy: addId(c.monitoredBy, this.ruleContext.supervisorId),
    }));
  }

  /** Stops monitoring (and leaves, if joined). */
  unmonitor(conversationId: string): Promise<CommandOutcome> {
    return this.simple(
      'unmonitor',
      conversationId,
      (ctx, c) =>
        c.monitoredBy.includes(ctx.supervisorId)
          ? { allowed: true }
          : {
              allowed: false,
              reason: 'not-monitoring',
              detail: 'You are not monitoring this conversation.',
            },
      (c) => ({
        ...c,
        monitoredBy: c.monitoredBy.filter((id) => id !== this.ruleContext.supervisorId),
        joinedBy: c.joinedBy.filter((id) => id !== this.ruleContext.supervisorId),
      }),
    );
  }

  /** Joins a monitored conversation as a visible participant. */
  join(conversationId: string): Promise<CommandOutcome> {
    return this.simple('join', conversationId, canJoin, (c) => ({
      ...c,
      joinedBy: addId(c.joinedBy, this.ruleContext.supervisorId),
    }));
  }

  /** Leaves a joined conversation; monitoring goes on. */
  leave(conversationId: string): Promise<CommandOutcome> {
    return this.simple('leave', conversationId, canLeave, (c) => ({
      ...c,
      joinedBy: c.joinedBy.filter((id) => id !== this.ruleContext.supervisorId),
    }));
  }

  /**
   * Whispers to the representative of a monitored messaging conversation: a private transcript
   * message the customer never sees. Checked with `checkWhisperText` and `canWhisper` first (refused
   * outcome otherwise); not optimistic (the message appears when the transcript brings it).
   */
  whisper(conversationId: string, text: string): Promise<CommandOutcome> {
    const trimmed = typeof text === 'string' ? text.trim() : '';
    return this.run(
      'whisper',
      conversationId,
      undefined,
      (ctx, c) => {
        const ok = checkWhisperText(trimmed);
        return ok.allowed ? canWhisper(ctx, c) : ok;
      },
      (c) => c,
      (c, key) =>
        // A host adapter written before whispers existed: say so instead of "unreachable".
        typeof this.adapter.whisper === 'function'
          ? this.adapter.whisper({
              conversationId: c.id,
              expectedVersion: c.version,
              idempotencyKey: key,
              text: trimmed,
            })
          : Promise.resolve({
              ok: false,
              error: commandError('invalid', msg('This contact centre does not support whispers.')),
            }),
    );
  }

  /** A supervisor's display name by id (the id itself when the centre did not name them). */
  supervisorName(id: string): string {
    return this.current().supervisors.get(id)?.name || id;
  }

  /**
   * The other supervisors on a conversation now (joined, monitoring, or who made its last change),
   * for the table and the monitor panel; empty for an unknown conversation.
   */
  whoElseIsHere(conversationId: string): SupervisorPresence[] {
    const s = this.current();
    const c = visibleConversation(s, conversationId);
    return c ? whoElseIsHere(c, s.supervisor?.id ?? '', s.supervisors) : [];
  }

  /**
   * Can this failed command be sent again as it was? True after an `unavailable` or `rate-limited`
   * failure: the backend may or may not have applied it, so only the same idempotency key is safe.
   */
  canRetry(outcome: Pick<CommandOutcome, 'id'>): boolean {
    return this.retryable.has(outcome.id);
  }

  /**
   * Sends a failed command again with the same idempotency key and the same expected version: a
   * backend that had applied it answers as it did, so it is never applied twice. For other failures
   * (or an unknown id) the outcome is `refused`: start the command afresh instead.
   */
  retry(outcome: Pick<CommandOutcome, 'id'>): Promise<CommandOutcome> {
    const command = this.retryable.get(outcome.id);
    if (command) return this.dispatch(command);
    const previous = outcome as Partial<CommandOutcome>;
    return Promise.resolve(
      this.finish({
        id: outcome.id,
        command: previous.command ?? 'assign',
        conversationId: previous.conversationId ?? '',
        status: 'refused',
        error: commandError('invalid', 'There is nothing to retry: start the action again.'),
        at: this.now(),
      }),
    );
  }

  // ----- Bulk interventions (see ./bulk.ts) -------------------------------------------------------

  /**
   * Plans a bulk intervention over selected conversation ids, from the state now: one row per id with
   * the rules' verdict and what will happen (the preview the supervisor confirms). Sends nothing.
   */
  planBulk(action: BulkAction, conversationIds: Iterable<string>): BulkPlan {
    return planBulk(action, conversationIds, {
      ...this.ruleContext,
      queues: this.state.queues,
      getConversation: (id) => this.getConversation(id),
    });
  }

  /**
   * Runs a confirmed plan: each allowed row through the single command (`assign` to the queue or
   * `forceClose`: rules checked again, optimistic, idempotent, rolled back on failure, outcomes on
   * `outcomes$`), at most `concurrency` (default 4) at once. Rows the plan refused are never sent.
   * Resolves (never rejects) with one result per row once every row has ended.
   */
  runBulk(plan: BulkPlan, options: BulkRunOptions = {}): Promise<BulkResult> {
    const action = plan.action;
    return runBulkPlan(
      plan,
      (row) =>
        action.kind === 'force-close'
          ? this.forceClose(row.conversationId)
          : this.assign(row.conversationId, { type: 'queue', id: action.queueId }),
      options,
    );
  }

  /** Plans and runs "assign to this queue" over the selected ids (see `planBulk`, `runBulk`). */
  bulkAssignToQueue(
    conversationIds: Iterable<string>,
    queueId: string,
    options: BulkRunOptions = {},
  ): Promise<BulkResult> {
    return this.runBulk(this.planBulk({ kind: 'assign-queue', queueId }, conversationIds), options);
  }

  /** Plans and runs "force close" over the selected ids (call only after the supervisor confirmed). */
  bulkForceClose(
    conversationIds: Iterable<string>,
    options: BulkRunOptions = {},
  ): Promise<BulkResult> {
    return this.runBulk(this.planBulk({ kind: 'force-close' }, conversationIds), options);
  }

  /** Is this action offered at all (its admin switch on)? */
  isEnabled(action: Parameters<typeof isActionEnabled>[1]): boolean {
    return isActionEnabled(this.current().settings, action);
  }

  // ----- internals ----------------------------------------------------------------------------

  private simple(
    name: CommandName,
    conversationId: string,
    rule: (ctx: RuleContext, c: Conversation) => Verdict,
    patch: (c: Conversation) => Conversation,
  ): Promise<CommandOutcome> {
    const call = {
      forceClose: this.adapter.forceClose,
      monitor: this.adapter.monitor,
      unmonitor: this.adapter.unmonitor,
      join: this.adapter.join,
      leave: this.adapter.leave,
    }[name as 'forceClose'];
    return this.run(name, conversationId, undefined, rule, patch, (c, key) =>
      call.call(this.adapter, {
        conversationId: c.id,
        expectedVersion: c.version,
        idempotencyKey: key,
      }),
    );
  }

  /** The conversation's own verdict first (so a switch that is off always wins), then the target's. */
  private checkTarget(base: Verdict, target: TargetRef, check: (t: Target) => Verdict): Verdict {
    if (!base.allowed) return base;
    const resolved = this.resolveTarget(target);
    if (resolved) return check(resolved);
    return {
      allowed: false,
      reason: 'unknown-target',
      detail: 'That representative or queue no longer exists.',
    };
  }

  private resolveTarget(target: TargetRef): Target | undefined {
    const s = this.current();
    if (target.type === 'queue') {
      const queue = s.queues.get(target.id);
      return queue && { type: 'queue', queue };
    }
    const representative = s.representatives.get(target.id);
    return representative && { type: 'representative', representative };
  }

  /**
   * The one path every command takes: rules → optimistic patch → adapter → reconcile or roll back,
   * with an outcome at each step.
   */
  private async run(
    name: CommandName,
    conversationId: string,
    target: TargetRef | undefined,
    rule: (ctx: RuleContext, c: Conversation) => Verdict,
    patch: (c: Conversation, now: number) => Conversation,
    send: (c: Conversation, key: string) => Promise<CommandResult>,
  ): Promise<CommandOutcome> {
    const key = this.createKey();
    const base = { id: key, command: name, conversationId, ...(target ? { target } : {}) };
    const conversation = this.getConversation(conversationId);
    if (!conversation) {
      return this.finish({
        ...base,
        status: 'refused',
        error: commandError('not-found'),
        at: this.now(),
      });
    }
    const verdict = rule(this.ruleContext, conversation);
    if (!verdict.allowed) {
      // A switch that is off is the admin's setting, not the role problem `forbidden` explains.
      const kind = verdict.reason === 'unknown-target' ? 'not-found' : 'invalid';
      const error = commandError(kind, verdict.detail, { reason: verdict.reason });
      return this.finish({ ...base, status: 'refused', error, at: this.now() });
    }
    return this.dispatch({ key, name, conversation, target, patch, send });
  }

  /**
   * Sends an accepted command: optimistic patch, the adapter's answer, reconcile or roll back. A
   * failure whose outcome is unknown (the backend unreachable or busy) stays retryable with the same
   * idempotency key, so a command whose answer was lost is never applied twice.
   */
  private async dispatch(command: SentCommand): Promise<CommandOutcome> {
    const { key, name, conversation, target, patch, send } = command;
    const base = {
      id: key,
      command: name,
      conversationId: conversation.id,
      ...(target ? { target } : {}),
    };
    this.retryable.delete(key);
    const startedAt = this.now();
    const pending: PendingCommand = {
      key,
      name,
      conversationId: conversation.id,
      startedAt,
      ...(target ? { target } : {}),
      patch: (c) => patch(c, startedAt),
    };
    this.update((s) => ({ ...s, pending: withEntry(s.pending, key, pending) }));
    this.finish({ ...base, status: 'pending', at: startedAt });

    let result: CommandResult;
    try {
      result = await send(conversation, key);
      if (!isCommandResult(result)) {
        result = {
          ok: false,
          error: commandError('unavailable', 'The backend sent an answer that could not be read.'),
        };
      }
    } catch (err) {
      result = {
        ok: false,
        error: commandError(
          'unavailable',
          `The contact centre could not be reached: ${errorText(err)}`,
        ),
      };
    }

    this.update((s) => {
      let next: SupervisorState = { ...s, pending: withoutEntry(s.pending, key) };
      if (result.ok && result.conversation) {
        next = applyChanges(
          next,
          [{ type: 'conversation', conversation: result.conversation }],
          this.now(),
        ).state;
      }
      if (name === 'transfer') next = this.trackTransfer(next, conversation, target, result.ok);
      // A conflict answer may carry the conversation as it is now: show it at once.
      const current =
        !result.ok && result.error.kind === 'conflict' ? result.error.current : undefined;
      if (current) {
        next = applyChanges(
          next,
          [{ type: 'conversation', conversation: current }],
          this.now(),
        ).state;
      }
      return next;
    });
    if (result.ok) return this.finish({ ...base, status: 'succeeded', at: this.now() });
    if (result.error.kind === 'unavailable' || result.error.kind === 'rate-limited') {
      this.retryable.set(key, command);
      // Keep the newest few: an old uncertain command is better started afresh.
      for (const old of this.retryable.keys()) {
        if (this.retryable.size <= MAX_RETRYABLE) break;
        this.retryable.delete(old);
      }
    }
    // A stale action is explained, never applied blindly: who changed it and what changed since.
    const conflict =
      result.error.kind === 'conflict'
        ? { conflict: conflictReport(conversation, result.error.current, this.current()) }
        : {};
    return this.finish({
      ...base,
      status: 'failed',
      error: result.error,
      ...conflict,
      at: this.now(),
    });
  }

  private finish(outcome: CommandOutcome): CommandOutcome {
    this.outcomesSubject.next(outcome);
    return outcome;
  }

  private trackTransfer(
    state: SupervisorState,
    c: Conversation,
    target: TargetRef | undefined,
    ok: boolean,
  ): SupervisorState {
    if (!target || !ok) return state;
    const now = this.now();
    // A queue transfer needs no one's answer: it is done when the backend says so.
    const toQueue = target.type === 'queue';
    const tracking: TransferTracking = {
      conversationId: c.id,
      fromRepresentativeId: c.representativeId,
      toRepresentativeId: toQueue ? null : target.id,
      toQueueId: toQueue ? target.id : null,
      requestedAt: now,
      outcome: toQueue ? 'accepted' : 'pending',
      resolvedAt: toQueue ? now : null,
    };
    return { ...state, transfers: withEntry(state.transfers, c.id, tracking) };
  }

  private onAdapterEvent(event: AdapterEvent): void {
    const now = this.now();
    switch (event?.type) {
      case 'snapshot':
        this.update((s) => {
          const next = applySnapshot(s, event.snapshot, now);
          // An adapter that never reports its status is live once its data arrives.
          if (this.adapterReportsStatus) return next;
          return { ...next, connection: { ...next.connection, status: 'live', message: null } };
        });
        return;
      case 'changes':
        // Malformed (not a list): applied at once, which reports it as a problem.
        if (Array.isArray(event.changes)) this.queueChanges(event.changes);
        else this.commitChanges(event.changes, now);
        return;
      case 'status':
        this.adapterReportsStatus = true;
        this.setConnection(event.status, event.message ?? null);
        return;
      case 'problem':
        this.update((s) => ({
          ...s,
          connection: {
            ...s.connection,
            problems: [...s.connection.problems, String(event.message)].slice(-20),
          },
        }));
        return;
      default:
        this.update((s) => ({
          ...s,
          connection: {
            ...s.connection,
            problems: [
              ...s.connection.problems,
              'An unknown event from the backend was skipped.',
            ].slice(-20),
          },
        }));
    }
  }

  /** Keeps a batch for the frame and arms the frame's emission (`state$` audits the store). */
  private queueChanges(changes: readonly CentreChange[]): void {
    this.pendingChanges.push(changes);
    if (this.changesFlush) return;
    this.changesFlush = this.frameScheduler.schedule(() => {
      this.changesFlush = null;
      this.flushChanges();
    });
    this.store.next(this.store.value);
  }

  /** Applies the batches received since the last frame, in order, as one batch. */
  private flushChanges(): void {
    if (this.pendingChanges.length === 0) return;
    const batches = this.pendingChanges;
    this.pendingChanges = [];
    this.commitChanges(batches.length === 1 ? batches[0]! : batches.flat(), this.now());
  }

  /** The state with every received change applied. */
  private current(): SupervisorState {
    if (this.pendingChanges.length > 0) this.flushChanges();
    return this.store.value;
  }

  private commitChanges(changes: readonly CentreChange[], now: number): void {
    if (this.disposed) return;
    const { state, resolvedTransfers } = applyChanges(this.store.value, changes, now);
    this.commit(state, conversationIdsOf(changes));
    if (state.closing.size > 0) this.schedulePrune();
    for (const t of resolvedTransfers) {
      if (t.outcome !== 'accepted' && t.outcome !== 'rejected') continue;
      this.outcomesSubject.next({
        id: `transfer:${t.conversationId}:${t.requestedAt}`,
        command: 'transfer',
        conversationId: t.conversationId,
        status: t.outcome,
        toRepresentativeId: t.toRepresentativeId,
        at: now,
      });
    }
  }

  /**
   * Puts a new state in the store, noting which conversations may have changed: `ids` when the
   * caller knows them, none when the conversations are the same map (otherwise: unknown).
   */
  private commit(next: SupervisorState, ids?: Iterable<string>): void {
    const before = this.store.value;
    if (next !== before) {
      this.step += 1;
      this.stepOf.set(next, this.step);
      const changed =
        next.conversations === before.conversations ? NO_IDS : ids ? new Set(ids) : null;
      this.steps.push({ step: this.step, ids: changed });
      if (this.steps.length > 64) this.steps.shift();
    }
    this.store.next(next);
  }

  private schedulePrune(): void {
    if (this.pruneSubscription && !this.pruneSubscription.closed) return;
    this.pruneSubscription = this.scheduler.schedule(() => {
      this.pruneSubscription = null;
      const next = pruneClosing(this.current(), this.now(), this.closingMs);
      if (next !== this.store.value) this.commit(next, this.store.value.closing.keys());
      if (next.closing.size > 0) this.schedulePrune();
    }, this.closingMs / 3);
  }

  private setConnection(status: ConnectionState['status'], message: string | null): void {
    this.update((s) => ({ ...s, connection: { ...s.connection, status, message } }));
  }

  private update(change: (s: SupervisorState) => SupervisorState): void {
    if (this.disposed) return;
    this.commit(change(this.current()));
  }
}

function reduceTranscript(state: TranscriptState, event: TranscriptEvent): TranscriptState {
  switch (event?.type) {
    case 'snapshot': {
      const messages = (Array.isArray(event.messages) ? event.messages : [])
        .map(parseMessage)
        .flatMap((p) => (p.ok ? [p.value] : []));
      return { messages: mergeMessages([], messages), status: 'live', message: null };
    }
    case 'message': {
      const parsed = parseMessage(event.message);
      if (!parsed.ok) return state;
      const messages = mergeMessages(state.messages, [parsed.value]);
      return messages === state.messages ? state : { ...state, messages };
    }
    case 'status':
      return {
        ...state,
        status: event.status === 'connecting' ? 'loading' : event.status,
        message: event.message ?? null,
      };
    default:
      return state;
  }
}

/** Adds messages, skipping ids already present, keeping time order. */
function mergeMessages(
  current: readonly TranscriptMessage[],
  added: readonly TranscriptMessage[],
): readonly TranscriptMessage[] {
  const seen = new Set(current.map((m) => m.id));
  const fresh = added.filter((m) => !seen.has(m.id) && (seen.add(m.id), true));
  if (fresh.length === 0) return current;
  const all = [...current, ...fresh];
  const last = current[current.length - 1];
  if (last === undefined || fresh.every((m) => m.at >= last.at)) return all;
  return all.sort((a, b) => a.at - b.at);
}

function isCommandResult(value: unknown): value is CommandResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { kind?: unknown; message?: unknown } };
  if (v.ok === true) return true;
  return v.ok === false && typeof v.error?.kind === 'string';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function addId(list: readonly string[], id: string): readonly string[] {
  return list.includes(id) ? list : [...list, id];
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const next = new Map(map);
  next.set(key, value);
  return next;
}

function withoutEntry<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  const next = new Map(map);
  next.delete(key);
  return next;
}

export type { CommandError };

const NO_IDS: ReadonlySet<string> = new Set();

/** The conversations a batch of changes names (malformed entries are skipped by the reducer too). */
function conversationIdsOf(changes: readonly CentreChange[]): string[] {
  const ids: string[] = [];
  if (!Array.isArray(changes)) return ids;
  for (const change of changes as readonly unknown[]) {
    const ch = change as { type?: unknown; id?: unknown; conversation?: { id?: unknown } | null };
    if (ch?.type === 'conversation' && typeof ch.conversation?.id === 'string') {
      ids.push(ch.conversation.id);
    } else if (ch?.type === 'conversation-removed' && typeof ch.id === 'string') {
      ids.push(ch.id);
    }
  }
  return ids;
}
