import type { Conversation } from '../domain/index.js';

/** Detail of `sc-force-close-request`. */
export interface ForceCloseRequestDetail {
  readonly conversationId: string;
  /** The conversation as the supervisor saw it when confirming. */
  readonly conversation: Conversation;
}

/**
 * Fired by `<force-close-dialog>` when the supervisor confirms, before the service is called.
 * Cancelable: `preventDefault()` keeps the conversation open.
 */
export class ForceCloseRequestEvent extends Event {
  static readonly eventName = 'sc-force-close-request';
  readonly detail: ForceCloseRequestDetail;

  constructor(detail: ForceCloseRequestDetail) {
    super(ForceCloseRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-force-close-request': ForceCloseRequestEvent;
  }
}
