/**
 * One Server-Sent Events connection over `fetch` streaming: sends the host's headers and
 * `Last-Event-ID` (which `EventSource` cannot), times out a connection that does not answer and a
 * stream that falls silent, and reports an HTTP error answer as a typed `CommandError`. It makes one
 * attempt; reconnecting and resuming are the REST adapter's job.
 */
import type { CommandError } from '../../domain/index.js';
import { seconds } from './backoff.js';
import { PROBLEM_MEDIA_TYPE, errorFromProblem } from './problem.js';
import { SseParser, type SseEvent } from './sse-parser.js';

/** Why a stream attempt failed. */
export class StreamError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when the server answered with an error. */
    readonly status?: number,
    /** The server's typed error, when it answered with one. */
    readonly error?: CommandError,
  ) {
    super(message);
    this.name = 'StreamError';
  }
}

/** What to do after an event: go on reading, or stop this stream. */
export type StreamControl = void | 'stop';

export interface StreamOptions {
  readonly url: string;
  readonly fetch: typeof fetch;
  /** The host's headers (auth); `Accept` and `Last-Event-ID` are added. */
  readonly headers: Headers;
  readonly lastEventId?: string;
  /** Aborting ends the stream quietly (the promise resolves `aborted`). */
  readonly signal: AbortSignal;
  /** How long to wait for the response headers. */
  readonly connectTimeoutMs: number;
  /** A stream silent this long (no event, comment or heartbeat) has failed; 0 = wait forever. */
  readonly idleTimeoutMs: number;
  /** The stream is open (status 200, an event stream). */
  onOpen(): void;
  onEvent(event: SseEvent): StreamControl;
  /** The server's `retry:` suggestion, in ms. */
  onRetry?(ms: number): void;
}

/** How a stream attempt ended without failing. */
export type StreamEnd = 'ended' | 'stopped' | 'aborted';

/**
 * Opens the stream and reads it to its end. Resolves `ended` when the server closed it, `stopped`
 * when `onEvent` asked to stop, `aborted` when the signal aborted; rejects with a `StreamError` when
 * the connection failed, the server answered with an error, or the stream fell silent.
 */
export async function readEventStream(options: StreamOptions): Promise<StreamEnd> {
  const controller = new AbortController();
  let failure: StreamError | null = null;
  const fail = (error: StreamError) => {
    failure ??= error;
    controller.abort();
  };
  const onOuterAbort = () => controller.abort();
  if (options.signal.aborted) return 'aborted';
  options.signal.addEventListener('abort', onOuterAbort, { once: true });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number, message: string) => {
    clearTimeout(timer);
    if (ms > 0) timer = setTimeout(() => fail(new StreamError(message)), ms);
  };

  const headers = new Headers(options.headers);
  headers.set('Accept', 'text/event-stream');
  if (options.lastEventId !== undefined) headers.set('Last-Event-ID', options.lastEventId);

  try {
    arm(
      options.connectTimeoutMs,
      `The live connection did not answer within ${seconds(options.connectTimeoutMs)}.`,
    );
    let response: Response;
    try {
      response = await options.fetch(options.url, {
        method: 'GET',
        headers,
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (err) {
      if (options.signal.aborted) return 'aborted';
      throw failure ?? new StreamError(`The live connection failed: ${describe(err)}`);
    }

    if (!response.ok) {
      const body = await readProblem(response);
      const error = errorFromProblem(response.status, body, response.headers.get('Retry-After'));
      throw new StreamError(
        `The live connection was refused (HTTP ${response.status}): ${error.message}`,
        response.status,
        error,
      );
    }
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.toLowerCase().startsWith('text/event-stream') || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new StreamError(
        `The live connection answered with ${type || 'no content type'} instead of an event stream.`,
      );
    }

    const idle = () =>
      arm(
        options.idleTimeoutMs,
        `The live connection fell silent for ${seconds(options.idleTimeoutMs)}.`,
      );
    idle();
    options.onOpen();

    let stopped = false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser({
      event: (event) => {
        if (stopped) return;
        if (options.onEvent(event) === 'stop') {
          stopped = true;
          controller.abort();
        }
      },
      retry: (ms) => options.onRetry?.(ms),
    });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        idle();
        parser.push(value);
        if (stopped) break;
      }
    } catch (err) {
      if (stopped) return 'stopped';
      if (options.signal.aborted) return 'aborted';
      throw failure ?? new StreamError(`The live connection dropped: ${describe(err)}`);
    } finally {
      reader.cancel().catch(() => undefined);
    }
    if (stopped) return 'stopped';
    if (options.signal.aborted) return 'aborted';
    if (failure) throw failure;
    parser.end();
    return 'ended';
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onOuterAbort);
  }
}

/** Reads an error answer's body as JSON when it is one; `undefined` otherwise. Never throws. */
export async function readProblem(response: Response): Promise<unknown> {
  try {
    const type = (response.headers.get('Content-Type') ?? '').toLowerCase();
    if (!type.startsWith(PROBLEM_MEDIA_TYPE) && !type.startsWith('application/json')) {
      await response.body?.cancel();
      return undefined;
    }
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** An error's message for the supervisor's status line. */
export function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
