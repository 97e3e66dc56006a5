/** The bulk interventions the table's selection bar offers. */
export type BulkActionKind = 'assign-queue' | 'force-close';

/** Detail of `sc-bulk-request`. */
export interface BulkRequestDetail {
  readonly action: BulkActionKind;
  /** The selected conversation ids, in the order they were selected. */
  readonly conversationIds: readonly string[];
}

/**
 * Fired by `<ongoing-conversations-table>` when the supervisor picks a bulk action in its selection
 * bar. The table never acts itself: `<supervisor-console>` opens `<bulk-action-dialog>` on it.
 * Cancelable: `preventDefault()` vetoes it (the table says it was cancelled).
 */
export class BulkRequestEvent extends Event {
  static readonly eventName = 'sc-bulk-request';
  readonly detail: BulkRequestDetail;

  constructor(detail: BulkRequestDetail) {
    super(BulkRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-bulk-request': BulkRequestEvent;
  }
}
