import type { AttentionThresholds, ConversationFilter, ConversationSort } from '../domain/index.js';

/** What changed the view: the supervisor's own edit, a saved view they applied, or the page URL. */
export type ViewChangeSource = 'user' | 'saved-view' | 'url';

/** Detail of `sc-view-change`. */
export interface ViewChangeDetail {
  readonly filter: ConversationFilter;
  readonly sort: ConversationSort;
  /**
   * The view's alert thresholds now (`{}`: none): the attention thresholds and `stuckAfterMs` (the
   * table's `TableThresholds`).
   */
  readonly thresholds: AttentionThresholds & { readonly stuckAfterMs?: number };
  /** The saved view now applied, or `null` when the filter and sort match no saved view as applied. */
  readonly viewName: string | null;
  /** The view encoded as a URL parameter value (what `url-sync` writes), for share links. */
  readonly encoded: string;
  readonly source: ViewChangeSource;
}

/**
 * Fired by `<ongoing-conversations-table>` after the supervisor changed its filter, sort or alert
 * thresholds (a header, a toolbar control, a saved view, or the page URL). Not fired when the host
 * sets `filter`, `sort` or `thresholds`.
 */
export class ViewChangeEvent extends Event {
  static readonly eventName = 'sc-view-change';
  readonly detail: ViewChangeDetail;

  constructor(detail: ViewChangeDetail) {
    super(ViewChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-view-change': ViewChangeEvent;
  }
}
