/**
 * `RestAdapter`: the adapter contract over HTTP, as written down in api/openapi.json — a snapshot,
 * a change stream of Server-Sent Events read with `fetch` streaming, commands as POSTs carrying an
 * `Idempotency-Key`, and a transcript snapshot and stream per conversation.
 *
 * Behaviour:
 * - **Auth**: the host's `headers()` callback is asked before every request (so a refreshed token is
 *   picked up), stream connections included.
 * - **Timeouts**: each request attempt gets `timeoutMs`; a stream that stays silent for
 *   `idleTimeoutMs` (the server sends heartbeats) is treated as dropped.
 * - **Retries, only where safe**: a command is retried on a network error, a timeout, 502/503/504
 *   or 429 (waiting `Retry-After` when given), at most `retries` times, always with the same
 *   `Idempotency-Key`, so the server applies it once. Never on another 4xx, nor on 500. Snapshot and
 *   transcript reads are safe and are retried as part of reconnecting.
 * - **Reconnect**: a dropped stream reconnects with capped exponential backoff and jitter, resuming
 *   with `Last-Event-ID` from the last position received without a gap; duplicated and out-of-order
 *   events are sorted out by event id (and by entity version in the service).
 * - **Resync**: when the server answers `resync` (the position is older than its event log) or 410,
 *   or a gap never fills, a new snapshot is fetched and the stream resumes from its version.
 * - **Status**: `connecting` → `live`; `reconnecting` (with the reason and the next try) on a drop;
 *   `offline` after `offlineAfter` failed attempts in a row — it still keeps trying, at the capped
 *   backoff, and is `live` again as soon as a connection holds.
 * - **Validation at the boundary**: a snapshot whose envelope is malformed is reported and not
 *   applied (the service keeps its state) and the adapter tries again; a malformed event or command
 *   answer is reported as a `problem` and skipped. Entities inside are validated by the service.
 */
import { Observable, type Subscriber } from 'rxjs';
import { commandError, type TranscriptMessage } from '../../domain/index.js';
import { parseConversation, parseSupervisor } from '../../service/validate.js';
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
import { backoffDelay, seconds, sleep, type BackoffOptions } from './backoff.js';
import { EventPosition } from './event-position.js';
import { errorFromProblem } from './problem.js';
import { StreamError, describe, readEventStream, readProblem } from './sse-client.js';
import type { SseEvent } from './sse-parser.js';

/** Options of `RestAdapter`. */
export interface RestAdapterOptions {
  /** Where the API lives, e.g. `https://crm.example.com/api/supervisor` or `/api` (page-relative). */
  readonly baseUrl: string | URL;
  /** Headers for every request (auth), asked for before each one; may be async. */
  readonly headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Time allowed for each request attempt (and for a stream's response headers). Default 10,000 ms. */
  readonly timeoutMs?: number;
  /** How many times a command is retried (network error, timeout, 502/503/504, 429). Default 3. */
  readonly retries?: number;
  /** Backoff between command retries and between reconnects. Default 500 ms doubling to 30 s, jittered. */
  readonly backoff?: BackoffOptions;
  /** A `Retry-After` longer than this is not waited for: the command fails `rate-limited`. Default 30,000 ms. */
  readonly maxRetryAfterMs?: number;
  /** A stream silent this long (no event, no heartbeat) is treated as dropped; 0 = never. Default 45,000 ms. */
  readonly idleTimeoutMs?: number;
  /** Failed connection attempts in a row before the status is `offline` (retrying goes on). Default 5. */
  readonly offlineAfter?: number;
  /** Events held past a gap before the gap counts as lost and a resync is made. Default 100. */
  readonly maxOutOfOrder?: number;
  /** The `fetch` to use. Default the global one (looked up at each call, so MSW and tests can patch it). */
  readonly fetch?: typeof fetch;
}

interface Resolved {
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoff: BackoffOptions;
  readonly maxRetryAfterMs: number;
  readonly idleTimeoutMs: number;
  readonly offlineAfter: number;
  readonly maxOutOfOrder: number;
}

/** A reply body that could not be used. */
class MalformedError extends Error {
  override name = 'MalformedError';
}

/** A request attempt that ran out of time. */
class TimeoutError extends Error {
  override name = 'TimeoutError';
}

const COMMAND_PATHS: Readonly<Record<CommandName, string>> = {
  assign: 'assign',
  transfer: 'transfer',
  forceClose: 'force-close',
  monitor: 'monitor',
  unmonitor: 'unmonitor',
  join: 'join',
  leave: 'leave',
  whisper: 'whisper',
};

/** A stream open this long has worked, even if it carried nothing: the backoff starts over. */
const STABLE_MS = 10_000;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A `BackendAdapter` over HTTP + Server-Sent Events (see the module comment and api/openapi.json). */
export class RestAdapter implements BackendAdapter {
  private readonly base: URL;
  private readonly settings: Resolved;
  private readonly hostHeaders: (() => HeadersInit | Promise<HeadersInit>) | undefined;
  private readonly fetchImpl: typeof fetch | undefined;
  /** Subscribers of `connect()`: problems found outside the stream (command answers) go to them. */
  private readonly listeners = new Set<Subscriber<AdapterEvent>>();

  constructor(options: RestAdapterOptions) {
    const origin = typeof location !== 'undefined' ? location.href : undefined;
    const base = new URL(String(options.baseUrl), origin);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.base = base;
    this.hostHeaders = options.headers;
    this.fetchImpl = options.fetch;
    this.settings = {
      timeoutMs: positive(options.timeoutMs, 10_000),
      retries: Math.max(0, Math.floor(options.retries ?? 3)),
      backoff: options.backoff ?? {},
      maxRetryAfterMs: positive(options.maxRetryAfterMs, 30_000),
      idleTimeoutMs: Math.max(0, options.idleTimeoutMs ?? 45_000),
      offlineAfter: Math.max(1, Math.floor(options.offlineAfter ?? 5)),
      maxOutOfOrder: Math.max(1, Math.floor(options.maxOutOfOrder ?? 100)),
    };
  }

  // ----- the change stream --------------------------------------------------------------------

  connect(): Observable<AdapterEvent> {
    return new Observable<AdapterEvent>((subscriber) => {
      const controller = new AbortController();
      this.listeners.add(subscriber);
      void this.runChangeStream(subscriber, controller.signal).catch((err: unknown) => {
        // Never expected: the loop handles its own failures. Report instead of erroring the stream.
        if (!controller.signal.aborted) {
          subscriber.next({
            type: 'problem',
            message: `The REST adapter failed: ${describe(err)}`,
          });
          subscriber.next({ type: 'status', status: 'offline', message: describe(err) });
        }
      });
      return () => {
        this.listeners.delete(subscriber);
        controller.abort();
      };
    });
  }

  private async runChangeStream(out: Subscriber<AdapterEvent>, signal: AbortSignal): Promise<void> {
    const position = new EventPosition(0, this.settings.maxOutOfOrder);
    let needSnapshot = true;
    /** Failed attempts since the stream last worked (drives the backoff and `offline`). */
    let failures = 0;
    /** Resyncs asked for since the stream last delivered anything else. */
    let resyncs = 0;
    let serverRetryMs: number | undefined;
    const emit = (event: AdapterEvent) => {
      if (!signal.aborted) out.next(event);
    };
    emit({ type: 'status', status: 'connecting' });

    while (!signal.aborted) {
      let reason: string;
      let resync = false;
      let worked = false;
      let openedAt = 0;
      try {
        if (needSnapshot) {
          const snapshot = await this.fetchSnapshot(signal);
          if (signal.aborted) return;
          emit({ type: 'snapshot', snapshot: snapshot.snapshot });
          position.reset(snapshot.version);
          needSnapshot = false;
        }
        const end = await readEventStream({
          url: this.url('events'),
          fetch: this.fetchFn(),
          headers: await this.headers(),
          lastEventId: String(position.position),
          signal,
          connectTimeoutMs: this.settings.timeoutMs,
          idleTimeoutMs: this.settings.idleTimeoutMs,
          onOpen: () => {
            openedAt = Date.now();
            emit({ type: 'status', status: 'live' });
          },
          onRetry: (ms) => (serverRetryMs = ms),
          onEvent: (event) => {
            if (this.onChangeEvent(event, position, emit) === 'resync') {
              resync = true;
              return 'stop';
            }
            worked = true;
            return undefined;
          },
        });
        if (end === 'aborted' || signal.aborted) return;
        reason = 'The live connection was closed by the contact centre.';
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof StreamError && err.status === 410) needSnapshot = true;
        reason = describe(err);
      }
      // A stream that delivered events, or held for a while, worked: the backoff starts over.
      if (worked || (openedAt > 0 && Date.now() - openedAt >= STABLE_MS)) failures = 0;
      if (worked) resyncs = 0;

      if (resync) {
        needSnapshot = true;
        resyncs += 1;
        // The first resync reloads at once; a server asking again and again is not hammered.
        if (resyncs === 1) continue;
        reason = 'The contact centre keeps asking for a full reload.';
      }
      failures += 1;
      const wait = Math.max(
        backoffDelay(this.settings.backoff, failures),
        failures === 1 ? (serverRetryMs ?? 0) : 0,
      );
      const offline = failures >= this.settings.offlineAfter;
      emit({
        type: 'status',
        status: offline ? 'offline' : 'reconnecting',
        message: `${reason} ${offline ? 'Still trying' : 'Reconnecting'} in ${seconds(wait)}.`,
      });
      await sleep(wait, signal);
    }
  }

  /** Handles one change-stream event; answers `resync` when a new snapshot is needed. */
  private onChangeEvent(
    event: SseEvent,
    position: EventPosition,
    emit: (event: AdapterEvent) => void,
  ): 'ok' | 'resync' {
    switch (event.event) {
      case 'changes': {
        const id = event.id !== undefined && /^[0-9]+$/.test(event.id) ? Number(event.id) : NaN;
        if (Number.isSafeInteger(id)) {
          const verdict = position.accept(id);
          if (verdict === 'duplicate') return 'ok';
          if (verdict === 'gap') {
            emit({
              type: 'problem',
              message: `Change events after ${position.position} never arrived; reloading everything.`,
            });
            return 'resync';
          }
        } else {
          emit({
            type: 'problem',
            message: `A change event without a valid id ("${String(event.id ?? '').slice(0, 20)}") was applied by version only.`,
          });
        }
        const changes = parseChanges(event.data);
        if (typeof changes === 'string') {
          emit({
            type: 'problem',
            message: `Malformed change event ${event.id ?? ''}: ${changes}`,
          });
          return 'ok';
        }
        if (changes.length > 0) emit({ type: 'changes', changes });
        return 'ok';
      }
      case 'resync':
        return 'resync';
      default:
        // Heartbeats keep the stream alive (any input does); unknown events are skipped, so a newer
        // server may add some.
        return 'ok';
    }
  }

  private async fetchSnapshot(
    signal: AbortSignal,
  ): Promise<{ snapshot: CentreSnapshot; version: number }> {
    const response = await this.request(this.url('snapshot'), { method: 'GET' }, signal);
    if (!response.ok) {
      const error = errorFromProblem(
        response.status,
        await readProblem(response),
        response.headers.get('Retry-After'),
      );
      throw new StreamError(
        `Loading the conversations failed (HTTP ${response.status}): ${error.message}`,
        response.status,
        error,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const why = snapshotProblem(body);
    if (why) {
      this.report(`Malformed snapshot: ${why}. The last good state is kept.`);
      throw new MalformedError(`The contact centre sent an unreadable snapshot.`);
    }
    const b = body as Record<string, unknown>;
    return { snapshot: body as CentreSnapshot, version: b.version as number };
  }

  // ----- commands -----------------------------------------------------------------------------

  assign(command: AssignCommand): Promise<CommandResult> {
    return this.command('assign', command, {
      expectedVersion: command.expectedVersion,
      target: command.target,
      overridePresence: command.overridePresence,
      overrideCapacity: command.overrideCapacity,
    });
  }

  transfer(command: TransferCommand): Promise<CommandResult> {
    return this.command('transfer', command, {
      expectedVersion: command.expectedVersion,
      target: command.target,
    });
  }

  forceClose(command: SimpleCommand): Promise<CommandResult> {
    return this.simple('forceClose', command);
  }

  monitor(command: SimpleCommand): Promise<CommandResult> {
    return this.simple('monitor', command);
  }

  unmonitor(command: SimpleCommand): Promise<CommandResult> {
    return this.simple('unmonitor', command);
  }

  join(command: SimpleCommand): Promise<CommandResult> {
    return this.simple('join', command);
  }

  leave(command: SimpleCommand): Promise<CommandResult> {
    return this.simple('leave', command);
  }

  whisper(command: WhisperCommand): Promise<CommandResult> {
    return this.command('whisper', command, {
      expectedVersion: command.expectedVersion,
      text: command.text,
    });
  }

  private simple(name: CommandName, command: SimpleCommand): Promise<CommandResult> {
    return this.command(name, command, { expectedVersion: command.expectedVersion });
  }

  /**
   * One command: POST with its idempotency key, retried only where safe (always with the same key).
   * Never rejects.
   */
  private async command(
    name: CommandName,
    command: CommandBase,
    body: Record<string, unknown>,
  ): Promise<CommandResult> {
    const url = this.url(
      `conversations/${encodeURIComponent(command.conversationId)}/${COMMAND_PATHS[name]}`,
    );
    const payload = JSON.stringify(body);
    const { retries, backoff, maxRetryAfterMs, timeoutMs } = this.settings;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await this.request(url, {
          method: 'POST',
          body: payload,
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': command.idempotencyKey,
          },
        });
      } catch (err) {
        // Network error or timeout: the command may or may not have arrived. The same key makes a
        // retry safe; when retries run out, the change stream still brings the true state.
        if (attempt < retries) {
          await sleep(backoffDelay(backoff, attempt + 1));
          continue;
        }
        const tries = attempt + 1;
        const what =
          err instanceof TimeoutError
            ? `did not answer within ${seconds(timeoutMs)}`
            : `could not be reached (${describe(err)})`;
        return {
          ok: false,
          error: commandError(
            'unavailable',
            `The contact centre ${what}${tries > 1 ? `, ${tries} tries` : ''}. If the change went through, it will show up here.`,
          ),
        };
      }

      if (response.ok) return this.commandAnswer(name, command, response);

      const error = errorFromProblem(
        response.status,
        await readProblem(response),
        response.headers.get('Retry-After'),
      );
      const retriable =
        response.status === 429 ||
        response.status === 502 ||
        response.status === 503 ||
        response.status === 504;
      if (retriable && attempt < retries) {
        const wait = error.retryAfterMs ?? backoffDelay(backoff, attempt + 1);
        if (wait <= maxRetryAfterMs) {
          await sleep(wait);
          continue;
        }
      }
      return { ok: false, error };
    }
  }

  private async commandAnswer(
    name: CommandName,
    command: CommandBase,
    response: Response,
  ): Promise<CommandResult> {
    if (response.status === 204) return { ok: true };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const parsed = isObj(body) ? parseConversation(body.conversation) : null;
    if (parsed?.ok && parsed.value.id === command.conversationId) {
      return { ok: true, conversation: parsed.value };
    }
    // It was applied; only the answer is unreadable. The change stream brings the conversation.
    const why = parsed && !parsed.ok ? parsed.error : 'no conversation in the answer.';
    this.report(`Malformed answer to ${name} on "${command.conversationId}": ${why}`);
    return { ok: true };
  }

  // ----- transcripts --------------------------------------------------------------------------

  transcript(conversationId: string): Observable<TranscriptEvent> {
    return new Observable<TranscriptEvent>((subscriber) => {
      const controller = new AbortController();
      void this.runTranscript(conversationId, subscriber, controller.signal).catch(
        (err: unknown) => {
          if (!controller.signal.aborted) {
            subscriber.next({ type: 'status', status: 'offline', message: describe(err) });
          }
        },
      );
      return () => controller.abort();
    });
  }

  private async runTranscript(
    conversationId: string,
    out: Subscriber<TranscriptEvent>,
    signal: AbortSignal,
  ): Promise<void> {
    const path = `conversations/${encodeURIComponent(conversationId)}/transcript`;
    const position = new EventPosition(0, this.settings.maxOutOfOrder);
    let needSnapshot = true;
    let failures = 0;
    const emit = (event: TranscriptEvent) => {
      if (!signal.aborted) out.next(event);
    };
    emit({ type: 'status', status: 'connecting' });

    while (!signal.aborted) {
      let reason: string;
      let worked = false;
      let openedAt = 0;
      try {
        if (needSnapshot) {
          const response = await this.request(this.url(path), { method: 'GET' }, signal);
          if (!response.ok) {
            const error = errorFromProblem(
              response.status,
              await readProblem(response),
              response.headers.get('Retry-After'),
            );
            throw new StreamError(error.message, response.status, error);
          }
          const body: unknown = await response.json().catch(() => undefined);
          if (
            !isObj(body) ||
            !Array.isArray(body.messages) ||
            (body.version !== undefined && !isPosition(body.version))
          ) {
            this.report(`Malformed transcript of "${conversationId}": not a list of messages.`);
            throw new MalformedError('The contact centre sent an unreadable transcript.');
          }
          emit({ type: 'snapshot', messages: body.messages as TranscriptMessage[] });
          position.reset(isPosition(body.version) ? body.version : body.messages.length);
          needSnapshot = false;
        }
        let resync = false;
        const end = await readEventStream({
          url: this.url(`${path}/events`),
          fetch: this.fetchFn(),
          headers: await this.headers(),
          lastEventId: String(position.position),
          signal,
          connectTimeoutMs: this.settings.timeoutMs,
          idleTimeoutMs: this.settings.idleTimeoutMs,
          onOpen: () => {
            openedAt = Date.now();
            emit({ type: 'status', status: 'live' });
          },
          onEvent: (event) => {
            worked = true;
            if (event.event === 'resync') {
              resync = true;
              return 'stop';
            }
            if (event.event !== 'message') return undefined;
            const id = event.id !== undefined && /^[0-9]+$/.test(event.id) ? Number(event.id) : NaN;
            if (Number.isSafeInteger(id) && position.accept(id) === 'duplicate') return undefined;
            const message = parseJson(event.data);
            if (!isObj(message)) {
              this.report(`Malformed transcript message ${event.id ?? ''} of "${conversationId}".`);
              return undefined;
            }
            emit({ type: 'message', message: message as unknown as TranscriptMessage });
            return undefined;
          },
        });
        if (end === 'aborted' || signal.aborted) return;
        if (resync) {
          needSnapshot = true;
          continue;
        }
        reason = 'The transcript stream was closed.';
      } catch (err) {
        if (signal.aborted) return;
        const status = err instanceof StreamError ? err.status : undefined;
        if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
          if (status === 410) {
            needSnapshot = true;
            continue;
          }
          // Not found, forbidden: retrying would not help.
          emit({ type: 'status', status: 'offline', message: describe(err) });
          return;
        }
        reason = describe(err);
      }
      if (worked || (openedAt > 0 && Date.now() - openedAt >= STABLE_MS)) failures = 0;
      failures += 1;
      const wait = backoffDelay(this.settings.backoff, failures);
      const offline = failures >= this.settings.offlineAfter;
      emit({
        type: 'status',
        status: offline ? 'offline' : 'reconnecting',
        message: `${reason} ${offline ? 'Still trying' : 'Reconnecting'} in ${seconds(wait)}.`,
      });
      await sleep(wait, signal);
    }
  }

  // ----- HTTP ---------------------------------------------------------------------------------

  private url(path: string): string {
    return new URL(path, this.base).href;
  }

  private fetchFn(): typeof fetch {
    return this.fetchImpl ?? ((input, init) => fetch(input, init));
  }

  private async headers(): Promise<Headers> {
    return new Headers(this.hostHeaders ? await this.hostHeaders() : undefined);
  }

  /** One attempt, with the host's headers and the timeout. Rejects on network error or timeout. */
  private async request(
    url: string,
    init: { method: string; body?: string; headers?: Record<string, string> },
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers = await this.headers();
    headers.set('Accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.fetchFn()(url, {
        method: init.method,
        headers,
        cache: 'no-store',
        signal: controller.signal,
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
      // The body is read after this returns: keep the timeout for it by buffering it now.
      const text = await response.text();
      return new Response(response.status === 204 ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (err) {
      if (timedOut) throw new TimeoutError(`No answer within ${seconds(this.settings.timeoutMs)}.`);
      throw err;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Reports a problem on every open change stream (the service shows it in `connection.problems`). */
  private report(message: string): void {
    for (const listener of this.listeners) listener.next({ type: 'problem', message });
  }
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The changes of a `changes` event, or why they cannot be used. */
function parseChanges(data: string): readonly CentreChange[] | string {
  const body = parseJson(data);
  if (body === undefined) return 'not JSON.';
  if (!isObj(body) || !Array.isArray(body.changes)) return 'no list of changes.';
  return body.changes as CentreChange[];
}

/** Why a snapshot's envelope cannot be used, or `null`. Entities inside are checked by the service. */
function snapshotProblem(body: unknown): string | null {
  if (!isObj(body)) return 'not a JSON object';
  if (!isPosition(body.version)) return 'no stream position (version)';
  if (!parseSupervisor(body.supervisor).ok) return 'no supervisor';
  if (!isObj(body.settings)) return 'no settings';
  for (const key of ['conversations', 'representatives', 'queues'] as const) {
    if (!Array.isArray(body[key])) return `${key} is not a list`;
  }
  return null;
}
