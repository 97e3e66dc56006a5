/**
 * What happened to each intervention, as the supervisor is told it. Every command the service accepts
 * or refuses produces outcomes on `SupervisorService.outcomes$`; the console's log, the dialogs and
 * the tests read them.
 */
import type { CommandName, TargetRef } from '../adapters/backend-adapter.js';
import type { CommandError } from '../domain/index.js';
import type { ConflictReport } from './conflict.js';

/** The life of one command: refused by the rules, pending, then succeeded or failed. */
export type OutcomeStatus = 'refused' | 'pending' | 'succeeded' | 'failed';

/** One step of a command, or a transfer's answer. */
export interface CommandOutcome {
  /** The command's idempotency key (shared by all outcomes of one command and its retries). */
  readonly id: string;
  readonly command: CommandName;
  readonly conversationId: string;
  readonly status: OutcomeStatus;
  readonly target?: TargetRef;
  /** Set when `status` is `refused` or `failed`. */
  readonly error?: CommandError;
  /**
   * Set when the command failed as a `conflict`: who changed the conversation since the supervisor
   * looked, and what changed ("changed by NAME: here is what changed").
   */
  readonly conflict?: ConflictReport;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** A transfer's answer from its target. */
export interface TransferOutcome {
  readonly id: string;
  readonly command: 'transfer';
  readonly conversationId: string;
  readonly status: 'accepted' | 'rejected';
  readonly toRepresentativeId: string | null;
  readonly at: number;
}

/** Everything `outcomes$` emits. */
export type Outcome = CommandOutcome | TransferOutcome;
