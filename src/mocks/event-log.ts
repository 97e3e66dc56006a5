/**
 * The mock server's bounded log of change events, so a client that reconnects with `Last-Event-ID`
 * gets exactly what it missed — or is told to resync when what it missed is no longer kept.
 */

/** One logged event: its id (the stream position) and its data (one line of JSON). */
export interface LoggedEvent {
  readonly id: number;
  readonly data: string;
}

/** Why a position cannot be resumed from (the `reason` of a `resync` event). */
export type ResyncReason = 'gap-too-old' | 'unknown-position' | 'restarted';

/** Consecutive ids from 1; keeps the last `capacity` events. */
export class EventLog {
  private events: LoggedEvent[] = [];
  private last = 0;
  private restartedAt = -1;

  constructor(readonly capacity = 1000) {}

  /** The id of the last event (the current stream position). */
  get lastId(): number {
    return this.last;
  }

  /** The oldest id still kept (`lastId + 1` when none is kept). */
  get oldestId(): number {
    return this.events[0]?.id ?? this.last + 1;
  }

  /** How many events are kept. */
  get size(): number {
    return this.events.length;
  }

  /** Appends an event with the next id. */
  append(data: string): LoggedEvent {
    this.last += 1;
    const event = { id: this.last, data };
    this.events.push(event);
    if (this.events.length > this.capacity) {
      this.events.splice(0, this.events.length - this.capacity);
    }
    return event;
  }

  /** The events after position `id`, or why they cannot be given. */
  since(id: number): readonly LoggedEvent[] | ResyncReason {
    if (!Number.isSafeInteger(id) || id < 0 || id > this.last) return 'unknown-position';
    if (id === this.last) return [];
    if (id + 1 < this.oldestId) return id < this.restartedAt ? 'restarted' : 'gap-too-old';
    const from = this.events.findIndex((e) => e.id > id);
    return from === -1 ? [] : this.events.slice(from);
  }

  /**
   * Forgets every event and moves the position on by one, so every earlier position needs a resync
   * (the backend's state jumped without events, e.g. it restarted).
   */
  restart(): void {
    this.events = [];
    this.last += 1;
    this.restartedAt = this.last;
  }
}
