/**
 * MSW request handlers that implement the whole HTTP contract (api/openapi.json) on top of the
 * in-memory `SimulatedCentre` — one source of truth for the in-memory adapter, the REST adapter's
 * tests, Storybook and the demo. Every fault of `MockFaults` can be switched on at any time.
 *
 * How it maps:
 * - the backend subscribes once to the simulator's change stream (lazily, on the first request) and
 *   appends each batch to a bounded `EventLog` as one `changes` event with the next id;
 * - `GET /snapshot` is the simulator's state now, with the log's last id as its `version` (both read
 *   in the same task, so nothing falls between them);
 * - `GET /events` replays the log after `Last-Event-ID`, then streams new events; a position older
 *   than the log (or unknown) is answered with a `resync` event; heartbeats keep it alive;
 * - commands call the simulator's commands, which remember idempotency keys: a retried key is
 *   answered with the first result and applied once;
 * - transcripts read and follow the simulator's transcript, ids being message sequence numbers.
 *
 * Streams are plain `http.get` handlers answering with a `ReadableStream` (not msw's `sse()`), so an
 * event stream can also answer with a status code, be dropped, stall or go silent on demand.
 */
import { HttpResponse, delay, http, type HttpHandler } from 'msw';
import type { Subscription } from 'rxjs';
import type {
  AssignCommand,
  CentreChange,
  CommandBase,
  CommandName,
  CommandResult,
  TargetRef,
  TranscriptEvent,
  TransferCommand,
  WhisperCommand,
} from '../adapters/backend-adapter.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_STATUS, problemFromError } from '../adapters/rest/problem.js';
import { formatSseEvent } from '../adapters/rest/sse-parser.js';
import type { SimulatedCentre } from '../adapters/simulator/index.js';
import { commandError, type CommandError, type TranscriptMessage } from '../domain/index.js';
import { EventLog, type LoggedEvent, type ResyncReason } from './event-log.js';
import { MockFaults, type HttpFault, type MockEndpoint } from './faults.js';

/** Options of the mock backend. */
export interface MockBackendOptions {
  /** Where the API is served. Default `/api` (page-relative, as the spec's server). */
  readonly baseUrl?: string;
  /** Change events kept for resuming. Default 1,000. */
  readonly logSize?: number;
  /** A heartbeat event on a quiet stream every this many ms; 0 = none. Default 15,000. */
  readonly heartbeatMs?: number;
  /** A `retry:` suggestion (ms) sent when a stream opens; none when omitted. */
  readonly retryMs?: number;
  /** How long a reordered event waits for a follower before it is sent anyway. Default 250 ms. */
  readonly reorderWindowMs?: number;
}

/** The command of each URL segment. */
const ACTIONS: Readonly<Record<string, CommandName>> = {
  assign: 'assign',
  transfer: 'transfer',
  'force-close': 'forceClose',
  monitor: 'monitor',
  unmonitor: 'unmonitor',
  join: 'join',
  leave: 'leave',
  whisper: 'whisper',
};

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
};

/** What a `malformed` stream fault slips in, in turn: garbage, a wrong shape, a broken change. */
const MALFORMED_EVENTS: readonly string[] = [
  'this is not JSON {',
  '{"changes":"not a list"}',
  '{"changes":[{"type":"conversation","conversation":{"id":"broken-1"}}]}',
];

const encoder = new TextEncoder();

/** One open event stream. */
interface Connection {
  readonly kind: 'events' | 'transcript';
  readonly controller: ReadableStreamDefaultController<Uint8Array>;
  stalled: boolean;
  closed: boolean;
  cleanup(): void;
}

/** The mock HTTP backend: state, event log and open streams behind the MSW handlers. */
export class MockBackend {
  /** The MSW handlers (give them to `setupWorker`, `msw-storybook-addon` or `worker.use`). */
  readonly handlers: HttpHandler[];
  /** The change events kept for `Last-Event-ID` resumes. */
  readonly log: EventLog;
  readonly baseUrl: string;

  private readonly heartbeatMs: number;
  private readonly retryMs: number | undefined;
  private readonly reorderWindowMs: number;
  private subscription: Subscription | null = null;
  private ready: Promise<void> | null = null;
  private readonly connections = new Set<Connection>();
  private readonly seenKeys = new Set<string>();
  private held: {
    event: LoggedEvent;
    twice: boolean;
    timer: ReturnType<typeof setTimeout>;
  } | null = null;
  private malformedTurn = 0;
  private readonly stopListening: () => void;

  constructor(
    readonly simulator: SimulatedCentre,
    readonly faults: MockFaults = new MockFaults(),
    options: MockBackendOptions = {},
  ) {
    this.baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
    this.log = new EventLog(options.logSize ?? 1000);
    this.heartbeatMs = Math.max(0, options.heartbeatMs ?? 15_000);
    this.retryMs = options.retryMs;
    this.reorderWindowMs = Math.max(0, options.reorderWindowMs ?? 250);
    this.stopListening = faults.listen({
      drop: () => this.dropStreams(),
      stall: () => {
        for (const c of this.connections) c.stalled = true;
      },
    });
    this.handlers = this.createHandlers();
  }

  /** Open streams now (change streams and transcript streams). */
  get openStreams(): { events: number; transcripts: number } {
    let events = 0;
    let transcripts = 0;
    for (const c of this.connections) {
      if (c.kind === 'events') events += 1;
      else transcripts += 1;
    }
    return { events, transcripts };
  }

  /** Closes every stream and stops following the simulator. */
  dispose(): void {
    this.stopListening();
    if (this.held) clearTimeout(this.held.timer);
    this.held = null;
    for (const c of [...this.connections]) this.close(c);
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.ready = null;
  }

  // ----- following the simulator --------------------------------------------------------------

  /** Subscribes to the simulator once; resolves when its first snapshot arrived. */
  private start(): Promise<void> {
    if (this.ready) return this.ready;
    this.ready = new Promise<void>((resolve) => {
      let first = true;
      this.subscription = this.simulator.connect().subscribe((event) => {
        if (event.type === 'snapshot') {
          if (first) {
            first = false;
            resolve();
            return;
          }
          // The simulator's own stream was dropped and came back: changes were missed. Every
          // earlier position is now too old; open streams are told to resync.
          this.log.restart();
          this.broadcastResync('restarted');
        } else if (event.type === 'changes') {
          this.publish(event.changes);
        }
      });
    });
    return this.ready;
  }

  private publish(changes: readonly CentreChange[]): void {
    if (this.faults.consume('malformed')) {
      const data = MALFORMED_EVENTS[this.malformedTurn++ % MALFORMED_EVENTS.length] as string;
      this.broadcast(this.log.append(data));
    }
    this.broadcast(this.log.append(JSON.stringify({ changes })));
  }

  /** Sends a new event to every change stream, through the duplicate and reorder faults. */
  private broadcast(event: LoggedEvent): void {
    const twice = this.faults.consume('duplicate');
    if (!this.held && this.faults.consume('reorder')) {
      const timer = setTimeout(() => this.flushHeld(), this.reorderWindowMs);
      this.held = { event, twice, timer };
      return;
    }
    this.sendChanges(event, twice);
    this.flushHeld();
  }

  private flushHeld(): void {
    const held = this.held;
    if (!held) return;
    this.held = null;
    clearTimeout(held.timer);
    this.sendChanges(held.event, held.twice);
  }

  private sendChanges(event: LoggedEvent, twice: boolean): void {
    const text = formatSseEvent({ id: event.id, event: 'changes', data: event.data });
    for (const c of this.connections) {
      if (c.kind !== 'events') continue;
      this.write(c, text);
      if (twice) this.write(c, text);
    }
  }

  private broadcastResync(reason: ResyncReason): void {
    for (const c of [...this.connections]) {
      if (c.kind !== 'events') continue;
      this.write(c, resyncEvent(reason, this.log.lastId));
      this.close(c);
    }
  }

  private dropStreams(): void {
    for (const c of [...this.connections]) {
      c.closed = true;
      try {
        c.controller.error(new Error('The stream was dropped (injected fault).'));
      } catch {
        // already closed
      }
      this.forget(c);
    }
  }

  // ----- streams ------------------------------------------------------------------------------

  /**
   * A `text/event-stream` body. `open` runs synchronously when the stream starts (register, then
   * write the backlog: no event can fall between them).
   */
  private stream(
    kind: Connection['kind'],
    open: (c: Connection) => void,
    onClose: () => void = () => undefined,
  ): ReadableStream<Uint8Array> {
    let connection: Connection | null = null;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        let heartbeat: ReturnType<typeof setInterval> | undefined;
        const c: Connection = {
          kind,
          controller,
          stalled: false,
          closed: false,
          cleanup: () => {
            clearInterval(heartbeat);
            onClose();
          },
        };
        connection = c;
        this.connections.add(c);
        if (this.retryMs !== undefined) this.write(c, `retry: ${this.retryMs}\n\n`);
        if (this.heartbeatMs > 0) {
          heartbeat = setInterval(
            () =>
              this.write(
                c,
                formatSseEvent({ event: 'heartbeat', data: JSON.stringify({ at: Date.now() }) }),
              ),
            this.heartbeatMs,
          );
        }
        open(c);
      },
      cancel: () => {
        if (connection) this.forget(connection);
      },
    });
  }

  private write(c: Connection, text: string): void {
    if (c.closed || c.stalled) return;
    try {
      c.controller.enqueue(encoder.encode(text));
    } catch {
      this.forget(c);
    }
  }

  private close(c: Connection): void {
    if (!c.closed) {
      c.closed = true;
      try {
        c.controller.close();
      } catch {
        // already closed or errored
      }
    }
    this.forget(c);
  }

  private forget(c: Connection): void {
    c.closed = true;
    if (this.connections.delete(c)) c.cleanup();
  }

  // ----- handlers -----------------------------------------------------------------------------

  private createHandlers(): HttpHandler[] {
    const base = this.baseUrl;
    return [
      http.get(`${base}/snapshot`, async () => {
        const fault = this.faults.take('snapshot');
        if (fault) return this.faultResponse(fault, 'snapshot');
        await this.start();
        return json({ version: this.log.lastId, ...this.simulator.snapshot() });
      }),

      http.get(`${base}/events`, async ({ request }) => {
        const fault = this.faults.take('events');
        if (fault) return this.faultResponse(fault, 'events');
        await this.start();
        const header = request.headers.get('Last-Event-ID');
        const body = this.stream('events', (c) => {
          const backlog =
            header === null
              ? []
              : /^[0-9]+$/.test(header.trim())
                ? this.log.since(Number(header.trim()))
                : 'unknown-position';
          if (typeof backlog === 'string') {
            this.write(c, resyncEvent(backlog, this.log.lastId));
            this.close(c);
            return;
          }
          for (const e of backlog) {
            this.write(c, formatSseEvent({ id: e.id, event: 'changes', data: e.data }));
          }
        });
        return new HttpResponse(body, { status: 200, headers: SSE_HEADERS });
      }),

      http.post(`${base}/conversations/:conversationId/:action`, async ({ request, params }) => {
        const conversationId = String(params.conversationId);
        const name = ACTIONS[String(params.action)];
        if (!name) {
          return problem(commandError('not-found', `There is no command "${params.action}".`));
        }
        const fault = this.faults.take(name);
        if (fault && fault.kind !== 'timeout' && fault.kind !== 'malformed') {
          return this.faultResponse(fault, name, conversationId);
        }
        const key = request.headers.get('Idempotency-Key');
        if (!key) {
          return problem(commandError('invalid', 'The Idempotency-Key header is missing.'), 400);
        }
        const body: unknown = await request.json().catch(() => undefined);
        const command = parseCommand(name, conversationId, key, body);
        if (typeof command === 'string') return problem(commandError('invalid', command), 400);

        await this.start();
        const replayed = this.seenKeys.has(key);
        this.remember(key);
        const result = await this.run(name, command);
        if (fault?.kind === 'timeout') {
          // Applied; the answer comes too late for the client, which retries with the same key.
          await delay(fault.hangMs ?? 30_000);
        }
        if (fault?.kind === 'malformed') {
          return new HttpResponse('{"conversation": {"id": 42, "status": ', {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        }
        return this.commandResponse(result, conversationId, replayed);
      }),

      http.get(`${base}/conversations/:conversationId/transcript`, async ({ params }) => {
        const conversationId = String(params.conversationId);
        const fault = this.faults.take('transcript');
        if (fault) return this.faultResponse(fault, 'transcript', conversationId);
        const messages = this.transcriptNow(conversationId);
        if (!messages) return problem(notFound(conversationId));
        return json({ conversationId, version: messages.length, messages });
      }),

      http.get(
        `${base}/conversations/:conversationId/transcript/events`,
        async ({ request, params }) => {
          const conversationId = String(params.conversationId);
          const fault = this.faults.take('transcript-events');
          if (fault) return this.faultResponse(fault, 'transcript-events', conversationId);
          return this.transcriptStream(conversationId, request.headers.get('Last-Event-ID'));
        },
      ),
    ];
  }

  private run(name: CommandName, command: CommandBase): Promise<CommandResult> {
    const s = this.simulator;
    switch (name) {
      case 'assign':
        return s.assign(command as AssignCommand);
      case 'transfer':
        return s.transfer(command as TransferCommand);
      case 'forceClose':
        return s.forceClose(command);
      case 'monitor':
        return s.monitor(command);
      case 'unmonitor':
        return s.unmonitor(command);
      case 'join':
        return s.join(command);
      case 'leave':
        return s.leave(command);
      case 'whisper':
        return s.whisper(command as WhisperCommand);
    }
  }

  private remember(key: string): void {
    this.seenKeys.add(key);
    if (this.seenKeys.size > 10_000) {
      const oldest = this.seenKeys.values().next();
      if (!oldest.done) this.seenKeys.delete(oldest.value);
    }
  }

  private commandResponse(
    result: CommandResult,
    conversationId: string,
    replayed: boolean,
  ): Response {
    if (!result.ok) return problem(result.error);
    const conversation = result.conversation ?? this.simulator.getConversation(conversationId);
    if (!conversation) return problem(notFound(conversationId));
    return json({ conversation }, 200, replayed ? { 'Idempotent-Replayed': 'true' } : {});
  }

  /** The transcript so far (generated on first ask), or `null` for an unknown conversation. */
  private transcriptNow(conversationId: string): readonly TranscriptMessage[] | null {
    let messages: readonly TranscriptMessage[] | null = null;
    const sub = this.simulator.transcript(conversationId).subscribe((e: TranscriptEvent) => {
      if (e.type === 'snapshot') messages = e.messages;
    });
    sub.unsubscribe();
    return messages;
  }

  private transcriptStream(conversationId: string, header: string | null): Response {
    let messages: readonly TranscriptMessage[] | null = null;
    let connection: Connection | null = null;
    let seq = 0;
    const subscription = this.simulator
      .transcript(conversationId)
      .subscribe((e: TranscriptEvent) => {
        if (e.type === 'snapshot') {
          messages = e.messages;
          seq = e.messages.length;
        } else if (e.type === 'message' && connection) {
          seq += 1;
          this.write(connection, messageEvent(seq, e.message));
        }
      });
    const known = messages as readonly TranscriptMessage[] | null;
    if (!known) {
      subscription.unsubscribe();
      return problem(notFound(conversationId));
    }
    const from = header === null ? known.length : /^[0-9]+$/.test(header) ? Number(header) : -1;
    const body = this.stream(
      'transcript',
      (c) => {
        connection = c;
        if (from < 0 || from > known.length) {
          this.write(c, resyncEvent('unknown-position', known.length));
          this.close(c);
          return;
        }
        known.slice(from).forEach((m, i) => this.write(c, messageEvent(from + i + 1, m)));
      },
      () => subscription.unsubscribe(),
    );
    return new HttpResponse(body, { status: 200, headers: SSE_HEADERS });
  }

  /** The answer an injected HTTP fault gives. */
  private async faultResponse(
    fault: HttpFault,
    endpoint: MockEndpoint,
    conversationId?: string,
  ): Promise<Response> {
    switch (fault.kind) {
      case 'network-error':
        return HttpResponse.error();
      case 'server-error':
        return problem(
          commandError(
            'unavailable',
            fault.message ?? 'The contact centre failed to handle the request.',
          ),
          500,
        );
      case 'unavailable':
        return problem(
          commandError('unavailable', fault.message, {
            ...(fault.retryAfterMs !== undefined ? { retryAfterMs: fault.retryAfterMs } : {}),
          }),
          503,
        );
      case 'rate-limited':
        return problem(
          commandError('rate-limited', fault.message, {
            retryAfterMs: fault.retryAfterMs ?? 1000,
          }),
        );
      case 'forbidden':
        return problem(commandError('forbidden', fault.message));
      case 'conflict': {
        const conversation = conversationId
          ? this.simulator.getConversation(conversationId)
          : undefined;
        return problem(
          commandError('conflict', fault.message, {
            currentVersion: conversation?.version ?? 0,
            ...(conversation ? { current: conversation } : {}),
          }),
        );
      }
      case 'timeout':
        await delay(fault.hangMs ?? 30_000);
        return problem(commandError('unavailable', 'The answer came too late.'), 503);
      case 'malformed':
        if (endpoint === 'events' || endpoint === 'transcript-events') {
          return json({ not: 'an event stream' });
        }
        return new HttpResponse('{"version": "soon", "conversations": "none"', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
    }
  }
}

/**
 * The MSW handlers of the whole contract on top of a simulator. Keep the `MockBackend` (use
 * `new MockBackend(...)` directly) when you need its log, open streams or `dispose()`.
 */
export function createHandlers(
  simulator: SimulatedCentre,
  faults: MockFaults = new MockFaults(),
  options: MockBackendOptions = {},
): HttpHandler[] {
  return new MockBackend(simulator, faults, options).handlers;
}

// ----- helpers ----------------------------------------------------------------------------------

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A problem+json answer for a command error (with `Retry-After` when it carries a wait). */
function problem(error: CommandError, status: number = PROBLEM_STATUS[error.kind]): Response {
  const document = problemFromError(error, status);
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_MEDIA_TYPE };
  if (document.retryAfterMs !== undefined) {
    headers['Retry-After'] = String(Math.ceil(document.retryAfterMs / 1000));
  }
  return new HttpResponse(JSON.stringify(document), { status, headers });
}

function notFound(conversationId: string): CommandError {
  return commandError('not-found', `Conversation "${conversationId}" does not exist.`);
}

function resyncEvent(reason: ResyncReason, version: number): string {
  return formatSseEvent({ event: 'resync', data: JSON.stringify({ reason, version }) });
}

function messageEvent(seq: number, message: TranscriptMessage): string {
  return formatSseEvent({ id: seq, event: 'message', data: JSON.stringify(message) });
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseTarget(v: unknown): TargetRef | null {
  if (!isObj(v) || typeof v.id !== 'string' || v.id === '') return null;
  return v.type === 'representative' || v.type === 'queue' ? { type: v.type, id: v.id } : null;
}

/** The command a request body describes, or why it is malformed (a 400). */
function parseCommand(
  name: CommandName,
  conversationId: string,
  idempotencyKey: string,
  body: unknown,
): CommandBase | AssignCommand | TransferCommand | WhisperCommand | string {
  if (!isObj(body)) return 'The body is not a JSON object.';
  const expectedVersion = body.expectedVersion;
  if (typeof expectedVersion !== 'number' || !Number.isSafeInteger(expectedVersion)) {
    return 'expectedVersion must be an integer.';
  }
  const base: CommandBase = { conversationId, expectedVersion, idempotencyKey };
  if (name === 'whisper') {
    if (typeof body.text !== 'string') return 'text must be a string.';
    return { ...base, text: body.text } satisfies WhisperCommand;
  }
  if (name !== 'assign' && name !== 'transfer') return base;
  const target = parseTarget(body.target);
  if (!target) return 'target must be { type: "representative" | "queue", id }.';
  if (name === 'transfer') return { ...base, target } satisfies TransferCommand;
  if (typeof body.overridePresence !== 'boolean' || typeof body.overrideCapacity !== 'boolean') {
    return 'overridePresence and overrideCapacity must be booleans.';
  }
  return {
    ...base,
    target,
    overridePresence: body.overridePresence,
    overrideCapacity: body.overrideCapacity,
  } satisfies AssignCommand;
}
