/** Detail of `sc-monitor-close`. */
export interface MonitorCloseDetail {
  readonly conversationId: string;
}

/**
 * Fired by `<monitor-panel>` when the supervisor closes it. Cancelable: `preventDefault()` keeps the
 * panel monitoring. Otherwise the panel stops monitoring and closes its transcript stream.
 */
export class MonitorCloseEvent extends Event {
  static readonly eventName = 'sc-monitor-close';
  readonly detail: MonitorCloseDetail;

  constructor(detail: MonitorCloseDetail) {
    super(MonitorCloseEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sc-monitor-close': MonitorCloseEvent;
  }
}
