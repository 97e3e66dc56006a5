/**
 * `SimulatedCentre`: an in-memory contact centre behind the `BackendAdapter` contract, so the demo,
 * the stories and the tests run without a server. Conversations arrive, are routed, paused, wrapped
 * up and closed; representatives change presence; customers write and their sentiment drifts; the
 * supervisor's commands are checked with the same domain rules as the client and answered after a
 * latency; transfer targets accept or reject after a delay. Faults can be switched on at any time.
 *
 * All time comes from the `scheduler` option (virtual in tests). The lifecycle runs only while someone
 * is connected: when the last `connect()` subscriber leaves, the ticking stops, and `activeWork`
 * counts what is still scheduled (command answers and transfer answers finish on their own).
 */
import { Observable, type Subscriber, type Subscription } from 'rxjs';
import { commandError } from '../../domain/index.js';
import type {
  Conversation,
  Queue,
  Representative,
  Supervisor,
  SupervisorSettings,
  TranscriptMessage,
} from '../../domain/index.js';
import type {
  AdapterEvent,
  AssignCommand,
  BackendAdapter,
  CentreChange,
  CentreSnapshot,
  CommandBase,
  CommandName,
  CommandResult,
  SimpleCommand,
  TranscriptEvent,
  TransferCommand,
  WhisperCommand,
} from '../backend-adapter.js';
import * as commands from './commands.js';
import type { CommandContext, CommandOutcome } from './commands.js';
import {
  NO_FAULTS,
  applyEventFaults,
  consume,
  hits,
  injectedError,
  mergeFaults,
  type EventFaultState,
  type FaultsPatch,
  type SimulatorFaults,
} from './faults.js';
import { step } from './lifecycle.js';
import {
  drawDuration,
  resolveOptions,
  type ResolvedOptions,
  type SimulatorOptions,
} from './options.js';
import { Random } from './random.js';
import { seedWorld } from './seed-world.js';
import { supervise } from './supervise.js';
import { ensureTranscript, liveMessage } from './transcripts.js';
import { Work } from './work.js';
import { findConversation, type World } from './world.js';

/** The lifecycle's tick: changes are produced and delivered in one batch per tick. */
export const TICK_MS = 100;

/** How many command results are remembered for idempotent retries (oldest forgotten first). */
export const IDEMPOTENCY_MEMORY = 1000;

/** A `connect()` subscriber and where its connection stands. */
interface Listener {
  readonly subscriber: Subscriber<AdapterEvent>;
  /** `connecting` until its first snapshot; `reconnecting` after `dropStream()`. */
  state: 'connecting' | 'live' | 'reconnecting';
  /** The pending snapshot delivery, if any. */
  timer: Subscription | null;
}

/** The subscribers of one conversation's transcript and the producer of its live messages. */
interface Watch {
  readonly subscribers: Set<Subscriber<TranscriptEvent>>;
  timer: Subscription | null;
}

/** An in-memory simulated contact centre implementing `BackendAdapter`. */
export class SimulatedCentre implements BackendAdapter {
  /** The options with every default filled in. */
  readonly options: ResolvedOptions;

  private readonly world: World;
  private readonly work: Work;
  /** Separate random streams, so commands and watched transcripts never shift the lifecycle's. */
  private readonly rng: Random;
  private readonly commandRng: Random;
  private readonly transcriptRng: Random;
  private readonly faultRng: Random;
  private readonly supervisorRng: Random;
  /** Fractional other-supervisor actions owed (see `supervisorActionsPerSecond`). */
  private supervisorBudget = 0;

  private rate: number;
  private budget = 0;
  private ticking: Subscription | null = null;
  private readonly listeners = new Set<Listener>();
  private currentFaults: SimulatorFaults = NO_FAULTS;
  private readonly eventFaults: EventFaultState = { carry: null };
  private readonly results = new Map<string, CommandResult>();
  private readonly transferTimers = new Map<string, Subscription>();
  private readonly watches = new Map<string, Watch>();
  /** Commands not answered yet (answered `unavailable` by `dispose()`, so no promise hangs). */
  private readonly unanswered = new Set<(result: CommandResult) => void>();

  /** @param options sizes, seed, clock, rates, delays and starting faults; all optional. */
  constructor(options: SimulatorOptions = {}) {
    this.options = resolveOptions(options);
    const { seed, scheduler } = this.options;
    this.rng = new Random(seed);
    this.commandRng = Random.derive(seed, 'commands');
    this.transcriptRng = Random.derive(seed, 'transcripts');
    this.faultRng = Random.derive(seed, 'faults');
    this.supervisorRng = Random.derive(seed, 'supervisors');
    this.work = new Work(scheduler);
    this.rate = this.options.changesPerSecond;
    this.world = seedWorld(this.options, this.rng);
    this.world.onMessage = (message) => this.deliverMessage(message);
    if (options.faults) this.setFaults(options.faults);
  }

  // ── The change stream ──────────────────────────────────────────────────────────────────────────

  /**
   * Cold: each subscriber gets `status: connecting`, then (after the command latency) its own
   * `snapshot` and `status: live`, then the shared `changes` batches. The lifecycle ticks while at
   * least one subscriber has had its snapshot; unsubscribing the last one stops it.
   */
  connect(): Observable<AdapterEvent> {
    return new Observable<AdapterEvent>((subscriber) => {
      const listener: Listener = { subscriber, state: 'connecting', timer: null };
      this.listeners.add(listener);
      subscriber.next({ type: 'status', status: 'connecting' });
      this.scheduleSnapshot(listener, this.latency());
      return () => {
        listener.timer?.unsubscribe();
        this.listeners.delete(listener);
        this.updateTicking();
      };
    });
  }

  /** Everything the supervisor sees right now (ongoing conversations only). */
  snapshot(): CentreSnapshot {
    const { world } = this;
    return {
      supervisor: world.supervisor,
      supervisors: [...world.supervisors.values()],
      settings: world.settings,
      conversations: [...world.conversations.values()],
      representatives: [...world.representatives.values()],
      queues: world.queues,
    };
  }

  private scheduleSnapshot(listener: Listener, delayMs: number): void {
    const deliver = (): void => {
      listener.timer = null;
      if (!this.listeners.has(listener)) return;
      listener.subscriber.next({ type: 'snapshot', snapshot: this.snapshot() });
      listener.state = 'live';
      listener.subscriber.next({ type: 'status', status: 'live' });
      this.updateTicking();
    };
    if (delayMs <= 0) deliver();
    else listener.timer = this.work.after(delayMs, deliver);
  }

  /** Ticks while anyone has had a snapshot (also while reconnecting: the world goes on meanwhile). */
  private updateTicking(): void {
    let wanted = false;
    for (const l of this.listeners) if (l.state !== 'connecting') wanted = true;
    if (wanted && !this.ticking) {
      this.budget = 0;
      this.ticking = this.work.every(TICK_MS, () => this.tick());
    } else if (!wanted && this.ticking) {
      this.ticking.unsubscribe();
      this.ticking = null;
      this.eventFaults.carry = null;
    }
  }

  private tick(): void {
    const perTick = (this.rate * TICK_MS) / 1000;
    this.budget += perTick;
    const batch: CentreChange[] = [];
    // A step may produce nothing (e.g. nobody had room); bound the retries so a stuck world is cheap.
    let attempts = Math.ceil(this.budget) * 3 + 3;
    while (this.budget >= 1 && attempts-- > 0) {
      const changes = step(this.world, this.rng);
      for (const change of changes) batch.push(change);
      this.budget -= changes.length;
    }
    if (this.budget > 1) this.budget = 1;
    // The other supervisors act on their own random stream (the lifecycle's draws stay as they were),
    // and rest when the lifecycle does: a rate of 0 freezes the whole centre.
    if (this.rate > 0) {
      this.supervisorBudget += (this.options.supervisorActionsPerSecond * TICK_MS) / 1000;
      while (this.supervisorBudget >= 1) {
        this.supervisorBudget -= 1;
        for (const change of supervise(this.world, this.supervisorRng)) batch.push(change);
      }
    }
    this.publish(batch);
  }

  /** Delivers a batch to every live subscriber, through the event faults. */
  private publish(changes: readonly CentreChange[]): void {
    if (changes.length === 0 && !this.eventFaults.carry) return;
    let anyLive = false;
    for (const l of this.listeners) if (l.state === 'live') anyLive = true;
    if (!anyLive) return;
    const delivered = applyEventFaults(
      changes,
      this.currentFaults,
      this.faultRng,
      this.eventFaults,
    );
    if (delivered.length === 0) return;
    const event: AdapterEvent = { type: 'changes', changes: delivered };
    for (const l of this.listeners) if (l.state === 'live') l.subscriber.next(event);
  }

  /**
   * Simulates a dropped stream: every live subscriber gets `status: reconnecting`, misses the changes
   * meanwhile, and after `delayMs` (default `reconnectDelayMs`) gets a fresh `snapshot` and `live`.
   */
  dropStream(delayMs: number = this.options.reconnectDelayMs): void {
    for (const l of this.listeners) {
      if (l.state !== 'live') continue;
      l.state = 'reconnecting';
      l.subscriber.next({
        type: 'status',
        status: 'reconnecting',
        message: 'The connection to the contact centre was lost; reconnecting…',
      });
      this.scheduleSnapshot(l, delayMs);
    }
  }

  /** Changes the lifecycle's rate (changes per second) from the next tick on. */
  setRate(changesPerSecond: number): void {
    this.rate = Math.max(0, changesPerSecond);
  }

  /** The lifecycle's current rate. */
  get changesPerSecond(): number {
    return this.rate;
  }

  /** Changes admin switches (the rest stay) and emits a `settings` change. */
  setSettings(patch: Partial<SupervisorSettings>): void {
    this.world.settings = { ...this.world.settings, ...patch };
    this.publish([{ type: 'settings', settings: this.world.settings }]);
  }

  /** The admin switches now. */
  get settings(): SupervisorSettings {
    return this.world.settings;
  }

  /** The signed-in supervisor. */
  get supervisor(): Supervisor {
    return this.world.supervisor;
  }

  /** Every supervisor of the centre, the signed-in one first. */
  get supervisors(): readonly Supervisor[] {
    return [...this.world.supervisors.values()];
  }

  // ── Faults ─────────────────────────────────────────────────────────────────────────────────────

  /** Switches faults on or off (any subset; the rest stay as they are). */
  setFaults(patch: FaultsPatch): void {
    this.currentFaults = mergeFaults(this.currentFaults, patch);
  }

  /** The faults now (scoped faults count down `remaining` and switch off at 0). */
  get faults(): SimulatorFaults {
    return this.currentFaults;
  }

  // ── Commands ───────────────────────────────────────────────────────────────────────────────────

  /** Assigns an Open, unassigned conversation to a person (overrides allowed) or another queue. */
  assign(command: AssignCommand): Promise<CommandResult> {
    return this.run('assign', command, commands.assign);
  }

  /** Transfers to a person (pending until they answer) or to a queue (immediate). */
  transfer(command: TransferCommand): Promise<CommandResult> {
    return this.run('transfer', command, commands.transfer);
  }

  /** Ends a voice or messaging conversation. */
  forceClose(command: SimpleCommand): Promise<CommandResult> {
    return this.run('forceClose', command, commands.forceClose);
  }

  /** Starts silent monitoring. */
  monitor(command: SimpleCommand): Promise<CommandResult> {
    return this.run('monitor', command, commands.monitor);
  }

  /** Stops monitoring (leaving first if joined); never refused by the switch. */
  unmonitor(command: SimpleCommand): Promise<CommandResult> {
    return this.run('unmonitor', command, commands.unmonitor);
  }

  /** Joins a monitored conversation as a visible participant. */
  join(command: SimpleCommand): Promise<CommandResult> {
    return this.run('join', command, commands.join);
  }

  /** Leaves a joined conversation (monitoring goes on). */
  leave(command: SimpleCommand): Promise<CommandResult> {
    return this.run('leave', command, commands.leave);
  }

  /** Whispers to the representative: a `representatives`-only transcript message. */
  whisper(command: WhisperCommand): Promise<CommandResult> {
    return this.run('whisper', command, commands.whisper);
  }

  private latency(): number {
    return (
      drawDuration(this.options.commandLatencyMs, this.commandRng) + this.currentFaults.latencyMs
    );
  }

  /** Answers after the latency, on the scheduler; never rejects. */
  private run<C extends CommandBase>(
    name: CommandName,
    command: C,
    handler: (ctx: CommandContext, command: C) => CommandOutcome,
  ): Promise<CommandResult> {
    return new Promise((resolve) => {
      this.unanswered.add(resolve);
      this.work.after(this.latency(), () => {
        this.unanswered.delete(resolve);
        resolve(this.execute(name, command, handler));
      });
    });
  }

  private execute<C extends CommandBase>(
    name: CommandName,
    command: C,
    handler: (ctx: CommandContext, command: C) => CommandOutcome,
  ): CommandResult {
    // Commands may come from JSON (the REST mock): refuse malformed ones instead of throwing.
    if (
      typeof command?.conversationId !== 'string' ||
      typeof command.expectedVersion !== 'number' ||
      typeof command.idempotencyKey !== 'string'
    ) {
      return { ok: false, error: commandError('invalid', 'The command is malformed.') };
    }
    const key = command.idempotencyKey;
    const prior = key ? this.results.get(key) : undefined;
    if (prior) return prior;

    const injected = this.currentFaults.commandError;
    if (hits(injected, name)) {
      this.currentFaults = { ...this.currentFaults, commandError: consume(injected) };
      const current = findConversation(this.world, command.conversationId)?.version;
      // Not remembered: an injected failure means the request never got through; a retry may apply.
      return { ok: false, error: injectedError(injected, current) };
    }

    const outcome = handler({ world: this.world, seed: this.options.seed }, command);
    this.publish(outcome.changes);
    if (outcome.awaitsAnswer) this.scheduleTransferAnswer(command.conversationId);
    this.cancelStaleTransferAnswer(command.conversationId);
    if (key) this.remember(key, outcome.result);

    const lost = this.currentFaults.failAfterApply;
    if (hits(lost, name)) {
      this.currentFaults = { ...this.currentFaults, failAfterApply: consume(lost) };
      return {
        ok: false,
        error: commandError(
          'unavailable',
          'The contact centre did not answer in time. The action may have been applied; retrying is safe.',
        ),
      };
    }
    return outcome.result;
  }

  private remember(key: string, result: CommandResult): void {
    this.results.set(key, result);
    if (this.results.size > IDEMPOTENCY_MEMORY) {
      const oldest = this.results.keys().next();
      if (!oldest.done) this.results.delete(oldest.value);
    }
  }

  /**
   * The target answers after `transferAnswerDelayMs`: accepts with `transferAcceptProbability`, always
   * rejects when offline at answer time. Decided at request time, so a run stays reproducible.
   */
  private scheduleTransferAnswer(id: string): void {
    const to = this.world.conversations.get(id)?.pendingTransfer?.toRepresentativeId;
    if (!to) return;
    const delay = drawDuration(this.options.transferAnswerDelayMs, this.commandRng);
    const willing = this.commandRng.chance(this.options.transferAcceptProbability);
    const timer = this.work.after(delay, () => {
      this.transferTimers.delete(id);
      const accept = willing && this.world.representatives.get(to)?.presence !== 'offline';
      this.publish(commands.answerTransfer(this.world, id, accept));
    });
    this.transferTimers.set(id, timer);
  }

  /** A force-closed conversation's transfer will never be answered: drop its timer. */
  private cancelStaleTransferAnswer(id: string): void {
    const timer = this.transferTimers.get(id);
    if (timer && !this.world.conversations.get(id)?.pendingTransfer) {
      timer.unsubscribe();
      this.transferTimers.delete(id);
    }
  }

  // ── Transcripts ────────────────────────────────────────────────────────────────────────────────

  /**
   * Cold: a `snapshot` of the messages so far (a plausible history is generated when first asked),
   * then each new `message` while subscribed; the simulator writes new messages for a watched
   * conversation every few seconds. Unknown id: `status: offline`, then complete.
   */
  transcript(conversationId: string): Observable<TranscriptEvent> {
    return new Observable<TranscriptEvent>((subscriber) => {
      const messages = ensureTranscript(this.world, this.options.seed, conversationId);
      if (!messages) {
        subscriber.next({
          type: 'status',
          status: 'offline',
          message: `Conversation "${conversationId}" does not exist.`,
        });
        subscriber.complete();
        return undefined;
      }
      subscriber.next({ type: 'snapshot', messages: [...messages] });
      this.watch(conversationId, subscriber);
      return () => this.unwatch(conversationId, subscriber);
    });
  }

  /** How many subscribers watch this conversation's transcript now. */
  transcriptSubscribers(conversationId: string): number {
    return this.watches.get(conversationId)?.subscribers.size ?? 0;
  }

  /** The transcript so far, without generating one (empty when nobody asked for it yet). */
  transcriptMessages(conversationId: string): readonly TranscriptMessage[] {
    return [...(this.world.transcripts.get(conversationId) ?? [])];
  }

  private watch(id: string, subscriber: Subscriber<TranscriptEvent>): void {
    let w = this.watches.get(id);
    if (!w) {
      w = { subscribers: new Set(), timer: null };
      this.watches.set(id, w);
    }
    w.subscribers.add(subscriber);
    if (!w.timer) this.produceLater(id, w);
  }

  private unwatch(id: string, subscriber: Subscriber<TranscriptEvent>): void {
    const w = this.watches.get(id);
    if (!w) return;
    w.subscribers.delete(subscriber);
    if (w.subscribers.size === 0) {
      w.timer?.unsubscribe();
      this.watches.delete(id);
    }
  }

  /** Writes the next live message after a random interval, while the conversation is ongoing. */
  private produceLater(id: string, w: Watch): void {
    if (!this.world.conversations.has(id)) {
      w.timer = null;
      return;
    }
    const delay = drawDuration(this.options.transcriptIntervalMs, this.transcriptRng);
    w.timer = this.work.after(delay, () => {
      this.publish(liveMessage(this.world, this.transcriptRng, id));
      if (this.watches.get(id) === w) this.produceLater(id, w);
    });
  }

  private deliverMessage(message: TranscriptMessage): void {
    const w = this.watches.get(message.conversationId);
    if (!w) return;
    const event: TranscriptEvent = { type: 'message', message };
    for (const s of w.subscribers) s.next(event);
  }

  // ── Read access (the backend's true state) and housekeeping ─────────────────────────────────────

  /** An ongoing or recently closed conversation, as the backend holds it. */
  getConversation(id: string): Conversation | undefined {
    return findConversation(this.world, id);
  }

  /** A representative (human, AI agent, or the supervisor's own record). */
  getRepresentative(id: string): Representative | undefined {
    return this.world.representatives.get(id);
  }

  /** Every ongoing conversation. */
  conversations(): readonly Conversation[] {
    return [...this.world.conversations.values()];
  }

  /** Every representative. */
  representatives(): readonly Representative[] {
    return [...this.world.representatives.values()];
  }

  /** The queues. */
  queues(): readonly Queue[] {
    return this.world.queues;
  }

  /**
   * Scheduled work still pending: the lifecycle's tick, snapshot deliveries, transcript producers,
   * command answers and transfer answers. 0 means no timer is left.
   */
  get activeWork(): number {
    return this.work.size;
  }

  /**
   * Stops everything: cancels all scheduled work, answers unanswered commands `unavailable` (nothing
   * was applied) and completes every stream.
   */
  dispose(): void {
    this.work.cancelAll();
    const gone = commandError('unavailable', 'The simulated contact centre was shut down.');
    for (const answer of [...this.unanswered]) answer({ ok: false, error: gone });
    this.unanswered.clear();
    this.ticking = null;
    this.transferTimers.clear();
    for (const l of [...this.listeners]) l.subscriber.complete();
    this.listeners.clear();
    for (const w of [...this.watches.values()]) for (const s of [...w.subscribers]) s.complete();
    this.watches.clear();
  }
}
