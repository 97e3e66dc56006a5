/**
 * Fault switches for the mock HTTP backend: make any endpoint answer 500, 503, 429 (with
 * `Retry-After`), 403 (the role error), 409 (a conflict), time out, fail at the network level or
 * send an unreadable body; and make the change stream drop, stall, duplicate, reorder or garble its
 * events. All off by default. HTTP faults sit in front of the simulated centre: the simulator's own
 * switches (`SimulatedCentre.setFaults`) still work underneath.
 *
 * @example
 * const faults = new MockFaults();
 * faults.inject({ kind: 'unavailable', on: ['assign'], times: 1 }); // the next assign gets a 503
 * faults.duplicateEvents(2); // the next two change events are delivered twice
 * faults.dropStreams(); // every open event stream fails now
 */
import type { CommandName } from '../adapters/backend-adapter.js';

/** The endpoints a fault can hit: the commands by name, and the reads and streams. */
export type MockEndpoint = CommandName | 'snapshot' | 'events' | 'transcript' | 'transcript-events';

/** Every endpoint, for tables. */
export const MOCK_ENDPOINTS: readonly MockEndpoint[] = [
  'assign',
  'transfer',
  'forceClose',
  'monitor',
  'unmonitor',
  'join',
  'leave',
  'whisper',
  'snapshot',
  'events',
  'transcript',
  'transcript-events',
];

/** What an HTTP fault does to a request. */
export type HttpFaultKind =
  /** 500 problem (`unavailable`); nothing applied. Clients do not retry it. */
  | 'server-error'
  /** 503 problem with `Retry-After`; nothing applied. Clients retry it. */
  | 'unavailable'
  /** 429 problem with `Retry-After` and `retryAfterMs`; nothing applied. Clients retry it. */
  | 'rate-limited'
  /** 403 problem carrying the role guidance ("Omnichannel API access"). */
  | 'forbidden'
  /** 409 problem carrying the conversation's current version. */
  | 'conflict'
  /**
   * A command **is applied**, then its answer hangs for `hangMs`: the client times out and retries
   * with the same key, and must not apply it twice. A read or stream just hangs.
   */
  | 'timeout'
  /** The connection fails (`fetch` rejects); nothing applied. */
  | 'network-error'
  /** 200 with an unreadable body (a command is applied; a stream answers with JSON instead of events). */
  | 'malformed';

/** One injected HTTP fault. */
export interface HttpFault {
  readonly kind: HttpFaultKind;
  /** The endpoints it hits; every endpoint when omitted. */
  readonly on?: readonly MockEndpoint[];
  /** How many requests it hits before it switches itself off; unlimited when omitted. */
  readonly times?: number;
  /** `rate-limited` / `unavailable`: the wait to ask for. Default 1,000 ms (`rate-limited`), none (`unavailable`). */
  readonly retryAfterMs?: number;
  /** `timeout`: how long the answer hangs. Default 30,000 ms. */
  readonly hangMs?: number;
  /** A `detail` instead of the standard sentence (a role error keeps its guidance). */
  readonly message?: string;
}

interface ActiveFault {
  readonly fault: HttpFault;
  remaining: number;
}

/** Counters of the change-stream faults still to happen. */
export interface StreamFaultCounters {
  /** The next N change events are delivered twice (same id). */
  readonly duplicate: number;
  /** The next N change events are held back and delivered after the event that follows them. */
  readonly reorder: number;
  /** The next N change events are preceded by a malformed event (with its own id). */
  readonly malformed: number;
}

/** What the mock backend listens to: stream faults that act on open connections at once. */
export interface StreamFaultListener {
  /** Fail every open stream now (a network error at the client). */
  drop(): void;
  /** Stop writing to every open stream (no events, no heartbeats) without closing it. */
  stall(): void;
}

/** The switchboard. One per mock backend; tests and the demo flip switches at any time. */
export class MockFaults {
  private active: ActiveFault[] = [];
  private counters = { duplicate: 0, reorder: 0, malformed: 0 };
  private readonly listeners = new Set<StreamFaultListener>();
  /** Faults that hit, newest last (for tests and the demo's log). */
  readonly log: { endpoint: MockEndpoint; kind: HttpFaultKind | 'drop' | 'stall'; at: number }[] =
    [];

  /** Adds an HTTP fault (faults are checked in the order added; the first match hits). */
  inject(fault: HttpFault): this {
    this.active.push({ fault, remaining: fault.times ?? Infinity });
    return this;
  }

  /** Shorthand: `fail('assign', 'unavailable', { times: 1 })`. */
  fail(
    on: MockEndpoint | readonly MockEndpoint[],
    kind: HttpFaultKind,
    extra: Omit<HttpFault, 'kind' | 'on'> = {},
  ): this {
    return this.inject({ ...extra, kind, on: typeof on === 'string' ? [on] : on });
  }

  /** Takes the fault for a request to `endpoint`, counting it down; `null` when none applies. */
  take(endpoint: MockEndpoint): HttpFault | null {
    const index = this.active.findIndex(
      (a) => a.remaining > 0 && (!a.fault.on || a.fault.on.includes(endpoint)),
    );
    const hit = this.active[index];
    if (!hit) return null;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.active.splice(index, 1);
    this.log.push({ endpoint, kind: hit.fault.kind, at: Date.now() });
    return hit.fault;
  }

  /** The HTTP faults still armed. */
  get http(): readonly HttpFault[] {
    return this.active.map((a) => a.fault);
  }

  /** The next `n` change events are delivered twice. */
  duplicateEvents(n = 1): this {
    this.counters.duplicate += n;
    return this;
  }

  /** The next `n` change events are each delivered after the event that follows them. */
  reorderEvents(n = 1): this {
    this.counters.reorder += n;
    return this;
  }

  /** The next `n` change events are each preceded by a malformed event. */
  malformEvents(n = 1): this {
    this.counters.malformed += n;
    return this;
  }

  /** The stream-fault counters now. */
  get stream(): StreamFaultCounters {
    return { ...this.counters };
  }

  /** Counts one stream fault down; `true` when it applies to this event. */
  consume(which: keyof StreamFaultCounters): boolean {
    if (this.counters[which] <= 0) return false;
    this.counters[which] -= 1;
    return true;
  }

  /** Every open change and transcript stream fails now; clients reconnect and resume. */
  dropStreams(): this {
    this.log.push({ endpoint: 'events', kind: 'drop', at: Date.now() });
    for (const l of this.listeners) l.drop();
    return this;
  }

  /** Every open stream goes silent (no events, no heartbeats) but stays open. */
  stallStreams(): this {
    this.log.push({ endpoint: 'events', kind: 'stall', at: Date.now() });
    for (const l of this.listeners) l.stall();
    return this;
  }

  /** Switches every fault off. */
  reset(): this {
    this.active = [];
    this.counters = { duplicate: 0, reorder: 0, malformed: 0 };
    return this;
  }

  /** For the mock backend: hears `dropStreams` / `stallStreams`. Returns the unsubscribe. */
  listen(listener: StreamFaultListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
