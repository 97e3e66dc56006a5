/** Detail of `sc-selection-change`. */
export interface SelectionChangeDetail {
  /** The selected conversation ids now, in the order they were selected. */
  readonly selectedIds: readonly string[];
  /**
   * Why it changed: the supervisor (`user`: a checkbox, a key, Clear) or the data (`view`: selected
   * conversations left the rows shown, closed or filtered out, so they were dropped).
   */
  readonly source: 'user' | 'view';
}

/**
 * Fired by `<ongoing-conversations-table>` after its row selection changed. Not fired when the host
 * sets `selectedIds`.
 */
export class SelectionChangeEvent extends Event {
  static readonly eventName = 'sc-selection-change';
  readonly detail: SelectionChangeDetail;

  constructor(detail: SelectionChangeDetail) {
    super(SelectionChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-selection-change': SelectionChangeEvent;
  }
}
