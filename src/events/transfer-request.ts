import type { TargetRef } from '../adapters/backend-adapter.js';
import type { Conversation } from '../domain/index.js';

/** Detail of `sc-transfer-request`. */
export interface TransferRequestDetail {
  readonly conversationId: string;
  /** The conversation as the supervisor saw it when confirming. */
  readonly conversation: Conversation;
  /** The human representative asked to take over. */
  readonly target: TargetRef;
}

/**
 * Fired by `<transfer-dialog>` when the supervisor confirms, before the service is called. Cancelable:
 * `preventDefault()` vetoes the transfer.
 */
export class TransferRequestEvent extends Event {
  static readonly eventName = 'sc-transfer-request';
  readonly detail: TransferRequestDetail;

  constructor(detail: TransferRequestDetail) {
    super(TransferRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-transfer-request': TransferRequestEvent;
  }
}
