/**
 * A small Server-Sent Events parser (the `text/event-stream` format of the HTML standard), fed with
 * decoded text chunks as they arrive from a `fetch` body. `EventSource` would parse for us, but it
 * cannot send the host's auth headers; `fetch` can, and this is all the parsing it needs.
 *
 * Differences from `EventSource`, on purpose: an event's `id` is the one given in *that* event block
 * (not the last one ever seen), so events without an id (`resync`, `heartbeat`) are told apart; the
 * caller keeps the resume position itself.
 */

/** One dispatched event. */
export interface SseEvent {
  /** The `event:` field, `message` when none. */
  readonly event: string;
  /** The `data:` lines joined by newlines. */
  readonly data: string;
  /** The `id:` field of this event block, when it had one. */
  readonly id?: string;
}

/** What the parser reports. */
export interface SseHandlers {
  event(event: SseEvent): void;
  /** A `retry:` field: the server's suggested reconnection delay in ms. */
  retry?(ms: number): void;
  /** A comment line (`: …`), often a keep-alive. */
  comment?(text: string): void;
}

/** Parses a text/event-stream incrementally: `push` each decoded chunk, `end` when the body ends. */
export class SseParser {
  private buffer = '';
  private first = true;
  /** A chunk ended in `\r`: a `\n` at the start of the next chunk belongs to it. */
  private pendingCr = false;
  private eventType = '';
  private data: string[] = [];
  private id: string | undefined = undefined;

  constructor(private readonly handlers: SseHandlers) {}

  /** Feeds decoded text. Complete lines are processed at once; a partial line waits. */
  push(chunk: string): void {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      this.line(this.buffer.slice(start, i));
      if (ch === 13) {
        if (i + 1 < this.buffer.length) {
          if (this.buffer.charCodeAt(i + 1) === 10) i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  /** The body ended: an event without its closing blank line is discarded (as the standard says). */
  end(): void {
    this.buffer = '';
    this.reset();
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.handlers.comment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.handlers.retry?.(Number(value));
        break;
      default:
      // Unknown fields are ignored.
    }
  }

  private dispatch(): void {
    // A block with no data line dispatches nothing (as the standard says).
    if (this.data.length === 0) {
      this.reset();
      return;
    }
    const event: SseEvent = {
      event: this.eventType || 'message',
      data: this.data.join('\n'),
      ...(this.id !== undefined ? { id: this.id } : {}),
    };
    this.reset();
    this.handlers.event(event);
  }

  private reset(): void {
    this.eventType = '';
    this.data = [];
    this.id = undefined;
  }
}

/** Formats one event as text/event-stream (for the mock server and tests). */
export function formatSseEvent(event: {
  readonly event?: string;
  readonly data: string;
  readonly id?: string | number;
  readonly retry?: number;
}): string {
  let out = '';
  if (event.retry !== undefined) out += `retry: ${event.retry}\n`;
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.event) out += `event: ${event.event}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}
