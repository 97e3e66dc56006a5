import type { TargetRef } from '../adapters/backend-adapter.js';
import type { CommandOutcome } from '../service/outcomes.js';

/** Detail of `sc-transferred`. */
export interface TransferredDetail {
  readonly conversationId: string;
  readonly target: TargetRef;
  /** The service's outcome (status `succeeded`): the transfer now waits for the target's answer. */
  readonly outcome: CommandOutcome;
}

/**
 * Fired by `<transfer-dialog>` when the backend took the transfer request. The transfer is then
 * pending until the target accepts or rejects it (`sc-transfer-resolved`).
 */
export class TransferredEvent extends Event {
  static readonly eventName = 'sc-transferred';
  readonly detail: TransferredDetail;

  constructor(detail: TransferredDetail) {
    super(TransferredEvent.eventName, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-transferred': TransferredEvent;
  }
}
