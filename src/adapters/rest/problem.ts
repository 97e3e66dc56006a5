/**
 * Errors over HTTP: `application/problem+json` documents (RFC 9457) ↔ the adapter contract's
 * `CommandError`. One `type` per error kind (see api/openapi.json); `forbidden` carries the role
 * guidance, `conflict` the conversation's current version (and the conversation as it is now, when
 * the server sends it), `rate-limited` the exact wait.
 * The REST adapter reads problems with `errorFromResponse`; the mock server writes them with
 * `problemFromError`, so both sides use the same table.
 */
import {
  ROLE_GUIDANCE,
  commandError,
  isCommandErrorKind,
  type CommandError,
  type CommandErrorKind,
  type Conversation,
  type RefusalReason,
} from '../../domain/index.js';
import { parseConversation } from '../../service/validate.js';

/** The media type of problem documents. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The problem `type` URI of each error kind. */
export const PROBLEM_TYPES: Readonly<Record<CommandErrorKind, string>> = Object.freeze({
  forbidden: 'urn:supervisor-console:problem:forbidden',
  conflict: 'urn:supervisor-console:problem:conflict',
  'not-found': 'urn:supervisor-console:problem:not-found',
  invalid: 'urn:supervisor-console:problem:invalid',
  unavailable: 'urn:supervisor-console:problem:unavailable',
  'rate-limited': 'urn:supervisor-console:problem:rate-limited',
});

/** The HTTP status each error kind is answered with (unless a more precise one applies). */
export const PROBLEM_STATUS: Readonly<Record<CommandErrorKind, number>> = Object.freeze({
  forbidden: 403,
  conflict: 409,
  'not-found': 404,
  invalid: 422,
  unavailable: 503,
  'rate-limited': 429,
});

const TITLES: Readonly<Record<CommandErrorKind, string>> = {
  forbidden: 'Your role does not allow this action',
  conflict: 'The conversation changed meanwhile',
  'not-found': 'Not found',
  invalid: 'The command was refused',
  unavailable: 'The contact centre is unavailable',
  'rate-limited': 'Too many requests',
};

/** A problem document as this API sends it. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly kind: CommandErrorKind;
  readonly instance?: string;
  /** `forbidden`: the reference page's role guidance. */
  readonly guidance?: string;
  /** `conflict`: the conversation's version now. */
  readonly currentVersion?: number;
  /** `conflict` (optional): the conversation as it is now, so the client can say what changed. */
  readonly conversation?: Conversation;
  /** `rate-limited` (and optionally `unavailable`): the exact wait in ms. */
  readonly retryAfterMs?: number;
  /** `invalid`: the domain rule's refusal reason. */
  readonly reason?: string;
}

/** The problem document for a command error (the mock server's side). */
export function problemFromError(error: CommandError, status?: number): ProblemDocument {
  const kind = error.kind;
  return {
    type: PROBLEM_TYPES[kind],
    title: TITLES[kind],
    status: status ?? PROBLEM_STATUS[kind],
    detail: error.message,
    kind,
    ...(kind === 'forbidden' ? { guidance: ROLE_GUIDANCE } : {}),
    ...(kind === 'conflict' ? { currentVersion: error.currentVersion ?? 0 } : {}),
    ...(kind === 'conflict' && error.current ? { conversation: error.current } : {}),
    ...(error.retryAfterMs !== undefined && (kind === 'rate-limited' || kind === 'unavailable')
      ? { retryAfterMs: Math.max(0, Math.round(error.retryAfterMs)) }
      : kind === 'rate-limited'
        ? { retryAfterMs: 1000 }
        : {}),
    ...(error.reason !== undefined ? { reason: error.reason } : {}),
  };
}

/** The error kind an HTTP status means when the body says nothing usable. */
export function kindForStatus(status: number): CommandErrorKind {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500 || status === 408) return 'unavailable';
  return 'invalid';
}

/**
 * `Retry-After` in ms: delay-seconds or an HTTP date; `undefined` when absent or unreadable.
 */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The error kind a problem `type` names, when it is one of ours. */
function kindForType(type: unknown): CommandErrorKind | undefined {
  if (typeof type !== 'string') return undefined;
  for (const [kind, uri] of Object.entries(PROBLEM_TYPES)) {
    if (uri === type) return kind as CommandErrorKind;
  }
  return undefined;
}

/**
 * The command error an HTTP error answer means (the REST adapter's side). Reads the problem document
 * when there is a usable one; otherwise the status decides. Never throws.
 */
export function errorFromProblem(
  status: number,
  body: unknown,
  retryAfterHeader: string | null = null,
): CommandError {
  const problem = isObj(body) ? body : {};
  const kind =
    (isCommandErrorKind(problem.kind) ? problem.kind : undefined) ??
    kindForType(problem.type) ??
    kindForStatus(status);
  const detail =
    typeof problem.detail === 'string' && problem.detail.trim() !== ''
      ? problem.detail.trim()
      : undefined;
  let message = detail;
  if (kind === 'forbidden') {
    // A role error is never shown as a generic failure: it always carries the guidance.
    const guidance =
      typeof problem.guidance === 'string' && problem.guidance.includes('Omnichannel API access')
        ? problem.guidance
        : ROLE_GUIDANCE;
    if (!message) message = guidance;
    else if (!message.includes('Omnichannel API access')) message = `${message} ${guidance}`;
  }
  const extra: {
    reason?: RefusalReason;
    currentVersion?: number;
    current?: Conversation;
    retryAfterMs?: number;
  } = {};
  if (kind === 'conflict' && typeof problem.currentVersion === 'number') {
    extra.currentVersion = problem.currentVersion;
  }
  if (kind === 'conflict' && problem.conversation !== undefined) {
    // Validated like any conversation from the backend; a malformed one is dropped (the stream
    // still brings the truth), never passed on.
    const parsed = parseConversation(problem.conversation);
    if (parsed.ok) {
      extra.current = parsed.value;
      extra.currentVersion ??= parsed.value.version;
    }
  }
  if (kind === 'invalid' && typeof problem.reason === 'string' && problem.reason !== '') {
    extra.reason = problem.reason as RefusalReason;
  }
  const retryAfterMs =
    typeof problem.retryAfterMs === 'number' && problem.retryAfterMs >= 0
      ? problem.retryAfterMs
      : parseRetryAfter(retryAfterHeader);
  if (retryAfterMs !== undefined && (kind === 'rate-limited' || kind === 'unavailable')) {
    extra.retryAfterMs = retryAfterMs;
  }
  return commandError(kind, message, extra);
}
