/** Detail of `sc-leave-request`. */
export interface LeaveRequestDetail {
  readonly conversationId: string;
}

/**
 * Fired by `<monitor-panel>` when the supervisor asks to leave a joined conversation, before the
 * service is called. Cancelable.
 */
export class LeaveRequestEvent extends Event {
  static readonly eventName = 'sc-leave-request';
  readonly detail: LeaveRequestDetail;

  constructor(detail: LeaveRequestDetail) {
    super(LeaveRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-leave-request': LeaveRequestEvent;
  }
}
