/**
 * Spots the rows that changed between two views of the same query, so the table can flash them.
 * A conversation changed when its object is new and its version differs (the service replaces a
 * conversation object only when it changes); a conversation new to the view changed too. The first
 * view, and the first view of a new filter or sort, flash nothing.
 */
import { DEFAULT_SORT, type Conversation } from '../../domain/index.js';
import type { ConversationView } from '../../service/supervisor-service.js';
import { encodeView } from './saved-views.js';

/** A row's highlight: until when, and which of two identical animations (so a new change restarts it). */
interface Flash {
  readonly until: number;
  readonly parity: 0 | 1;
}

export class RowChangeTracker {
  /** Rows of the last view that are not closing (the count the footer shows). */
  shown = 0;

  private lastView: ConversationView | undefined;
  private lastQuery = '';
  private previous = new Map<string, Conversation>();
  private readonly flashes = new Map<string, Flash>();

  /** @param durationMs how long a change stays highlighted (match the CSS animation). */
  constructor(private readonly durationMs = 1200) {}

  /** Compares a new view with the last one. Cheap to call with the same view again. */
  track(view: ConversationView): void {
    if (view === this.lastView) return;
    this.lastView = view;
    const query = encodeView({
      filter: view.query.filter ?? {},
      sort: view.query.sort ?? DEFAULT_SORT,
    });
    const compare = query === this.lastQuery && this.previous.size > 0;
    this.lastQuery = query;
    const until = view.now + this.durationMs;
    const next = new Map<string, Conversation>();
    let shown = 0;
    for (const c of view.rows) {
      next.set(c.id, c);
      if (c.status !== 'closed') shown += 1;
      if (!compare) continue;
      const before = this.previous.get(c.id);
      if (before !== c && (before === undefined || before.version !== c.version)) {
        this.flashes.set(c.id, { until, parity: this.flashes.get(c.id)?.parity === 0 ? 1 : 0 });
      }
    }
    this.previous = next;
    this.shown = shown;
    if (this.flashes.size > 200) {
      for (const [id, f] of this.flashes) if (f.until <= view.now) this.flashes.delete(id);
    }
  }

  /** The highlight parity of a row changed recently (at `now`), or `null`. */
  flash(id: string, now: number): 0 | 1 | null {
    const f = this.flashes.get(id);
    return f !== undefined && f.until > now ? f.parity : null;
  }
}
