/**
 * Fault switches: make the simulated centre misbehave on purpose, so the service's error handling,
 * retries, reconnects and validation can be seen and tested. All off by default.
 */
import { commandError } from '../../domain/index.js';
import type { CommandError, CommandErrorKind, Conversation } from '../../domain/index.js';
import type { CentreChange, CommandName } from '../backend-adapter.js';
import type { Random } from './random.js';

/** Which commands a fault hits, and how many more times (then it switches itself off). */
export interface FaultScope {
  /** Only these commands; all when omitted. */
  readonly commands?: readonly CommandName[];
  /** How many more commands it hits; unlimited when omitted. */
  readonly remaining?: number;
}

/** Make matching commands fail with a typed error (nothing is applied). */
export interface CommandErrorFault extends FaultScope {
  readonly kind: CommandErrorKind;
  /** For `rate-limited`: the `retryAfterMs` to answer with. Default 1000. */
  readonly retryAfterMs?: number;
  /** A message instead of the standard sentence (a `forbidden` error always keeps the role guidance). */
  readonly message?: string;
}

/** The fault switches (see `SimulatedCentre.setFaults`). */
export interface SimulatorFaults {
  /** Extra latency added to every command's answer (and to a snapshot), in ms. */
  readonly latencyMs: number;
  /** Matching commands fail with this error, without being applied. */
  readonly commandError: CommandErrorFault | null;
  /**
   * Matching commands are applied, but the answer is lost: they resolve `unavailable`. A retry with
   * the same idempotency key then gets the real result without applying twice.
   */
  readonly failAfterApply: FaultScope | null;
  /** Probability that a change is delivered twice. */
  readonly duplicateEvents: number;
  /** Probability that a change swaps places with its neighbour (within a batch or into the next). */
  readonly reorderEvents: number;
  /** Probability that a malformed change is slipped in after a change. */
  readonly malformedEvents: number;
}

/** All faults off. */
export const NO_FAULTS: SimulatorFaults = Object.freeze({
  latencyMs: 0,
  commandError: null,
  failAfterApply: null,
  duplicateEvents: 0,
  reorderEvents: 0,
  malformedEvents: 0,
});

/** What `setFaults` accepts: any subset; `failAfterApply: true` means every command. */
export type FaultsPatch = Partial<Omit<SimulatorFaults, 'failAfterApply'>> & {
  readonly failAfterApply?: FaultScope | boolean | null;
};

/** Merges a patch into the current faults (`true`/`false` for `failAfterApply` mean all/none). */
export function mergeFaults(current: SimulatorFaults, patch: FaultsPatch): SimulatorFaults {
  const { failAfterApply, ...rest } = patch;
  // `{ commandError: undefined }` leaves a fault as it is rather than setting it to undefined.
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const merged: SimulatorFaults = { ...current, ...defined };
  if (failAfterApply === undefined) return merged;
  return {
    ...merged,
    failAfterApply: failAfterApply === true ? {} : failAfterApply === false ? null : failAfterApply,
  };
}

/** Does a scoped fault hit this command (and is it not used up)? */
export function hits(scope: FaultScope | null, command: CommandName): scope is FaultScope {
  if (!scope) return false;
  if (scope.remaining !== undefined && scope.remaining <= 0) return false;
  return !scope.commands || scope.commands.includes(command);
}

/** The scope after one hit: `remaining` counts down, and reaching 0 switches the fault off. */
export function consume<T extends FaultScope>(scope: T): T | null {
  if (scope.remaining === undefined) return scope;
  return scope.remaining <= 1 ? null : { ...scope, remaining: scope.remaining - 1 };
}

/** The typed error an injected `commandError` fault answers with. */
export function injectedError(
  fault: CommandErrorFault,
  currentVersion: number | undefined,
): CommandError {
  switch (fault.kind) {
    case 'forbidden':
      // Always the reference page's role guidance: the UI must never show a generic failure here.
      return commandError('forbidden', fault.message);
    case 'conflict':
      return commandError('conflict', fault.message, { currentVersion: currentVersion ?? 0 });
    case 'rate-limited':
      return commandError('rate-limited', fault.message, {
        retryAfterMs: fault.retryAfterMs ?? 1000,
      });
    default:
      return commandError(fault.kind, fault.message);
  }
}

/** Malformed changes a broken backend might send; typed as changes on purpose (they are not). */
const MALFORMED: readonly ((c: Conversation | undefined) => unknown)[] = [
  // A conversation missing most of its fields, with a newer version: tempting to apply.
  (c) => ({
    type: 'conversation',
    conversation: { id: c?.id ?? 'c-0', version: (c?.version ?? 0) + 1 },
  }),
  // A status of the wrong type. (Not an unknown status *string*: clients must accept those as a
  // newer backend's values, so such an event would be indistinguishable from a real change.)
  (c) =>
    c ? { type: 'conversation', conversation: { ...c, status: 42, version: c.version + 1 } } : null,
  () => ({ type: 'conversation', conversation: null }),
  () => ({ type: 'representative' }),
  () => ({ type: 'no-such-change', payload: 42 }),
  () => 'not even an object',
];

/** Carried between batches: a change held back by reordering, delivered with the next batch. */
export interface EventFaultState {
  carry: CentreChange | null;
}

/**
 * Applies the event faults to one outgoing batch: duplicates, swaps neighbours (and sometimes holds
 * the last change back for the next batch), slips in malformed changes. Returns the batch to deliver
 * (the input untouched when every probability is 0, so the fast path allocates nothing).
 */
export function applyEventFaults(
  batch: readonly CentreChange[],
  faults: SimulatorFaults,
  rng: Random,
  state: EventFaultState,
): readonly CentreChange[] {
  const { duplicateEvents, reorderEvents, malformedEvents } = faults;
  if (duplicateEvents <= 0 && reorderEvents <= 0 && malformedEvents <= 0 && !state.carry)
    return batch;
  const out: CentreChange[] = [];
  if (state.carry) {
    out.push(state.carry);
    state.carry = null;
  }
  for (const change of batch) {
    out.push(change);
    if (duplicateEvents > 0 && rng.chance(duplicateEvents)) out.push(change);
    if (malformedEvents > 0 && rng.chance(malformedEvents)) {
      const c = change.type === 'conversation' ? change.conversation : undefined;
      out.push(rng.pick(MALFORMED)(c) as CentreChange);
    }
  }
  if (reorderEvents > 0) {
    for (let i = 0; i + 1 < out.length; i++) {
      if (rng.chance(reorderEvents)) {
        const a = out[i] as CentreChange;
        out[i] = out[i + 1] as CentreChange;
        out[i + 1] = a;
        i++;
      }
    }
    // Between batches: the last change is held back and delivered with the next batch.
    if (out.length > 1 && rng.chance(reorderEvents)) state.carry = out.pop() ?? null;
  }
  return out;
}
