/**
 * The contract between `SupervisorService` and a contact-centre backend. Implement it to connect the
 * elements to your own backend (Dynamics, Genesys, your own API); the library ships an in-memory
 * simulated contact centre and a REST + streaming adapter.
 *
 * Rules for implementers:
 * - `connect()` emits a `snapshot` first, then `changes` and `status` events. After a reconnect that lost
 *   events, emit a fresh `snapshot`: the service replaces its state with it.
 * - Every conversation and representative carries a `version` that increases with each change. The
 *   service applies a change only when its version is newer than what it holds, so duplicated and
 *   out-of-order events are harmless.
 * - Commands resolve to a `CommandResult`; they should not reject. A rejected promise or a thrown error
 *   is reported to the supervisor as `unavailable`.
 * - A command carries an `idempotencyKey`: the same key twice must not apply the command twice.
 * - A command carries `expectedVersion`, the conversation version the supervisor acted on; answer
 *   `conflict` when the conversation has moved on in a way that matters, with the conversation as it
 *   is now in `error.current` when you can (the console then says who changed it and what changed).
 * - Set `lastChange` on conversations when you know who changed them; silent monitoring is never
 *   visible to participants and is not a change.
 */
import type { Observable } from 'rxjs';
import type {
  CommandError,
  Conversation,
  Queue,
  Representative,
  Supervisor,
  SupervisorSettings,
  TranscriptMessage,
} from '../domain/index.js';

/** Everything the supervisor sees, at one moment. */
export interface CentreSnapshot {
  /** The signed-in supervisor. */
  readonly supervisor: Supervisor;
  /**
   * The centre's supervisors, the signed-in one included, so the console can name who else is
   * monitoring or acting on a conversation. Optional: a backend that does not know them omits it.
   */
  readonly supervisors?: readonly Supervisor[];
  readonly settings: SupervisorSettings;
  /** Ongoing conversations (closed ones may be omitted). */
  readonly conversations: readonly Conversation[];
  readonly representatives: readonly Representative[];
  readonly queues: readonly Queue[];
}

/** One change to the centre's state. */
export type CentreChange =
  | { readonly type: 'conversation'; readonly conversation: Conversation }
  /** The conversation is gone from the ongoing view (e.g. deleted); closing sends `conversation`. */
  | { readonly type: 'conversation-removed'; readonly id: string; readonly version: number }
  | { readonly type: 'representative'; readonly representative: Representative }
  | { readonly type: 'representative-removed'; readonly id: string; readonly version: number }
  | { readonly type: 'queue'; readonly queue: Queue }
  | { readonly type: 'queue-removed'; readonly id: string }
  | { readonly type: 'settings'; readonly settings: SupervisorSettings }
  /** A supervisor came on shift or changed (e.g. their name); keyed by id. */
  | { readonly type: 'supervisor'; readonly supervisor: Supervisor }
  /** A supervisor left the centre (their ids in `monitoredBy` etc. are shown by id from then on). */
  | { readonly type: 'supervisor-removed'; readonly id: string }
  /** A transfer the supervisor asked for was answered by its target. */
  | {
      readonly type: 'transfer-resolved';
      readonly conversationId: string;
      readonly outcome: 'accepted' | 'rejected';
      readonly toRepresentativeId: string | null;
      readonly at: number;
    };

/** The connection's state as the supervisor is told it. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** What `connect()` emits. */
export type AdapterEvent =
  | { readonly type: 'snapshot'; readonly snapshot: CentreSnapshot }
  | { readonly type: 'changes'; readonly changes: readonly CentreChange[] }
  | { readonly type: 'status'; readonly status: ConnectionStatus; readonly message?: string }
  /** Input the adapter could not use (malformed data): reported, then skipped. */
  | { readonly type: 'problem'; readonly message: string };

/** An assign or transfer target, by id. */
export type TargetRef =
  | { readonly type: 'representative'; readonly id: string }
  | { readonly type: 'queue'; readonly id: string };

/** Fields every command carries. */
export interface CommandBase {
  readonly conversationId: string;
  /** The conversation version the supervisor acted on (stale-action refusal). */
  readonly expectedVersion: number;
  /** Unique per intended action; reused on retries so a command is never applied twice. */
  readonly idempotencyKey: string;
}

export interface AssignCommand extends CommandBase {
  readonly target: TargetRef;
  readonly overridePresence: boolean;
  readonly overrideCapacity: boolean;
}

export interface TransferCommand extends CommandBase {
  readonly target: TargetRef;
}

/**
 * A whisper: a private message to the conversation's representative that the customer never sees
 * (a transcript message with `author: 'supervisor'` and `visibility: 'representatives'`). Only while
 * the supervisor monitors a messaging conversation (see `canWhisper`); idempotent like every command.
 */
export interface WhisperCommand extends CommandBase {
  /** The message, plain text (trimmed; 1 … `WHISPER_MAX_LENGTH` characters). */
  readonly text: string;
}

/** Commands with no more than the base fields: force close, monitor, stop monitoring, join, leave. */
export type SimpleCommand = CommandBase;

/** A command's answer: success with the conversation as it is now, or a typed error. */
export type CommandResult =
  | { readonly ok: true; readonly conversation?: Conversation }
  | { readonly ok: false; readonly error: CommandError };

/** What a transcript stream emits: the messages so far, then each new one. */
export type TranscriptEvent =
  | { readonly type: 'snapshot'; readonly messages: readonly TranscriptMessage[] }
  | { readonly type: 'message'; readonly message: TranscriptMessage }
  | { readonly type: 'status'; readonly status: ConnectionStatus; readonly message?: string };

/** A contact-centre backend, as the supervisor service uses it. */
export interface BackendAdapter {
  /**
   * Opens the change stream: a `snapshot`, then `changes`, `status` and `problem` events.
   * Unsubscribing closes it and stops all work done for it.
   */
  connect(): Observable<AdapterEvent>;
  /** Assigns an Open, unassigned conversation to a representative or a queue. */
  assign(command: AssignCommand): Promise<CommandResult>;
  /** Transfers to another human or a queue; the answer comes later as `transfer-resolved`. */
  transfer(command: TransferCommand): Promise<CommandResult>;
  /** Ends a voice or messaging conversation; it becomes Closed. */
  forceClose(command: SimpleCommand): Promise<CommandResult>;
  /** Starts silent monitoring: nothing visible to the representative or the customer. */
  monitor(command: SimpleCommand): Promise<CommandResult>;
  /** Stops monitoring (leaving first if joined). */
  unmonitor(command: SimpleCommand): Promise<CommandResult>;
  /** Joins a monitored conversation as a visible participant. */
  join(command: SimpleCommand): Promise<CommandResult>;
  /** Leaves a joined conversation (monitoring goes on). */
  leave(command: SimpleCommand): Promise<CommandResult>;
  /**
   * Sends a private message only the representative sees (never the customer) on a monitored
   * messaging conversation. Refused like any command (`invalid` with the rule's reason, `conflict`).
   */
  whisper(command: WhisperCommand): Promise<CommandResult>;
  /** The transcript of a conversation: snapshot, then live messages, until unsubscribed. */
  transcript(conversationId: string): Observable<TranscriptEvent>;
}

/** The command names of the adapter, for tables of commands (fault injection, logs). */
export type CommandName =
  'assign' | 'transfer' | 'forceClose' | 'monitor' | 'unmonitor' | 'join' | 'leave' | 'whisper';
