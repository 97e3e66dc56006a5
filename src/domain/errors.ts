/**
 * Why a command failed, as every layer reports it: the backend adapter, the service and the UI share
 * these kinds, and the UI explains each one the same way.
 */
import type { RefusalReason } from './rules.js';

/** The typed failures a backend (or the service's own rule check) can answer with. */
export type CommandErrorKind =
  /** The supervisor's role forbids the call (see `ROLE_GUIDANCE`). */
  | 'forbidden'
  /** The conversation changed meanwhile; the command was made against an old version. */
  | 'conflict'
  | 'not-found'
  /** The command breaks a rule or is malformed. */
  | 'invalid'
  /** The backend could not be reached or failed. */
  | 'unavailable'
  | 'rate-limited';

/** A failed command's reason. */
export interface CommandError {
  readonly kind: CommandErrorKind;
  /** A sentence for the supervisor. */
  readonly message: string;
  /** The domain rule that refused it, when the refusal came from the rules. */
  readonly reason?: RefusalReason;
  /** For `conflict`: the conversation's version now. */
  readonly currentVersion?: number;
  /** For `rate-limited`: when to try again, in milliseconds. */
  readonly retryAfterMs?: number;
}

/**
 * The reference page's guidance for failed assignments: they fail when the supervisor *has* the
 * Omnichannel API access role, so the supervisor is told to check that it is *not* assigned to them.
 */
export const ROLE_GUIDANCE =
  'Your role does not allow this action. If you cannot assign conversations, check that the "Omnichannel API access" role is not assigned to you; ask your administrator to remove it.';

const DEFAULT_MESSAGES: Record<CommandErrorKind, string> = {
  forbidden: ROLE_GUIDANCE,
  conflict:
    'Someone else changed this conversation meanwhile. Review its current state and try again.',
  'not-found': 'This conversation no longer exists.',
  invalid: 'The request was not valid.',
  unavailable: 'The contact centre could not be reached. Nothing was changed; try again.',
  'rate-limited': 'Too many requests right now. Wait a moment and try again.',
};

/** Builds a command error with the standard sentence for its kind unless one is given. */
export function commandError(
  kind: CommandErrorKind,
  message?: string,
  extra: Omit<CommandError, 'kind' | 'message'> = {},
): CommandError {
  return { kind, message: message || DEFAULT_MESSAGES[kind], ...extra };
}

/** The standard sentence for an error kind (a forbidden error always carries the role guidance). */
export function describeCommandError(error: CommandError): string {
  if (error.kind === 'forbidden' && !error.message.includes('Omnichannel API access')) {
    return `${error.message} ${ROLE_GUIDANCE}`;
  }
  return error.message || DEFAULT_MESSAGES[error.kind];
}

const KINDS = new Set<string>(Object.keys(DEFAULT_MESSAGES));

/** Is this a known error kind? */
export function isCommandErrorKind(value: unknown): value is CommandErrorKind {
  return typeof value === 'string' && KINDS.has(value);
}
