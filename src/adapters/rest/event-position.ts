/**
 * Where a client is in an event stream whose ids are consecutive integers. It tells a new event from
 * a duplicate, puts up with events that arrive out of order, and knows the position to resume from:
 * the highest id with no gap before it (an event received past a gap is remembered, so it is not
 * delivered twice when the server sends it again after a reconnect).
 */

/** What an event id means for the client. */
export type EventVerdict =
  /** Not seen before: deliver it. */
  | 'new'
  /** Seen already (or before the resume position): skip it. */
  | 'duplicate'
  /** Too many events arrived past a gap that never filled: the client should resynchronize. */
  | 'gap';

export class EventPosition {
  private current: number;
  private readonly ahead = new Set<number>();

  /**
   * @param position the position to start from (a snapshot's version)
   * @param maxAhead how many events past a gap are held before the gap counts as lost
   */
  constructor(
    position = 0,
    private readonly maxAhead = 100,
  ) {
    this.current = position;
  }

  /** The resume position: every event up to it has been received. */
  get position(): number {
    return this.current;
  }

  /** Events received past a gap, waiting for it to fill. */
  get pending(): number {
    return this.ahead.size;
  }

  /** Starts again from a new position (after a snapshot). */
  reset(position: number): void {
    this.current = position;
    this.ahead.clear();
  }

  /** Records an event id and says whether to deliver it. */
  accept(id: number): EventVerdict {
    if (id <= this.current || this.ahead.has(id)) return 'duplicate';
    if (id === this.current + 1) {
      this.current = id;
      while (this.ahead.delete(this.current + 1)) this.current += 1;
      return 'new';
    }
    this.ahead.add(id);
    return this.ahead.size > this.maxAhead ? 'gap' : 'new';
  }
}
