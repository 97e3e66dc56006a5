import type { BulkPlan } from '../domain/index.js';

/** Detail of `sc-bulk-run-request`. */
export interface BulkRunRequestDetail {
  /** The plan the supervisor confirmed: each row's verdict and effect, and the totals. */
  readonly plan: BulkPlan;
}

/**
 * Fired by `<bulk-action-dialog>` when the supervisor confirms the preview, before any command is
 * sent. Cancelable: `preventDefault()` sends nothing (the dialog says the page stopped it).
 */
export class BulkRunRequestEvent extends Event {
  static readonly eventName = 'sc-bulk-run-request';
  readonly detail: BulkRunRequestDetail;

  constructor(detail: BulkRunRequestDetail) {
    super(BulkRunRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-bulk-run-request': BulkRunRequestEvent;
  }
}
