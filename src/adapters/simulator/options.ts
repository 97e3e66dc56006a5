/**
 * The simulated centre's options and their defaults. Every option is optional: `new SimulatedCentre()`
 * gives a lively, reproducible centre of about 60 conversations on real time.
 */
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { Supervisor, SupervisorSettings } from '../../domain/index.js';
import type { SimulatorFaults } from './faults.js';

/** A duration: a fixed number of milliseconds, or a `[min, max]` range drawn from at random. */
export type DurationRange = number | readonly [min: number, max: number];

/** Options of `SimulatedCentre`. */
export interface SimulatorOptions {
  /** Seed of the pseudo-random generator: the same seed (and the same commands) gives the same run. Default 1. */
  readonly seed?: number;
  /** Ongoing conversations at start, kept roughly constant afterwards (5 … 10,000 and more). Default 60. */
  readonly conversations?: number;
  /** Human representatives. Default: one per 5 conversations, at least 6. */
  readonly representatives?: number;
  /** AI agents. Default: one per 40 conversations, at least 2. */
  readonly aiAgents?: number;
  /** Queues. Default: 3 to 10, growing with the conversations. */
  readonly queues?: number;
  /** Lifecycle changes per second (batched per 100 ms tick; 1,000+ is fine). Default 5. */
  readonly changesPerSecond?: number;
  /**
   * The clock for everything: timestamps (`scheduler.now()`), ticks, latency and answer delays. Pass a
   * `VirtualTimeScheduler` or `TestScheduler` in tests. Default `asyncScheduler`.
   */
  readonly scheduler?: SchedulerLike;
  /** The signed-in supervisor. Default `{ id: 'sup-1', name: 'Sam Supervisor' }`. */
  readonly supervisor?: Supervisor;
  /** The admin switches; unspecified ones are on. */
  readonly settings?: Partial<SupervisorSettings>;
  /** How long a transfer target takes to accept or reject. Default `[2000, 5000]`. */
  readonly transferAnswerDelayMs?: DurationRange;
  /** Probability that a transfer target accepts (an offline target always rejects). Default 0.8. */
  readonly transferAcceptProbability?: number;
  /** Delay before a command is applied and answered, and before `connect()`'s snapshot. Default 150. */
  readonly commandLatencyMs?: DurationRange;
  /**
   * Also make the supervisor a representative with one conversation of their own, so "you cannot
   * monitor a conversation assigned to you" shows. The lifecycle leaves that conversation alone
   * (only the supervisor acts on it). Default true.
   */
  readonly supervisorTakesConversations?: boolean;
  /** After `dropStream()`, how long until the fresh snapshot. Default 2000. */
  readonly reconnectDelayMs?: number;
  /** Interval between live transcript messages of a watched conversation. Default `[2000, 6000]`. */
  readonly transcriptIntervalMs?: DurationRange;
  /** Faults active from the start (see `setFaults`). Default none. */
  readonly faults?: Partial<SimulatorFaults>;
  /**
   * Other supervisors of the centre who now and then monitor, join, leave and assign, so
   * who-else-is-here shows live data. 0 turns them off. Default 3.
   */
  readonly otherSupervisors?: number;
  /** How often, per second, one of the other supervisors does something. Default 0.3. */
  readonly supervisorActionsPerSecond?: number;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly seed: number;
  readonly conversations: number;
  readonly representatives: number;
  readonly aiAgents: number;
  readonly queues: number;
  readonly changesPerSecond: number;
  readonly scheduler: SchedulerLike;
  readonly supervisor: Supervisor;
  readonly settings: SupervisorSettings;
  readonly transferAnswerDelayMs: DurationRange;
  readonly transferAcceptProbability: number;
  readonly commandLatencyMs: DurationRange;
  readonly supervisorTakesConversations: boolean;
  readonly reconnectDelayMs: number;
  readonly transcriptIntervalMs: DurationRange;
  readonly otherSupervisors: number;
  readonly supervisorActionsPerSecond: number;
}

/** The default supervisor. */
export const DEFAULT_SUPERVISOR: Supervisor = Object.freeze({
  id: 'sup-1',
  name: 'Sam Supervisor',
});

function count(value: number | undefined, fallback: number, min = 0): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.max(min, Math.floor(value))
    : fallback;
}

/** Fills in the defaults (sizes scale with the number of conversations). */
export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const conversations = count(options.conversations, 60);
  return {
    seed: count(options.seed, 1),
    conversations,
    representatives: count(options.representatives, Math.max(6, Math.ceil(conversations / 5)), 1),
    aiAgents: count(options.aiAgents, Math.max(2, Math.ceil(conversations / 40))),
    queues: count(options.queues, Math.min(10, Math.max(3, Math.ceil(conversations / 100))), 1),
    changesPerSecond: Math.max(0, options.changesPerSecond ?? 5),
    scheduler: options.scheduler ?? asyncScheduler,
    supervisor: options.supervisor ?? DEFAULT_SUPERVISOR,
    settings: {
      monitor: true,
      assign: true,
      transfer: true,
      forceClose: true,
      ...options.settings,
    },
    transferAnswerDelayMs: options.transferAnswerDelayMs ?? [2000, 5000],
    transferAcceptProbability: options.transferAcceptProbability ?? 0.8,
    commandLatencyMs: options.commandLatencyMs ?? 150,
    supervisorTakesConversations: options.supervisorTakesConversations ?? true,
    reconnectDelayMs: options.reconnectDelayMs ?? 2000,
    transcriptIntervalMs: options.transcriptIntervalMs ?? [2000, 6000],
    otherSupervisors: count(options.otherSupervisors, 3),
    supervisorActionsPerSecond: Math.max(0, options.supervisorActionsPerSecond ?? 0.3),
  };
}

/** Draws a duration: the fixed value, or uniformly within the `[min, max]` range. */
export function drawDuration(
  range: DurationRange,
  rng: { between(min: number, max: number): number },
): number {
  if (typeof range === 'number') return Math.max(0, range);
  const [min, max] = range;
  return Math.max(0, Math.round(rng.between(min, Math.max(min, max))));
}
