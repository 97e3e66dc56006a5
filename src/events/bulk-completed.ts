import type { BulkResult } from '../service/bulk.js';

/** Detail of `sc-bulk-completed`. */
export interface BulkCompletedDetail {
  /**
   * One row per planned conversation, in plan order: succeeded, refused or failed (with its error).
   * After "Try again", the rows retried are replaced by their new results; the others are kept.
   */
  readonly result: BulkResult;
  /** `true` when this result comes from "Try again" on the failed rows of an earlier run. */
  readonly retry: boolean;
}

/**
 * Fired by `<bulk-action-dialog>` after a bulk intervention ran (and again after each "Try again"),
 * whatever each row's outcome: a partial failure is reported row by row.
 */
export class BulkCompletedEvent extends Event {
  static readonly eventName = 'sc-bulk-completed';
  readonly detail: BulkCompletedDetail;

  constructor(detail: BulkCompletedDetail) {
    super(BulkCompletedEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-bulk-completed': BulkCompletedEvent;
  }
}
