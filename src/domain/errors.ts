/**
 * Why a command failed, as every layer reports it: the backend adapter, the service and the UI share
 * these kinds, and the UI explains each one the same way.
 */
import { msg } from '@lit/localize';
import type { RefusalReason } from './rules.js';
import type { Conversation } from './types.js';

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
  /**
   * For `conflict`: the conversation as it is now, when the backend sends it, so the supervisor is
   * told who changed it and what changed instead of the command being applied blindly.
   */
  readonly current?: Conversation;
  /** For `rate-limited`: when to try again, in milliseconds. */
  readonly retryAfterMs?: number;
}

/**
 * The reference page's guidance for failed assignments: they fail when the supervisor *has* the
 * Omnichannel API access role, so the supervisor is told to check that it is *not* assigned to them.
 * This constant is the English (source) text, as adapters and mock backends send it; the UI shows
 * `roleGuidance()`, the same sentence in the active language.
 */
export const ROLE_GUIDANCE =
  'Your role does not allow this action. If you cannot assign conversations, check that the "Omnichannel API access" role is not assigned to you; ask your administrator to remove it.';

/** `ROLE_GUIDANCE` in the active language (the role's product name stays as it is). */
export function roleGuidance(): string {
  return msg(
    'Your role does not allow this action. If you cannot assign conversations, check that the "Omnichannel API access" role is not assigned to you; ask your administrator to remove it.',
  );
}

// The standard sentences in English, as errors carry them when made without a language in mind (by an
// adapter, before any switch); `describeCommandError` recognises them and says them in the active one.
const ENGLISH_MESSAGES: Record<CommandErrorKind, string> = {
  forbidden: ROLE_GUIDANCE,
  conflict:
    'Someone else changed this conversation meanwhile. Review its current state and try again.',
  'not-found': 'This conversation no longer exists.',
  invalid: 'The request was not valid.',
  unavailable: 'The contact centre could not be reached. Nothing was changed; try again.',
  'rate-limited': 'Too many requests right now. Wait a moment and try again.',
};

/** The standard sentence for an error kind, in the active language. */
function defaultMessage(kind: CommandErrorKind): string {
  switch (kind) {
    case 'forbidden':
      return roleGuidance();
    case 'conflict':
      return msg(
        'Someone else changed this conversation meanwhile. Review its current state and try again.',
      );
    case 'not-found':
      return msg('This conversation no longer exists.');
    case 'invalid':
      return msg('The request was not valid.');
    case 'unavailable':
      return msg('The contact centre could not be reached. Nothing was changed; try again.');
    case 'rate-limited':
      return msg('Too many requests right now. Wait a moment and try again.');
  }
}

/** Builds a command error with the standard sentence for its kind unless one is given. */
export function commandError(
  kind: CommandErrorKind,
  message?: string,
  extra: Omit<CommandError, 'kind' | 'message'> = {},
): CommandError {
  return { kind, message: message || defaultMessage(kind), ...extra };
}

/**
 * The sentence to show for an error, in the active language: a standard sentence is said in it, and a
 * forbidden error always carries the role guidance.
 */
export function describeCommandError(error: CommandError): string {
  if (!error.message || error.message === ENGLISH_MESSAGES[error.kind]) {
    return defaultMessage(error.kind);
  }
  if (error.kind === 'forbidden') {
    if (!error.message.includes('Omnichannel API access')) {
      return `${error.message} ${roleGuidance()}`;
    }
    // A backend's own words followed by the English guidance: keep its words, translate the guidance.
    return error.message.replace(ROLE_GUIDANCE, roleGuidance());
  }
  return error.message;
}

const KINDS = new Set<string>(Object.keys(ENGLISH_MESSAGES));

/** Is this a known error kind? */
export function isCommandErrorKind(value: unknown): value is CommandErrorKind {
  return typeof value === 'string' && KINDS.has(value);
}
