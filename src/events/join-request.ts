/** Detail of `sc-join-request`. */
export interface JoinRequestDetail {
  readonly conversationId: string;
}

/**
 * Fired by `<monitor-panel>` when the supervisor asks to join the conversation, before the service is
 * called. Cancelable: `preventDefault()` keeps monitoring silent.
 */
export class JoinRequestEvent extends Event {
  static readonly eventName = 'sc-join-request';
  readonly detail: JoinRequestDetail;

  constructor(detail: JoinRequestDetail) {
    super(JoinRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-join-request': JoinRequestEvent;
  }
}
